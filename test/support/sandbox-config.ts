import { KabarConfig } from '@kabar/config';
import { SandboxHandle } from '@kabar/sandbox';

/** Config overrides pointing every adapter and OAuth client at a sandbox (as the embedded default does). */
export function sandboxOverrides(sb: SandboxHandle): Partial<KabarConfig> {
  const platformOAuth: KabarConfig['platformOAuth'] = {};
  for (const p of ['facebook', 'instagram', 'threads', 'x', 'tiktok', 'youtube'] as const) {
    platformOAuth[p] = { clientId: 'kabar-sandbox', clientSecret: 'kabar-sandbox-secret', ...sb.oauth[p] };
  }
  return { platformApiUrls: { ...sb.apiUrls }, platformOAuth, sandbox: true };
}

/** Sandbox environment for a spawned process (worker or app): KABAR_<PLATFORM>_API_URL and OAuth settings. */
export function sandboxEnv(sb: SandboxHandle): Record<string, string> {
  const env: Record<string, string> = {};
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
