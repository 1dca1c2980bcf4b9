import { BeforeApplicationShutdown, Injectable, OnModuleInit } from '@nestjs/common';
import { JobOutcome, QueueWorkers } from '@kabar/queue';
import { ADUAN_COLLECT_JOB } from './collect.queue';
import { CommentCollector } from './comment-collector';

/** Accounts collected at once by one worker process (each reads its scopes one after another). */
const IN_FLIGHT = 4;

/** The aduan collection handler on the shared queue: one account per job. */
@Injectable()
export class CollectConsumer implements OnModuleInit, BeforeApplicationShutdown {
  constructor(
    private readonly workers: QueueWorkers,
    private readonly collector: CommentCollector,
  ) {}

  onModuleInit(): void {
    this.workers.register(ADUAN_COLLECT_JOB, {
      maxInFlight: IN_FLIGHT,
      batchSize: 1,
      idlePollMs: 1000,
      handle: async (jobs) => {
        const outcomes = new Map<string, JobOutcome>();
        for (const job of jobs) {
          const o = await this.collector.collect(job.data.accountId);
          outcomes.set(job.id, o.kind === 'retry' ? { kind: 'retry', message: o.message } : { kind: o.kind });
        }
        return outcomes;
      },
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.workers.stop(ADUAN_COLLECT_JOB, 10_000);
  }
}
