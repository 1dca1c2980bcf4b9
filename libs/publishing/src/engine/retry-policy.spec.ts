import { DEFAULT_RETRY, backoffMs, decideRetry, nextCheckAt } from './retry-policy';

describe('retry policy by error class', () => {
  const cfg = { ...DEFAULT_RETRY, maxAttempts: 6 };
  const now = new Date('2026-11-24T02:00:00Z');

  it('transient: exponential backoff with jitter, then failed after the last try', () => {
    const d1 = decideRetry('transient', 1, cfg, { now, random: () => 0 });
    const d3 = decideRetry('transient', 3, cfg, { now, random: () => 0.999 });
    expect(d1).toEqual({ action: 'retry', at: new Date(now.getTime() + 2_500) });
    expect(d3.action).toBe('retry');
    expect((d3 as { at: Date }).at.getTime() - now.getTime()).toBeGreaterThan(19_000);
    expect(decideRetry('transient', 6, cfg, { now })).toEqual({ action: 'fail' });
  });

  it('rate_limited: waits until the platform reset, whatever the try number', () => {
    const retryAt = new Date(now.getTime() + 15 * 60_000);
    expect(decideRetry('rate_limited', 9, cfg, { now, retryAt })).toEqual({ action: 'retry', at: retryAt });
  });

  it('auth holds, rejected fails at once', () => {
    expect(decideRetry('auth', 1, cfg, { now })).toEqual({ action: 'hold' });
    expect(decideRetry('rejected', 1, cfg, { now })).toEqual({ action: 'fail' });
  });

  it('backoff is capped', () => {
    expect(backoffMs(30, cfg, () => 0.999)).toBeLessThanOrEqual(cfg.maxDelayMs);
  });

  it('a pending check is asked again when the platform suggests, but no later than the end of the check window', () => {
    const lostAt = new Date(now.getTime() - 60_000);
    // Facebook trusts its listing 3 min after the loss; a 2 h window waits for that.
    expect(nextCheckAt(now, lostAt, 120_000, 2 * 3_600_000)).toEqual(new Date(now.getTime() + 120_000));
    // A 90 s window ends first: the next check falls at its end (+1 s), where it becomes unconfirmed.
    expect(nextCheckAt(now, lostAt, 120_000, 90_000)).toEqual(new Date(now.getTime() + 31_000));
    // Already past the window's end, and a platform asking for "now": never sooner than a second.
    expect(nextCheckAt(now, lostAt, 120_000, 10_000)).toEqual(new Date(now.getTime() + 1_000));
    expect(nextCheckAt(now, lostAt, 0, 2 * 3_600_000)).toEqual(new Date(now.getTime() + 1_000));
  });
});
