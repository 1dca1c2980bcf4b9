import { CallGate } from '../http/call-gate';
import { Platform } from '../types';
import { Admission, BudgetWaitReason } from './budget-wait';
import { ConcurrencySlots } from './concurrency-slots';
import { Holds } from './holds';
import { quotaDay, QuotaDays } from './quota-days';
import { holdsFromHeaders } from './rate-headers';
import { SharedLimitSettings, YOUTUBE_CALL_UNITS, YOUTUBE_QUOTA_ZONE, YOUTUBE_UNITS_KEY } from './settings';
import { sleep, SqlRunner } from './sql';
import { TokenBuckets } from './token-buckets';

const DAY_S = 86_400;
const appKey = (p: Platform) => `${p}:app`;
const accountKey = (p: Platform, externalId: string) => `${p}:acct:${externalId}`;

/**
 * Limits and budgets kept in PostgreSQL and shared by every worker process (one instance per process, one
 * PlatformRegistry built on its gate): per-account concurrency slots, per-platform and per-account rates,
 * the platforms' posts per day (X tier, Instagram, Threads), YouTube's daily units per project, and the holds
 * the platforms' rate headers ask for. Publishing and collection ask before each post or call; a post that
 * does not fit is told until when it waits (it is not failed).
 */
export class SharedLimits {
  readonly slots: ConcurrencySlots;
  readonly buckets: TokenBuckets;
  readonly quota: QuotaDays;
  readonly holds: Holds;
  /** The transport's gate: per-account slots for calls made for an account, rate headers folded into holds. */
  readonly gate: CallGate;

  constructor(
    sql: SqlRunner,
    readonly settings: SharedLimitSettings,
    private readonly now: () => Date = () => new Date(),
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.slots = new ConcurrencySlots(sql, settings.perAccountConcurrency, settings.slotLeaseMs);
    this.buckets = new TokenBuckets(sql);
    this.quota = new QuotaDays(sql);
    this.holds = new Holds(sql);
    this.gate = {
      // calls made for no account (OAuth code exchange) are not an account's load: straight through
      run: (key, fn) => (key.endsWith(':-') ? fn() : this.slots.run(key, fn)),
      observe: (platform, externalId, headers) => this.observe(platform, externalId, headers),
    };
  }

  /** Folds an answer's rate headers into the shared holds (fire and forget: a lost write only loses a hint). */
  observe(platform: Platform, externalId: string | undefined, headers: Record<string, unknown>): void {
    for (const h of holdsFromHeaders(headers, this.now())) {
      const id = h.id ?? externalId;
      if (h.scope === 'account' && !id) continue;
      const key = h.scope === 'app' ? appKey(platform) : accountKey(platform, id!);
      this.holds.set(key, h.until, h.reason).catch((e: Error) => this.warn(`hold ${key}: ${e.message}`));
    }
  }

  /**
   * May one post go to `platform` for this account now? Waits up to `maxWaitMs` for a rate token or a short
   * hold; a longer wait answers until when (the post waits for the budget). Spends what the post costs
   * (posts per day, YouTube upload units) only when everything fits.
   */
  async admitPublish(platform: Platform, externalId: string, maxWaitMs = 5_000): Promise<Admission> {
    const s = this.settings;
    const held = await this.waitOutHold(platform, externalId, maxWaitMs);
    if (held) return held;
    const rate = await this.waitForToken(`publish:${platform}`, Math.max(1, s.publishPerPlatformRate), s.publishPerPlatformRate, maxWaitMs, 'platform_rate');
    if (rate) return rate;
    const perMin = s.publishPerAccountPerMinute;
    const acctRate = await this.waitForToken(`publish:${accountKey(platform, externalId)}`, perMin, perMin / 60, maxWaitMs, 'account_rate');
    if (acctRate) return acctRate;
    const taken: Array<{ key: string; cap: number }> = [];
    const refund = () => Promise.all(taken.map((t) => this.buckets.refund(t.key, t.cap)));
    for (const [key, cap, reason] of [
      [`posts:${accountKey(platform, externalId)}`, s.postsPerDay[platform] ?? 0, 'posts_per_day'],
      [`posts:${appKey(platform)}`, s.appPostsPerDay[platform] ?? 0, 'app_posts_per_day'],
    ] as Array<[string, number, BudgetWaitReason]>) {
      if (cap <= 0) continue;
      const t = await this.buckets.take(key, cap, cap / DAY_S);
      if (!t.ok) {
        await refund();
        return { ok: false, until: new Date(this.now().getTime() + t.waitMs), reason };
      }
      taken.push({ key, cap });
    }
    if (platform === 'youtube' && s.youtubeDailyUnits > 0) {
      const day = quotaDay(this.now(), YOUTUBE_QUOTA_ZONE);
      if (!(await this.quota.spend(YOUTUBE_UNITS_KEY, day.day, s.youtubeUploadUnits, s.youtubeDailyUnits))) {
        await refund();
        return { ok: false, until: day.resetsAt, reason: 'youtube_daily_units', detail: day.day };
      }
    }
    return { ok: true };
  }

