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
