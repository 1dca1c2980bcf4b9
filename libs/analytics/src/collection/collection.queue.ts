import { createHash } from 'crypto';
import { QueueOptions, QueueService, defineJobKind, deterministicJobId } from '@kabar/queue';

/** The analytics queues and the payload each carries. */
export const COLLECTION_QUEUES = {
  /** One job per account and period: "read this account's counters once in this period". */
  snapshot: 'analytics.snapshot',
  /** One job per account and slot: "read the counters of this account's published targets that are due". */
  postMetrics: 'analytics.post-metrics',
} as const;

export interface SnapshotJob {
  accountId: string;
  period: number;
}

export interface PostMetricsJob {
  accountId: string;
  slot: number;
}

/** A failed collection is retried with exponential backoff; the queue's options are the jobs' defaults. */
export const COLLECTION_QUEUE_OPTIONS: QueueOptions = { policy: 'standard', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 };

export const SNAPSHOT_JOB = defineJobKind<SnapshotJob>(COLLECTION_QUEUES.snapshot, COLLECTION_QUEUE_OPTIONS);
export const POST_METRICS_JOB = defineJobKind<PostMetricsJob>(COLLECTION_QUEUES.postMetrics, COLLECTION_QUEUE_OPTIONS);
/** Every job kind of the analytics context (the worker must handle each). */
export const ANALYTICS_JOB_KINDS = [SNAPSHOT_JOB, POST_METRICS_JOB];

/** Creates the queues unless they exist (pg-boss silently drops jobs inserted into a queue that does not exist yet). */
export async function ensureCollectionQueues(queue: QueueService): Promise<void> {
  for (const kind of ANALYTICS_JOB_KINDS) await queue.ensure(kind);
}

const MINUTE = 60_000;

/** The period a moment falls in: floor(epoch ms / interval). */
export function periodOf(ms: number, intervalMs: number): number {
  return Math.floor(ms / intervalMs);
}

/** Post metrics are read per slot of 15 minutes, or of the snapshot interval when that is shorter. */
export function postMetricsSlotMs(snapshotIntervalMs: number): number {
  return Math.min(15 * MINUTE, snapshotIntervalMs);
}

/**
 * First retry delay (s) for an interval: 1/60 of it, so the 5 backed-off retries (1+2+4+8+16 steps)
 * fit in about half the period (an hourly snapshot retries after 1, 2, 4, 8, 16 minutes).
 */
export function retryDelaySeconds(intervalMs: number): number {
  return Math.max(1, Math.round(intervalMs / 60 / 1000));
}

export function snapshotJobId(accountId: string, period: number): string {
  return deterministicJobId(`${COLLECTION_QUEUES.snapshot}:${accountId}:${period}`);
}

export function postMetricsJobId(accountId: string, slot: number): string {
  return deterministicJobId(`${COLLECTION_QUEUES.postMetrics}:${accountId}:${slot}`);
}

/**
 * When an account's job of a period starts: the period's start plus a stable offset in its first half
 * (a hash of the account id), so the platforms see the accounts spread out rather than in a burst and
 * a failed first try still has half the period to be retried.
 */
export function spreadStart(accountId: string, period: number, intervalMs: number): Date {
  const half = Math.max(1, Math.floor(intervalMs / 2));
  const offset = createHash('sha1').update(accountId).digest().readUInt32BE(0) % half;
  return new Date(period * intervalMs + offset);
}
