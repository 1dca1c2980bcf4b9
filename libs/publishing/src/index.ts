export * from './publishing-api.module';
export * from './publishing-worker.module';
export * from './queue/publishing.queue';
export * from './queue/job-id';
export * from './queue/queue.module';
export { BossService } from './queue/boss.service';
export type { QueueOptions } from './queue/boss.service';
export * from './engine/retry-policy';
export { signWebhookBody } from './notifications/webhook.sender';
export { AttemptsRepository } from './targets/attempts.repository';
export type { AttemptRow } from './targets/attempts.repository';
/** The target state machine's repositories (tests drive them directly; other contexts must not). */
export { ClaimsRepository } from './targets/claims.repository';
export { TargetsRepository } from './targets/targets.repository';
