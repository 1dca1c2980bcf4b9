import { Inject, Injectable, OnModuleInit, BeforeApplicationShutdown } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { QueueWorkers } from '@kabar/queue';
import { JobOutcome } from './collection-gateway';
import { POST_METRICS_JOB, SNAPSHOT_JOB } from './collection.queue';
import { PostMetricsCollector } from './post-metrics.collector';
import { SnapshotCollector } from './snapshot.collector';

/** Snapshot jobs per handler call: one ingest transaction for the whole batch. */
const SNAPSHOT_BATCH = 50;
/** Post-metrics jobs in flight (each reads up to 100 targets of one account). */
const POST_METRICS_BATCH = 5;

/**
 * The analytics handlers on the shared queue: snapshot jobs in batches (one ingest transaction each),
 * post-metrics jobs one account after another. A job to retry is failed by id (pg-boss retries it with the
 * kind's backoff); one failing account never fails the others.
 */
@Injectable()
export class CollectionConsumer implements OnModuleInit, BeforeApplicationShutdown {
  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly workers: QueueWorkers,
    private readonly snapshots: SnapshotCollector,
    private readonly postMetrics: PostMetricsCollector,
  ) {}

  onModuleInit(): void {
    const idlePollMs = Math.max(500, this.config.collectPollIntervalMs);
    this.workers.register(SNAPSHOT_JOB, { maxInFlight: SNAPSHOT_BATCH, batchSize: SNAPSHOT_BATCH, idlePollMs, handle: (jobs) => this.snapshots.collect(jobs) });
    this.workers.register(POST_METRICS_JOB, {
      maxInFlight: POST_METRICS_BATCH,
      batchSize: POST_METRICS_BATCH,
      idlePollMs,
      handle: async (jobs) => {
        const outcomes = new Map<string, JobOutcome>();
        for (const job of jobs) outcomes.set(job.id, await this.postMetrics.collect(job));
        return outcomes;
      },
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.workers.stop(SNAPSHOT_JOB, 10_000), this.workers.stop(POST_METRICS_JOB, 10_000)]);
  }
}
