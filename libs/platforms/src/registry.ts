import { AdapterDeps } from './adapter-base';
import { FacebookAdapter } from './facebook/facebook.adapter';
import { HttpTransport } from './http/http-client';
import { InstagramAdapter } from './instagram/instagram.adapter';
import { loadPlatformLimits, PlatformLimitsTable } from './limits';
import { MastodonAdapter } from './mastodon/mastodon.adapter';
import { TelegramAdapter } from './telegram/telegram.adapter';
import { ThreadsAdapter } from './threads/threads.adapter';
import { TikTokAdapter } from './tiktok/tiktok.adapter';
import { Platform, PlatformAdapter, PlatformsConfig, PLATFORMS } from './types';
import { XAdapter } from './x/x.adapter';
import { YouTubeAdapter } from './youtube/youtube.adapter';

type AdapterClass = new (deps: AdapterDeps) => PlatformAdapter;

const ADAPTERS: Record<Platform, AdapterClass> = {
  facebook: FacebookAdapter,
  instagram: InstagramAdapter,
  x: XAdapter,
  telegram: TelegramAdapter,
  mastodon: MastodonAdapter,
  tiktok: TikTokAdapter,
  youtube: YouTubeAdapter,
  threads: ThreadsAdapter,
};

/** One adapter per platform, sharing one transport (keep-alive agents, per-account concurrency limit). */
export class PlatformRegistry {
  private readonly adapters: Map<Platform, PlatformAdapter>;

  constructor(config: PlatformsConfig, limits: PlatformLimitsTable = loadPlatformLimits()) {
    const transport = new HttpTransport(config);
    this.adapters = new Map(PLATFORMS.map((p) => [p, new ADAPTERS[p]({ transport, limits: limits[p] })]));
  }

  get(platform: Platform): PlatformAdapter {
    const adapter = this.adapters.get(platform);
    if (!adapter) throw new Error(`unknown platform ${String(platform)}`);
    return adapter;
  }

  platforms(): Platform[] {
    return [...this.adapters.keys()];
  }
}
