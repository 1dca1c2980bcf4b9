import { createHash } from 'crypto';
import { defineJobKind, deterministicJobId } from '@kabar/queue';

/** "Read this account's new comments, replies and mentions" for one collection period. */
export interface AduanCollectJob {
  accountId: string;
  period: number;
}

/**
 * `singleton`: pg-boss hands out at most one active job per singleton key (the account), so several workers never
 * collect one account at once; the deterministic id per account and period makes the trigger idempotent across
 * replicas. Retried with backoff within the period.
 */
export const ADUAN_COLLECT_JOB = defineJobKind<AduanCollectJob>('aduan.collect', {
  policy: 'singleton',
  retryLimit: 3,
  retryDelay: 20,
  retryBackoff: true,
  expireInSeconds: 600,
});

/** The collection's job kinds (the worker must handle each). */
export const COLLECT_JOB_KINDS = [ADUAN_COLLECT_JOB];

export const collectJobId = (accountId: string, period: number) => deterministicJobId(`${ADUAN_COLLECT_JOB.name}:${accountId}:${period}`);

/** The period's start plus a stable offset in its first half, so ~150 accounts do not call their platforms at once. */
export function collectStart(accountId: string, period: number, intervalMs: number): Date {
  const half = Math.max(1, Math.floor(intervalMs / 2));
  return new Date(period * intervalMs + (createHash('sha1').update(accountId).digest().readUInt32BE(0) % half));
}
