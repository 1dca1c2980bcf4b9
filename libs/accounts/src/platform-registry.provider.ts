import { Provider } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { allowEntryFor, PlatformRegistry, PlatformsConfig, defaultPlatformsConfig, Platform } from '@kabar/platforms';

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

export const platformRegistryProvider: Provider = {
  provide: PlatformRegistry,
  inject: [KABAR_CONFIG],
  useFactory: (config: KabarConfig) => new PlatformRegistry(platformsConfigFrom(config)),
};
