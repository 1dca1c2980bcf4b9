import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { JobKind, NewJob, QueueService } from '@kabar/queue';
import { CollectionRepository } from './collection.repository';
import {
  POST_METRICS_JOB,
  SNAPSHOT_JOB,
  ensureCollectionQueues,
  periodOf,
  postMetricsJobId,
  postMetricsSlotMs,
  retryDelaySeconds,
  snapshotJobId,
  spreadStart,
} from './collection.queue';
import { maintainPartitions, MaintenanceResult } from './partition-maintenance';

const STAMP_BATCH = 500;
const DAY_MS = 86_400_000;

type Trigger = 'snapshots' | 'postMetrics' | 'partitions';

/**
 * The periodic triggers of analytics collection. They only enqueue: each stamps the accounts it enqueues
 * and inserts their jobs in the same transaction, with deterministic ids, so replicas running the same
 * trigger at once enqueue each account once per period (snapshots) or slot (post metrics).
 */
@Injectable()
export class CollectionTriggers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('analytics.triggers');
  private readonly running = new Map<Trigger, Promise<unknown>>();
  private stopped = false;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: CollectionRepository,
    private readonly queue: QueueService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Queues and partitions first: a job for a missing queue is dropped, a reading for a month without
    // its partition cannot be stored.
    await ensureCollectionQueues(this.queue);
    await this.maintainPartitions();
    const every = Math.min(60_000, Math.max(500, Math.floor(this.config.snapshotIntervalMs / 4)));
    this.every('snapshots', every, () => this.enqueueSnapshots());
    this.every('postMetrics', every, () => this.enqueuePostMetrics());
    this.every('partitions', DAY_MS, () => this.maintainPartitions());
    void this.once('snapshots', () => this.enqueueSnapshots());
    void this.once('postMetrics', () => this.enqueuePostMetrics());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const name of ['snapshots', 'postMetrics', 'partitions'] as Trigger[]) {
      if (this.scheduler.doesExist('interval', this.key(name))) this.scheduler.deleteInterval(this.key(name));
    }
    await Promise.allSettled([...this.running.values()]);
  }

  /** Enqueues a snapshot job for every active account not yet enqueued this period; returns how many. */
  async enqueueSnapshots(now = Date.now()): Promise<number> {
    const interval = this.config.snapshotIntervalMs;
    const period = periodOf(now, interval);
    let total = 0;
    for (;;) {
      const n = await this.stampAndEnqueue(
        SNAPSHOT_JOB,
        (em) => this.repo.stampSnapshotsDue(em, period, STAMP_BATCH),
        (accountId) => ({
          id: snapshotJobId(accountId, period),
          data: { accountId, period },
          startAfter: spreadStart(accountId, period, interval),
          retryDelay: retryDelaySeconds(interval),
        }),
      );
      total += n;
      if (n < STAMP_BATCH) return total;
    }
  }

  /** Enqueues one post-metrics job per account with due targets in this slot; returns how many jobs it asked for. */
  async enqueuePostMetrics(now = Date.now()): Promise<number> {
    const slotMs = postMetricsSlotMs(this.config.snapshotIntervalMs);
    const slot = periodOf(now, slotMs);
    let total = 0;
    for (;;) {
      // a stamp batch of targets may name fewer accounts than its size: go on until nothing is stamped
      const n = await this.stampAndEnqueue(
        POST_METRICS_JOB,
        (em) => this.repo.stampMetricsDue(em, new Date(slot * slotMs), STAMP_BATCH),
        (accountId) => ({
          id: postMetricsJobId(accountId, slot),
          data: { accountId, slot },
          retryDelay: retryDelaySeconds(slotMs),
        }),
      );
      total += n;
      if (!n) return total;
    }
  }

  /**
   * One transaction: `stamp` marks accounts as enqueued and returns them, and their jobs (retried with
   * backoff) are inserted through the same transaction, so a stamp never exists without its job.
   */
  private async stampAndEnqueue<T>(kind: JobKind<T>, stamp: (em: EntityManager) => Promise<string[]>, job: (accountId: string) => NewJob<T>): Promise<number> {
    await this.queue.ensure(kind);
    return this.ds.transaction(async (em) => {
      const ids = await stamp(em);
      await this.queue.enqueue(kind, ids.map(job), em);
      return ids.length;
    });
  }

  async maintainPartitions(now = new Date()): Promise<MaintenanceResult> {
    const result = await maintainPartitions(this.ds, now, this.config.snapshotRetentionMs);
    if (result.created || result.dropped.length) this.logger.log({ msg: 'partitions maintained', ...result });
    return result;
  }

  private key(name: Trigger): string {
    return `analytics.${name}`;
  }

  private every(name: Trigger, ms: number, fn: () => Promise<unknown>): void {
    const timer = setInterval(() => void this.once(name, fn), ms);
    timer.unref();
    this.scheduler.addInterval(this.key(name), timer);
  }

  /** One run of a trigger at a time per process; a failure is logged and the next tick tries again. */
  private once(name: Trigger, fn: () => Promise<unknown>): Promise<unknown> {
    if (this.stopped) return Promise.resolve();
    const current = this.running.get(name);
    if (current) return current;
    const p = fn()
      .catch((e: Error) => this.logger.warn(`${name}: ${e.message}`))
      .finally(() => this.running.delete(name));
    this.running.set(name, p);
    return p;
  }
}
