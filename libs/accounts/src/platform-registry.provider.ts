import { Provider } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allowEntryFor, PlatformRegistry, PlatformsConfig, defaultPlatformsConfig, Platform, SharedLimits, SharedLimitSettings } from '@kabar/platforms';

/**
 * The adapters' endpoints: production defaults, overridden per platform by KABAR_<PLATFORM>_* settings (or the sandbox);
 * the outbound guard's allow list from KABAR_OUTBOUND_ALLOW.
 */
export function platformsConfigFrom(config: KabarConfig): PlatformsConfig {
  const base = defaultPlatformsConfig();
  const apiUrls = { ...base.apiUrls, ...config.platformApiUrls } as PlatformsConfig['apiUrls'];
  const oauth = { ...base.oauth };
  for (const [p, o] of Object.entries(config.platformOAuth)) {
    const platform = p as Platform;
    oauth[platform] = { authorizeUrl: o?.authorizeUrl ?? base.oauth[platform].authorizeUrl, tokenUrl: o?.tokenUrl ?? base.oauth[platform].tokenUrl };
  }
  const clients: PlatformsConfig['clients'] = {};
  for (const [p, o] of Object.entries(config.platformOAuth)) {
    if (o?.clientId) clients[p as Platform] = { clientId: o.clientId, clientSecret: o.clientSecret ?? '' };
  }
  const pollIntervalMs = Math.max(1, config.platformPollIntervalMs ?? base.pollIntervalMs);
  const pollMaxAttempts = Math.max(1, Math.ceil((config.platformPollBudgetMs ?? base.pollIntervalMs * base.pollMaxAttempts) / pollIntervalMs));
  // media links point at Kabar itself (KABAR_PUBLIC_URL), which may be a private address: allowed for media only
  const outbound = {
    ...base.outbound,
    allow: config.outboundAllow ?? [],
    mediaAllow: [allowEntryFor(config.publicUrl ?? `http://localhost:${config.port}`)],
  };
  return { ...base, apiUrls, oauth, clients, timeoutMs: config.platformTimeoutMs ?? base.timeoutMs, pollIntervalMs, pollMaxAttempts, outbound };
}

/** The limits every worker shares (KABAR_PUBLISH_*, KABAR_COLLECT_*, KABAR_YOUTUBE_*, KABAR_*_POSTS_PER_DAY). */
export function sharedLimitSettingsFrom(config: KabarConfig): SharedLimitSettings {
  return {
    perAccountConcurrency: config.publishPerAccountConcurrency,
    slotLeaseMs: config.limitSlotLeaseMs,
    publishPerPlatformRate: config.publishPerPlatformRate,
    publishPerAccountPerMinute: config.publishPerAccountPerMinute,
    collectPerPlatformRate: config.collectPerPlatformRate,
    youtubeDailyUnits: config.youtubeDailyUnits,
    youtubeUploadUnits: config.youtubeUploadUnits,
    postsPerDay: { x: config.postsPerDay.x, instagram: config.postsPerDay.instagram, threads: config.postsPerDay.threads },
    appPostsPerDay: { x: config.postsPerDay.xApp },
  };
}

const limitsLogger = new Logger('platforms.limits');

/** One SharedLimits per process (PostgreSQL-backed, shared by every process). */
export const sharedLimitsProvider: Provider = {
  provide: SharedLimits,
  inject: [KABAR_CONFIG, DataSource],
  useFactory: (config: KabarConfig, ds: DataSource) => new SharedLimits(ds, sharedLimitSettingsFrom(config), undefined, (m) => limitsLogger.warn(m)),
};

/** One registry per process, its calls gated by the shared limits (per-account slots, rate headers). */
export const platformRegistryProvider: Provider = {
  provide: PlatformRegistry,
  inject: [KABAR_CONFIG, SharedLimits],
  useFactory: (config: KabarConfig, limits: SharedLimits) =>
    new PlatformRegistry({ ...platformsConfigFrom(config), perAccountConcurrency: config.publishPerAccountConcurrency, gate: limits.gate }),
};
