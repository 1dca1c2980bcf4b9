import { KabarConfig } from '@kabar/config';
import { allowEntryFor } from '@kabar/platforms';
import { SandboxHandle } from '@kabar/sandbox';

/** The outbound allow entry of a sandbox (its loopback address and port), as the embedded default adds it. */
export function sandboxAllow(sb: SandboxHandle): string {
  return allowEntryFor(sb.url);
}

/** Config overrides pointing every adapter and OAuth client at a sandbox and allowing its address (as the embedded default does). */
export function sandboxOverrides(sb: SandboxHandle): Partial<KabarConfig> {
  const platformOAuth: KabarConfig['platformOAuth'] = {};
  for (const p of ['facebook', 'instagram', 'threads', 'x', 'tiktok', 'youtube'] as const) {
    platformOAuth[p] = { clientId: 'kabar-sandbox', clientSecret: 'kabar-sandbox-secret', ...sb.oauth[p] };
  }
  // The sandbox's YouTube keeps no daily quota: tests about other things publish as many videos as they like.
  return { platformApiUrls: { ...sb.apiUrls }, platformOAuth, sandbox: true, outboundAllow: [sandboxAllow(sb)], youtubeDailyUnits: 0 };
}

/** Sandbox environment for a spawned process (worker or app): KABAR_<PLATFORM>_API_URL, OAuth settings, outbound allow. */
export function sandboxEnv(sb: SandboxHandle): Record<string, string> {
  // The sandbox's YouTube keeps no daily quota: tests about other things publish as many videos as they like.
  const env: Record<string, string> = { KABAR_OUTBOUND_ALLOW: sandboxAllow(sb), KABAR_YOUTUBE_DAILY_UNITS: '0' };
  for (const [p, url] of Object.entries(sb.apiUrls)) env[`KABAR_${p.toUpperCase()}_API_URL`] = url;
  for (const p of ['facebook', 'instagram', 'threads', 'x', 'tiktok', 'youtube'] as const) {
    const P = p.toUpperCase();
    env[`KABAR_${P}_CLIENT_ID`] = 'kabar-sandbox';
    env[`KABAR_${P}_CLIENT_SECRET`] = 'kabar-sandbox-secret';
    env[`KABAR_${P}_AUTHORIZE_URL`] = sb.oauth[p].authorizeUrl;
    env[`KABAR_${P}_TOKEN_URL`] = sb.oauth[p].tokenUrl;
  }
  return env;
}
