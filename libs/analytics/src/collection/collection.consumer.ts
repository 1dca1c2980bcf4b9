import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { BossService } from '@kabar/publishing';
import { JobOutcome } from './collection-gateway';
import { COLLECTION_QUEUES, ensureCollectionQueues, PostMetricsJob, SnapshotJob } from './collection.queue';
import { PostMetricsCollector } from './post-metrics.collector';
import { SnapshotCollector } from './snapshot.collector';

/** Snapshot jobs per fetch: one ingest transaction for the whole batch. */
const SNAPSHOT_BATCH = 50;
/** Post-metrics jobs per fetch (each reads up to 100 targets of one account). */
const POST_METRICS_BATCH = 5;

/**
 * Takes the analytics jobs from pg-boss in batches. pg-boss completes or fails a batch as a whole, so
 * each job that must be retried is failed by id before the handler returns; pg-boss then completes the
 * rest (complete only touches jobs still active). One failing account never fails the others.
 */
@Injectable()
export class CollectionConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('analytics.consumer');
  private boss: PgBoss | undefined;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly bossService: BossService,
    private readonly snapshots: SnapshotCollector,
    private readonly postMetrics: PostMetricsCollector,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureCollectionQueues(this.bossService);
    const boss = (this.boss = await this.bossService.get());
    const pollingIntervalSeconds = Math.max(0.5, this.config.collectPollIntervalMs / 1000);
    await boss.work<SnapshotJob>(COLLECTION_QUEUES.snapshot, { batchSize: SNAPSHOT_BATCH, pollingIntervalSeconds }, async (jobs) => {
      await this.settle(COLLECTION_QUEUES.snapshot, await this.snapshots.collect(jobs));
    });
    await boss.work<PostMetricsJob>(COLLECTION_QUEUES.postMetrics, { batchSize: POST_METRICS_BATCH, pollingIntervalSeconds }, async (jobs) => {
      const outcomes = new Map<string, JobOutcome>();
      for (const job of jobs) outcomes.set(job.id, await this.postMetrics.collect(job));
      await this.settle(COLLECTION_QUEUES.postMetrics, outcomes);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const name of Object.values(COLLECTION_QUEUES)) await this.boss?.offWork(name).catch(() => undefined);
  }

  private async settle(queue: string, outcomes: Map<string, JobOutcome>): Promise<void> {
    for (const [id, outcome] of outcomes) {
      if (outcome.kind !== 'retry') continue;
      await this.boss!.fail(queue, id, { message: outcome.message }).catch((e: Error) => this.logger.warn(`fail ${id}: ${e.message}`));
    }
  }
}
