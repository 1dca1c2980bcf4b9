import { deterministicJobId } from './job-id';

/** Every pg-boss queue of the publishing context, and the payload each carries. */
export const QUEUES = {
  /** One job per post target and due time: "publish this target now". */
  publish: 'publishing.publish',
} as const;

export interface PublishJob {
  targetId: string;
  /** The due time the job was enqueued for (ISO); a target moved since makes the job a no-op. */
  dueAt: string;
}

/**
 * The deterministic job id `publish:<targetId>:<seq>` as a UUID (pg-boss ids are UUIDs): two
 * dispatchers enqueuing the same target at once insert one job.
 */
export function publishJobId(targetId: string, seq: number): string {
  return deterministicJobId(`publish:${targetId}:${seq}`);
}
