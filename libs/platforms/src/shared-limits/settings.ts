import { Platform } from '../types';

/** The limits every worker shares (config/env.ts: KABAR_PUBLISH_*, KABAR_COLLECT_*, KABAR_YOUTUBE_*, KABAR_*_POSTS_PER_DAY). */
export interface SharedLimitSettings {
  /** Platform calls at once for one social account, across every process. */
  perAccountConcurrency: number;
  /** How long a concurrency slot stays taken without renewal (a killed worker's slot frees itself after it). */
  slotLeaseMs: number;
  /** Posts per second to one platform, across every worker (0: none). */
  publishPerPlatformRate: number;
  /** Posts per minute to one account (0: none). */
  publishPerAccountPerMinute: number;
  /** Analytics calls per second to one platform, across every worker (0: none). */
  collectPerPlatformRate: number;
  /** YouTube Data API units per project and day (0: not counted). */
  youtubeDailyUnits: number;
  /** Units one upload (videos.insert) costs. */
  youtubeUploadUnits: number;
  /** Posts per rolling 24 h per account (X tier per user, Instagram, Threads); absent or 0: none. */
  postsPerDay: Partial<Record<Platform, number>>;
  /** Posts per rolling 24 h per app (X tier per app); absent or 0: none. */
  appPostsPerDay: Partial<Record<Platform, number>>;
}

/** YouTube's quota day ends at midnight Pacific time (platform-apis.md §7.4). */
export const YOUTUBE_QUOTA_ZONE = 'America/Los_Angeles';
/** The key of YouTube's daily units: one project (Kabar's OAuth client) for every channel. */
export const YOUTUBE_UNITS_KEY = 'youtube:app:units';
/** list calls (channels.list, videos.list) cost one unit. */
export const YOUTUBE_CALL_UNITS = 1;

export const DEFAULT_SHARED_LIMITS: SharedLimitSettings = {
  perAccountConcurrency: 2,
  slotLeaseMs: 15_000,
  publishPerPlatformRate: 100,
  publishPerAccountPerMinute: 0,
  collectPerPlatformRate: 20,
  youtubeDailyUnits: 10_000,
  youtubeUploadUnits: 1_600,
  postsPerDay: { x: 100, instagram: 100, threads: 250 },
  appPostsPerDay: { x: 1_667 },
};
