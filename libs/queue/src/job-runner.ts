import { Logger } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { JobKind, JobOutcome } from './job-kind';

const IDLE_POLL_MS = 250;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export interface JobHandlerSpec<T> {
  /** Jobs of this kind in flight in this process at most. */
  maxInFlight: number;
  /** Jobs per handler call (1: each job on its own; more: one call per batch, e.g. one ingest transaction). */
  batchSize: number;
  /** How long an idle runner waits before asking again (ms). */
  idlePollMs?: number;
  handle(jobs: Array<PgBoss.Job<T>>): Promise<Map<string, JobOutcome>>;
}

/**
 * The one consumer style: fetch as slots free up (never waiting for a whole batch to finish, so one slow
 * platform call holds back nothing), hand the jobs to the handler in batches, complete the done ones in
 * batches and fail the ones to retry by id (pg-boss then retries them with the kind's backoff).
 */
export class JobRunner<T> {
  private readonly logger: Logger;
  private running = false;
  private loop: Promise<void> | undefined;
  private active = 0;
  private wake: (() => void) | undefined;
  private done: string[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly calls = new Set<Promise<void>>();

  constructor(
    private readonly boss: PgBoss,
    private readonly kind: JobKind<T>,
    private readonly spec: JobHandlerSpec<T>,
  ) {
    this.logger = new Logger(`queue.${kind.name}`);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.spec.maxInFlight - this.active;
      if (free <= 0) {
        await new Promise<void>((r) => (this.wake = r));
        continue;
      }
      let jobs: Array<PgBoss.Job<T>> = [];
      try {
        jobs = await this.boss.fetch<T>(this.kind.name, { batchSize: free });
      } catch (e) {
        this.logger.warn(`fetch failed: ${(e as Error).message}`);
      }
      if (!this.running) {
        // Stopped while fetching: hand the jobs straight back.
        if (jobs.length)
          await this.boss
            .fail(
              this.kind.name,
              jobs.map((j) => j.id),
            )
            .catch(() => undefined);
        break;
      }
      if (!jobs.length) {
        await sleep(this.spec.idlePollMs ?? IDLE_POLL_MS);
        continue;
      }
      for (let i = 0; i < jobs.length; i += this.spec.batchSize) this.call(jobs.slice(i, i + this.spec.batchSize));
    }
  }

  private call(jobs: Array<PgBoss.Job<T>>): void {
    this.active += jobs.length;
    const p = this.spec
      .handle(jobs)
      .then((outcomes) => this.settle(jobs, outcomes))
      .catch((e: Error) => {
        this.logger.error(`${jobs.length} job(s): ${e.message}`);
        return this.fail(
          jobs.map((j) => j.id),
          e.message,
        );
      })
      .finally(() => {
        this.active -= jobs.length;
        this.calls.delete(p);
        this.wake?.();
        this.wake = undefined;
      });
    this.calls.add(p);
  }

  private async settle(jobs: Array<PgBoss.Job<T>>, outcomes: Map<string, JobOutcome>): Promise<void> {
    for (const job of jobs) {
      const o = outcomes.get(job.id) ?? { kind: 'done' };
      if (o.kind === 'retry') await this.fail([job.id], o.message ?? 'retry');
      else this.done.push(job.id);
    }
    this.flushTimer ??= setTimeout(() => void this.flush(), 100);
  }

  private async fail(ids: string[], message: string): Promise<void> {
    for (const id of ids) await this.boss.fail(this.kind.name, id, { message }).catch((e: Error) => this.logger.warn(`fail ${id}: ${e.message}`));
  }

  private async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const ids = this.done;
    this.done = [];
    if (ids.length) await this.boss.complete(this.kind.name, ids).catch((e: Error) => this.logger.warn(`complete failed: ${e.message}`));
  }

  /** No new jobs; running handler calls get `timeoutMs` to finish; finished jobs are completed. */
  async stop(timeoutMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop?.catch(() => undefined);
    await Promise.race([Promise.allSettled([...this.calls]), sleep(timeoutMs)]);
    await this.flush();
  }

  get inFlight(): number {
    return this.active;
  }
}
