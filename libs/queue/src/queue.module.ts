import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobKind } from './job-kind';
import { QueueService } from './queue.service';
import { QueueWorkers, WORKER_JOB_KINDS } from './queue-workers';

/**
 * One queue for every context. `forRoot()` in any process that enqueues; `forWorker(kinds)` in the worker
 * process, naming every job kind it must handle (a kind without a handler fails the start).
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return { module: QueueModule, providers: [QueueService, { provide: WORKER_JOB_KINDS, useValue: [] }], exports: [QueueService] };
  }

  static forWorker(kinds: ReadonlyArray<JobKind<unknown>>): DynamicModule {
    return {
      module: QueueModule,
      providers: [QueueService, QueueWorkers, { provide: WORKER_JOB_KINDS, useValue: kinds }],
      exports: [QueueService, QueueWorkers],
    };
  }
}
