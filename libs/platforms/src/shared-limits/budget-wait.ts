/**
 * Why a post waits instead of going out now (stored on its target as `budget_wait`, translated by the console
 * as publishing.budgetWait.<reason>).
 */
export type BudgetWaitReason = 'youtube_daily_units' | 'posts_per_day' | 'app_posts_per_day' | 'platform_rate' | 'account_rate' | 'rate_hold';

export type Admission = { ok: true } | { ok: false; until: Date; reason: BudgetWaitReason; detail?: string };