  /**
   * May one analytics call go to `platform` for this account now? Waits for the collection rate; refuses while
   * a hold runs or when YouTube's day has no units left beyond one upload (kept for publishing).
   */
  async admitCollect(platform: Platform, externalId: string): Promise<Admission> {
    const s = this.settings;
    const hold = await this.holds.until([appKey(platform), accountKey(platform, externalId)], this.now());
    if (hold) return { ok: false, until: hold.until, reason: 'rate_hold', detail: hold.reason };
    const rate = await this.waitForToken(`collect:${platform}`, Math.max(1, s.collectPerPlatformRate), s.collectPerPlatformRate, 60_000, 'platform_rate');
    if (rate) return rate;
    if (platform === 'youtube' && s.youtubeDailyUnits > 0) {
      const day = quotaDay(this.now(), YOUTUBE_QUOTA_ZONE);
      const budget = Math.max(0, s.youtubeDailyUnits - s.youtubeUploadUnits);
      if (!(await this.quota.spend(YOUTUBE_UNITS_KEY, day.day, YOUTUBE_CALL_UNITS, budget)))
        return { ok: false, until: day.resetsAt, reason: 'youtube_daily_units', detail: day.day };
    }
    return { ok: true };
  }

  /** YouTube units already spent on the quota day `at` falls in, and the day's budget. */
  async youtubeDay(at: Date): Promise<{ day: string; startsAt: Date; resetsAt: Date; spent: number; budget: number; uploadUnits: number }> {
    const d = quotaDay(at, YOUTUBE_QUOTA_ZONE);
    return {
      ...d,
      spent: await this.quota.spent(YOUTUBE_UNITS_KEY, d.day),
      budget: this.settings.youtubeDailyUnits,
      uploadUnits: this.settings.youtubeUploadUnits,
    };
  }

  private async waitOutHold(platform: Platform, externalId: string, maxWaitMs: number): Promise<Admission | undefined> {
    for (;;) {
      const hold = await this.holds.until([appKey(platform), accountKey(platform, externalId)], this.now());
      if (!hold) return undefined;
      const wait = hold.until.getTime() - this.now().getTime();
      if (wait > maxWaitMs) return { ok: false, until: hold.until, reason: 'rate_hold', detail: hold.reason };
      await sleep(Math.max(1, wait));
    }
  }

  private async waitForToken(key: string, capacity: number, perSecond: number, maxWaitMs: number, reason: BudgetWaitReason): Promise<Admission | undefined> {
    if (perSecond <= 0) return undefined;
    for (;;) {
      const t = await this.buckets.take(key, capacity, perSecond);
      if (t.ok) return undefined;
      if (t.waitMs > maxWaitMs) return { ok: false, until: new Date(this.now().getTime() + t.waitMs), reason };
      await sleep(t.waitMs + Math.floor(Math.random() * Math.min(50, t.waitMs)));
    }
  }
}
