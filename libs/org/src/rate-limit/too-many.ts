import { AppError } from '@kabar/common';

/**
 * A 429 whose message says how long to wait, in seconds under a minute and whole minutes above; the
 * Retry-After header carries the exact seconds. `kind` picks the sentence: login attempts or requests.
 */
export function tooMany(kind: 'attempts' | 'requests', retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const key = kind === 'attempts' ? 'auth.tooManyAttempts' : 'errors.rateLimited';
  if (seconds < 60) return AppError.tooMany(`${key}Seconds`, { count: seconds, retryAfterSeconds: seconds });
  return AppError.tooMany(key, { count: Math.ceil(seconds / 60), retryAfterSeconds: seconds });
}
