export * from './publishing-api.module';
export * from './publishing-worker.module';
export * from './queue/publishing.queue';
export * from './engine/retry-policy';
export { signWebhookBody } from './notifications/webhook.sender';
export { AttemptsRepository } from './targets/attempts.repository';
export type { AttemptRow } from './targets/attempts.repository';
/** The target state machine's repositories (tests drive them directly; other contexts must not). */
export { ClaimsRepository } from './targets/claims.repository';
export { TargetsRepository } from './targets/targets.repository';
