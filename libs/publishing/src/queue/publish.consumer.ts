import { Inject, Injectable, Logger } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { PublisherService } from '../engine/publisher.service';
import { ClaimsRepository } from '../targets/claims.repository';
import { BossService } from './boss.service';
import { PublishJob, QUEUES } from './publishing.queue';

const IDLE_POLL_MS = 250;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Takes publish jobs from pg-boss as slots free up (KABAR_WORKER_CONCURRENCY per process) rather than
 * in fixed batches: one slow platform call never holds back the others. Each job is a trigger only;
 * the target's conditional state moves decide what actually happens, so a duplicate job is a no-op.
 */
@Injectable()
export class PublishConsumer {
  private readonly logger = new Logger('publishing.consumer');
  private running = false;
  private loop: Promise<void> | undefined;
  private active = 0;
  private wake: (() => void) | undefined;
  private done: string[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly jobs = new Set<Promise<void>>();

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly boss: BossService,
    private readonly publisher: PublisherService,
    private readonly claims: ClaimsRepository,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    const boss = await this.boss.get();
    const concurrency = this.config.workerConcurrency;
    while (this.running) {
      const free = concurrency - this.active;
      if (free <= 0) {
        await new Promise<void>((r) => (this.wake = r));
        continue;
      }
      let jobs: Array<{ id: string; data: PublishJob }> = [];
      try {
        jobs = await boss.fetch<PublishJob>(QUEUES.publish, { batchSize: free });
      } catch (e) {
        this.logger.warn(`fetch failed: ${(e as Error).message}`);
      }
      if (!this.running) {
        // Stopped while fetching: hand the jobs straight back.
        if (jobs.length)
          await boss
            .fail(
              QUEUES.publish,
              jobs.map((j) => j.id),
            )
            .catch(() => undefined);
        break;
      }
      if (!jobs.length) {
        await sleep(IDLE_POLL_MS);
        continue;
      }
      for (const job of jobs) this.handle(job);
    }
  }

  private handle(job: { id: string; data: PublishJob }): void {
    this.active++;
    const p = this.publisher
      .processJob(job.data.targetId)
      .then(() => this.complete(job.id))
      .catch((e: Error) => {
        this.logger.error(`job ${job.id} (target ${job.data.targetId}): ${e.message}`);
        void this.boss.get().then((b) => b.fail(QUEUES.publish, job.id, { message: e.message }).catch(() => undefined));
      })
      .finally(() => {
        this.active--;
        this.jobs.delete(p);
        this.wake?.();
        this.wake = undefined;
      });
    this.jobs.add(p);
  }

  private complete(id: string): void {
    this.done.push(id);
    this.flushTimer ??= setTimeout(() => void this.flush(), 100);
  }

  private async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const ids = this.done;
    this.done = [];
    if (!ids.length) return;
    const boss = await this.boss.get();
    await boss.complete(QUEUES.publish, ids).catch((e: Error) => this.logger.warn(`complete failed: ${e.message}`));
  }

  /**
   * Graceful stop: no new jobs; running ones get `timeoutMs` to finish. Claims whose platform call never
   * started are given back (due again for any worker). A call still running keeps its lease, renewed by the
   * heartbeat until the process exits: it is never handed to another worker mid-call. If the process is
   * killed, the lease runs out and the next holder checks with the platform before sending.
   */
  async stop(timeoutMs = 25_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop?.catch(() => undefined);
    const all = Promise.allSettled([...this.jobs]);
    await Promise.race([all, sleep(timeoutMs)]);
    await this.claims.releaseUnsent(this.publisher.inFlight.tokensIn('claimed')).catch(() => undefined);
    await this.flush();
  }

  /** Platform calls still running (after stop's grace ran out). */
  get callsInFlight(): number {
    return this.publisher.inFlight.size;
  }
}
