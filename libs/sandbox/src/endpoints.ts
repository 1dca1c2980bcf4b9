import { SandboxPlatform } from './types';

export interface SandboxEndpoints {
  apiUrls: Record<SandboxPlatform, string>;
  oauth: Record<SandboxPlatform, { authorizeUrl: string; tokenUrl: string }>;
}

/** The production URLs of platform-apis.md, moved under the sandbox's /<platform> prefixes. */
export function sandboxEndpoints(url: string): SandboxEndpoints {
  return {
    apiUrls: {
      facebook: `${url}/facebook/v23.0`,
      instagram: `${url}/instagram/v23.0`,
      x: `${url}/x/2`,
      telegram: `${url}/telegram`,
      mastodon: `${url}/mastodon`,
      tiktok: `${url}/tiktok/v2`,
      youtube: `${url}/youtube/youtube/v3`,
      threads: `${url}/threads/v1.0`,
    },
    oauth: {
      facebook: { authorizeUrl: `${url}/facebook/v23.0/dialog/oauth`, tokenUrl: `${url}/facebook/v23.0/oauth/access_token` },
      instagram: { authorizeUrl: `${url}/instagram/oauth/authorize`, tokenUrl: `${url}/instagram/oauth/access_token` },
      x: { authorizeUrl: `${url}/x/i/oauth2/authorize`, tokenUrl: `${url}/x/2/oauth2/token` },
      telegram: { authorizeUrl: '', tokenUrl: '' },
      mastodon: { authorizeUrl: `${url}/mastodon/oauth/authorize`, tokenUrl: `${url}/mastodon/oauth/token` },
      tiktok: { authorizeUrl: `${url}/tiktok/v2/auth/authorize/`, tokenUrl: `${url}/tiktok/v2/oauth/token/` },
      youtube: { authorizeUrl: `${url}/youtube/o/oauth2/v2/auth`, tokenUrl: `${url}/youtube/token` },
      threads: { authorizeUrl: `${url}/threads/oauth/authorize`, tokenUrl: `${url}/threads/oauth/access_token` },
    },
  };
}
