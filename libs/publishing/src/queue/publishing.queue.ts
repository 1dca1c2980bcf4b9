import { createHash } from 'crypto';

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
  const h = createHash('sha1').update(`publish:${targetId}:${seq}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
