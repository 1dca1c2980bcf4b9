import { DEFAULT_MAX_RESPONSE_BYTES } from './http/outbound-guard';
import { PlatformsConfig } from './types';

const GRAPH_VERSION = 'v23.0';

/** Production endpoints (platform-apis.md). Mastodon is per instance: the account's `instanceUrl` wins. */
export function defaultPlatformsConfig(): PlatformsConfig {
  return {
    apiUrls: {
      facebook: `https://graph.facebook.com/${GRAPH_VERSION}`,
      instagram: `https://graph.instagram.com/${GRAPH_VERSION}`,
      x: 'https://api.x.com/2',
      telegram: 'https://api.telegram.org',
      mastodon: 'https://mastodon.social',
      tiktok: 'https://open.tiktokapis.com/v2',
      youtube: 'https://www.googleapis.com/youtube/v3',
      threads: 'https://graph.threads.net/v1.0',
    },
    oauth: {
      facebook: {
        authorizeUrl: `https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`,
        tokenUrl: `https://graph.facebook.com/${GRAPH_VERSION}/oauth/access_token`,
      },
      instagram: {
        authorizeUrl: 'https://www.instagram.com/oauth/authorize',
        tokenUrl: 'https://api.instagram.com/oauth/access_token',
      },
      x: { authorizeUrl: 'https://x.com/i/oauth2/authorize', tokenUrl: 'https://api.x.com/2/oauth2/token' },
      telegram: { authorizeUrl: '', tokenUrl: '' },
      mastodon: { authorizeUrl: '', tokenUrl: '' },
      tiktok: {
        authorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/',
        tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/',
      },
      youtube: {
        authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
        tokenUrl: 'https://oauth2.googleapis.com/token',
      },
      threads: {
        authorizeUrl: 'https://threads.net/oauth/authorize',
        tokenUrl: 'https://graph.threads.net/oauth/access_token',
      },
    },
    timeoutMs: 15_000,
    perAccountConcurrency: 2,
    pollIntervalMs: 2_000,
    pollMaxAttempts: 30,
    outbound: { allow: [], maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES },
  };
}

/** `https://graph.instagram.com/v23.0` → `https://graph.instagram.com` (token endpoints live unversioned). */
export function unversioned(apiUrl: string): string {
  return apiUrl.replace(/\/v\d+(\.\d+)?\/?$/, '');
}
