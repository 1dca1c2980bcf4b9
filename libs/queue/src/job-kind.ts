import type PgBoss from 'pg-boss';

export type QueueOptions = Omit<PgBoss.Queue, 'name'>;

/**
 * A named kind of job with its payload type and its queue's defaults (retries, backoff, expiry): the one
 * place a context declares what it puts on the queue. `T` is the payload every producer and handler shares.
 */
export interface JobKind<T> {
  readonly name: string;
  readonly options: QueueOptions;
  /** Type carrier only. */
  readonly _payload?: T;
}

export function defineJobKind<T>(name: string, options: QueueOptions): JobKind<T> {
  return { name, options };
}

/** One job to insert: its payload, a deterministic id (see job-id.ts) and when it may start. */
export interface NewJob<T> {
  data: T;
  id?: string;
  startAfter?: Date;
  /** Overrides of the kind's defaults for this job (e.g. a retry delay that follows a setting). */
  retryDelay?: number;
  retryLimit?: number;
  /** With a `singleton` or `stately` queue: at most one job of this key active (or queued) at a time. */
  singletonKey?: string;
}

/**
 * What a handler says of each job it was given: `retry` (with a message) fails it, so pg-boss tries again with the
 * kind's backoff; any other kind (a context's own words: done, stored, skipped…) completes it.
 */
export interface JobOutcome {
  kind: string;
  message?: string;
}
export const DONE: JobOutcome = { kind: 'done' };
