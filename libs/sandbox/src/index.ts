export { startSandbox } from './server';
export type { SandboxHandle, SandboxOptions } from './server';
export { SandboxStore } from './store';
export { CallCounter } from './call-counter';
export type { SeenCall } from './call-counter';
export type { CreateAccountOptions } from './store';
export { sandboxEndpoints } from './endpoints';
export type { SandboxEndpoints } from './endpoints';
export type { FaultKind, FaultSpec, SandboxAccount, SandboxCredentials, SandboxPlatform, SandboxPost } from './types';
export { SANDBOX_PLATFORMS } from './types';
export { addReply, isReply, sandboxReplies, telegramDiscussionChatId } from './replies';
export type { SandboxReply } from './replies';
export { hash32 } from './growth/hash';
export {
  DEFAULT_GROWTH_SEED,
  followersAt,
  followersExact,
  growthProfile,
  postMetricsAt,
  postMetricsFinal,
  PLATFORM_SHAPES,
  postSlotFactor,
  wibClock,
} from './growth';
export type { FollowerAnchor, GrowthProfile, GrowthProfileKind, PostCounters, PostCounterName } from './growth';
export { sandboxComments } from './citizens/control';
export { addComment, setCitizensEnabled } from './citizens/comments';
export type { NewComment, SandboxComment } from './citizens/comments';
export { citizenComment } from './citizens/generator';
export type { CitizenIntent } from './citizens/templates';
