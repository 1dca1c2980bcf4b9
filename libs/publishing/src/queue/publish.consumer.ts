import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { DONE, QueueWorkers } from '@kabar/queue';
import { PublisherService } from '../engine/publisher.service';
import { ClaimsRepository } from '../targets/claims.repository';
import { PUBLISH_JOB } from './publishing.queue';

/**
 * The publish handler on the shared queue: KABAR_WORKER_CONCURRENCY jobs in flight per process, each on its
 * own (one slow platform call never holds back the others). Each job is a trigger only; the target's
 * conditional state moves decide what actually happens, so a duplicate job is a no-op.
 */
@Injectable()
export class PublishConsumer implements OnModuleInit {
  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly workers: QueueWorkers,
    private readonly publisher: PublisherService,
    private readonly claims: ClaimsRepository,
  ) {}

  onModuleInit(): void {
    this.workers.register(PUBLISH_JOB, {
      maxInFlight: this.config.workerConcurrency,
      batchSize: 1,
      handle: async ([job]) => {
        await this.publisher.processJob(job.data.targetId);
        return new Map([[job.id, DONE]]);
      },
    });
  }

  /**
   * Graceful stop: no new jobs; running ones get `timeoutMs` to finish. Claims whose platform call never
   * started are given back (due again for any worker). A call still running keeps its lease, renewed by the
   * heartbeat until the process exits: it is never handed to another worker mid-call. If the process is
   * killed, the lease runs out and the next holder checks with the platform before sending.
   */
  async stop(timeoutMs = 25_000): Promise<void> {
    await this.workers.stop(PUBLISH_JOB, timeoutMs);
    await this.claims.releaseUnsent(this.publisher.inFlight.tokensIn('claimed')).catch(() => undefined);
  }

  /** Platform calls still running (after stop's grace ran out). */
  get callsInFlight(): number {
    return this.publisher.inFlight.size;
  }
}
