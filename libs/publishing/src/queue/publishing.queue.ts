import { defineJobKind, deterministicJobId } from '@kabar/queue';

export interface PublishJob {
  targetId: string;
  /** The due time the job was enqueued for (ISO); a target moved since makes the job a no-op. */
  dueAt: string;
}

/** One job per post target and due time: "publish this target now" (a trigger only: the target row decides). */
export const PUBLISH_JOB = defineJobKind<PublishJob>('publishing.publish', { policy: 'standard', retryLimit: 3, retryDelay: 5, expireInSeconds: 900 });
/** Every job kind of the publishing context (the worker must handle each). */
export const PUBLISHING_JOB_KINDS = [PUBLISH_JOB];

/**
 * The deterministic job id `publish:<targetId>:<seq>` as a UUID (pg-boss ids are UUIDs): two
 * dispatchers enqueuing the same target at once insert one job.
 */
export function publishJobId(targetId: string, seq: number): string {
  return deterministicJobId(`publish:${targetId}:${seq}`);
}
