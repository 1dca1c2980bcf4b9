import { DataSource } from 'typeorm';
import { randomUUID } from 'crypto';
import { KabarConfig, PLATFORMS, PlatformName } from '@kabar/config';
import { CredentialCipher, StoredCredentials } from '@kabar/accounts';
import { deriveKey } from '@kabar/org';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';

export const SANDBOX_CLIENT = { clientId: 'kabar-sandbox', clientSecret: 'kabar-sandbox-secret' };
const OAUTH = ['facebook', 'instagram', 'threads', 'x', 'tiktok', 'youtube'] as const;

/** Demo units that get sandbox accounts on the first start: Diskominfo on every platform, two kelurahan on three. */
const DEMO_ACCOUNTS: Array<{ unitCode: string; platforms: readonly PlatformName[]; prefix: string }> = [
  { unitCode: '32.71.OPD.DISKOMINFO', platforms: PLATFORMS, prefix: 'diskominfo_bogor' },
  { unitCode: '32.71.03.1006', platforms: ['instagram', 'facebook', 'telegram'], prefix: 'kel_sempur' },
  { unitCode: '32.71.01.1001', platforms: ['instagram', 'facebook', 'telegram'], prefix: 'kel_batutulis' },
];

/**
 * The embedded default's fake platforms: one sandbox server; the adapters' URLs and OAuth clients point at it
 * (settings given explicitly still win). Returns the config the app must use.
 */
export async function startDemoSandbox(config: KabarConfig): Promise<{ config: KabarConfig; sandbox: SandboxHandle }> {
  const sandbox = await startSandbox({ tickIntervalMs: 60_000 });
  const platformApiUrls = { ...sandbox.apiUrls, ...config.platformApiUrls };
  const platformOAuth = { ...config.platformOAuth };
  for (const p of OAUTH) platformOAuth[p] = { ...SANDBOX_CLIENT, ...sandbox.oauth[p], ...config.platformOAuth[p] };
  return { config: { ...config, platformApiUrls, platformOAuth }, sandbox };
}

/**
 * The sandbox keeps its state in memory: at every start, the sandbox accounts stored in the database are
 * registered again with their tokens; on the first start the demo accounts are created.
 */
export async function syncSandboxAccounts(ds: DataSource, config: KabarConfig, sandbox: SandboxHandle): Promise<{ restored: number; created: number }> {
  const cipher = new CredentialCipher(deriveKey(config.secretKey!, 'credentials'));
  const rows: Array<{ id: string; platform: PlatformName; external_id: string; handle: string | null; followers: number | null; credentials_enc: string }> =
    await ds.query(`SELECT id, platform, external_id, handle, followers, credentials_enc FROM social_accounts WHERE sandbox`);
  for (const r of rows) {
    const c = cipher.decrypt<StoredCredentials>(r.credentials_enc, r.id);
    if (r.platform === 'mastodon' && c.instanceUrl !== sandbox.apiUrls.mastodon) {
      // the sandbox listens on a new port at each start
      await ds.query(`UPDATE social_accounts SET credentials_enc = $2 WHERE id = $1`, [
        r.id,
        cipher.encrypt({ ...c, instanceUrl: sandbox.apiUrls.mastodon }, r.id),
      ]);
    }
    sandbox.store.restoreAccount(r.platform, {
      externalId: r.external_id,
      handle: r.handle ?? undefined,
      followers: r.followers ?? undefined,
      accessToken: c.accessToken,
      refreshToken: c.refreshToken,
    });
  }
  if (rows.length) return { restored: rows.length, created: 0 };
  let created = 0;
  for (const demo of DEMO_ACCOUNTS) {
    const [unit] = await ds.query(`SELECT id FROM units WHERE code = $1`, [demo.unitCode]);
    if (!unit) continue;
    for (const platform of demo.platforms) {
      const handle = `${demo.prefix}_${platform}`;
      const creds = sandbox.store.createAccount(platform, { handle, name: handle, followers: 500 + Math.floor(Math.random() * 5000) });
      const id = randomUUID();
      const stored: StoredCredentials = {
        accessToken: creds.accessToken,
        refreshToken: creds.refreshToken,
        instanceUrl: platform === 'mastodon' ? sandbox.apiUrls.mastodon : undefined,
      };
      const followers = sandbox.store.account(platform, creds.externalId)?.followers ?? null;
      await ds.query(
        `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, display_name, status, credentials_enc, token_expires_at, has_refresh_token, followers, sandbox)
         VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9, $10, true)`,
        [
          id,
          unit.id,
          platform,
          creds.externalId,
          creds.handle,
          handle,
          cipher.encrypt(stored, id),
          creds.tokenExpiresAt ?? null,
          !!creds.refreshToken,
          followers,
        ],
      );
      created++;
    }
  }
  return { restored: 0, created };
}
