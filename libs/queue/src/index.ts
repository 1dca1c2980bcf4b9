export { QueueModule } from './queue.module';
export { QueueService } from './queue.service';
export { QueueWorkers } from './queue-workers';
export { defineJobKind, DONE } from './job-kind';
export type { JobKind, JobOutcome, NewJob, QueueOptions } from './job-kind';
export type { JobHandlerSpec } from './job-runner';
export { deterministicJobId } from './job-id';
