import axios from 'axios';
import { randomBytes } from 'node:crypto';
import { SandboxHandle, startSandbox } from '../../sandbox/src';
import { defaultPlatformsConfig } from '../src/config';
import { PlatformRegistry } from '../src/registry';
import { AccountCredentials, Platform, PlatformsConfig } from '../src/types';
import { pkceChallenge } from '../src/http/oauth';
import { allowEntryFor } from '../src/http/outbound-allow';

export interface Harness {
  sb: SandboxHandle;
  registry: PlatformRegistry;
  config: PlatformsConfig;
  /** A fresh sandbox account as the adapters see it. */
  account(platform: Platform, opts?: { followers?: number; scopes?: string[] }): AccountCredentials;
  media(name: string): string;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<PlatformsConfig> = {}): Promise<Harness> {
  const sb = await startSandbox();
  const config: PlatformsConfig = {
    ...defaultPlatformsConfig(),
    apiUrls: sb.apiUrls,
    oauth: sb.oauth,
    pollIntervalMs: 5,
    pollMaxAttempts: 20,
    timeoutMs: 3000,
    // the sandbox listens on loopback: allowed like the embedded default allows it
    outbound: { allow: [allowEntryFor(sb.url)] },
    ...overrides,
  };
  return {
    sb,
    config,
    registry: new PlatformRegistry(config),
    account(platform, opts = {}) {
      const c = sb.store.createAccount(platform, opts);
      return {
        platform,
        externalId: c.externalId,
        handle: c.handle,
        accessToken: c.accessToken,
        refreshToken: c.refreshToken,
        tokenExpiresAt: c.tokenExpiresAt,
        instanceUrl: platform === 'mastodon' ? sb.apiUrls.mastodon : undefined,
      };
    },
    media: (name) => `${sb.url}/_sandbox/media/${name}`,
    close: () => sb.close(),
  };
}

/** Follows the sandbox consent page like a browser: authorize URL → HTML → redirect with code and state. */
export async function clickThroughConsent(authorizeUrl: string): Promise<{ code: string; state: string | null; html: string }> {
  const res = await axios.get<string>(authorizeUrl, { maxRedirects: 0, validateStatus: () => true, responseType: 'text' });
  if (res.status !== 200) throw new Error(`consent page answered ${res.status}: ${res.data}`);
  const href = /id="authorize" href="([^"]+)"/.exec(res.data)?.[1]?.replace(/&#38;/g, '&');
  if (!href) throw new Error('no authorize link');
  const target = new URL(href);
  return { code: target.searchParams.get('code')!, state: target.searchParams.get('state'), html: res.data };
}

export function newPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}
