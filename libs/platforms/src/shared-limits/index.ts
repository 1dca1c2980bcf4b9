export { SharedLimits } from './shared-limits';
export { DEFAULT_SHARED_LIMITS, YOUTUBE_QUOTA_ZONE, YOUTUBE_UNITS_KEY } from './settings';
export type { SharedLimitSettings } from './settings';
export type { Admission, BudgetWaitReason } from './budget-wait';
export { quotaDay } from './quota-days';
export { holdsFromHeaders } from './rate-headers';
export type { HeaderHold } from './rate-headers';
export type { SqlRunner } from './sql';
