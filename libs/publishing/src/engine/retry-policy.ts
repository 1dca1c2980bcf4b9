import type { ErrorClass } from '../targets/target-row';

export interface RetryPolicyConfig {
  maxAttempts: number;
  /** First backoff step; doubles each try. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export type RetryDecision = { action: 'retry'; at: Date } | { action: 'fail' } | { action: 'hold' };

export const DEFAULT_RETRY: RetryPolicyConfig = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 };

/** Exponential backoff with full jitter on the upper half: base·2^(n-1) · [0.5, 1). */
export function backoffMs(attempt: number, cfg: RetryPolicyConfig, random: () => number = Math.random): number {
  const ceiling = Math.min(cfg.maxDelayMs, cfg.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * What to do after a try the platform definitely answered with an error of class `kind` (docs/architecture.md
 * "Errors by class"). `attempt` is the number of the try that just failed (1-based). An unknown outcome is
 * never decided here: the publisher checks with the platform instead (see PublisherService).
 */
export function decideRetry(
  kind: Exclude<ErrorClass, 'unknown_outcome'>,
  attempt: number,
  cfg: RetryPolicyConfig,
  opts: { now?: Date; retryAt?: Date; random?: () => number } = {},
): RetryDecision {
  const now = opts.now ?? new Date();
  switch (kind) {
    case 'auth':
      return { action: 'hold' };
    case 'rejected':
      return { action: 'fail' };
    case 'rate_limited': {
      // The platform named its reset time: waiting for it is not a failed try of the content.
      const at = opts.retryAt && opts.retryAt > now ? opts.retryAt : new Date(now.getTime() + backoffMs(attempt, cfg, opts.random));
      return { action: 'retry', at };
    }
    case 'transient':
    default:
      if (attempt >= cfg.maxAttempts) return { action: 'fail' };
      return { action: 'retry', at: new Date(now.getTime() + backoffMs(attempt, cfg, opts.random)) };
  }
}

/**
 * When to ask the platform again after a check answered "pending": when the platform suggests, but no later than
 * the end of the check window (`lostAt + windowMs`), where "still pending" becomes "unconfirmed" — a platform's
 * settle time may be longer than the operator's window, and a person should hear about it at the window's end.
 */
export function nextCheckAt(now: Date, lostAt: Date, retryAfterMs: number, windowMs: number): Date {
  const suggested = now.getTime() + Math.max(1000, retryAfterMs);
  const windowEnd = Math.max(now.getTime() + 1000, lostAt.getTime() + windowMs + 1000);
  return new Date(Math.min(suggested, windowEnd));
}
