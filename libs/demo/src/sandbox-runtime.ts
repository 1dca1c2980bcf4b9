import { DataSource } from 'typeorm';
import { randomUUID } from 'crypto';
import { KabarConfig, PlatformName } from '@kabar/config';
import { CredentialCipher, StoredCredentials } from '@kabar/accounts';
import { deriveKey } from '@kabar/org';
import { allowEntryFor } from '@kabar/platforms';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { demoAccountSpecs, demoFollowers } from './demo-accounts';
import { DemoHistoryResult, seedDemoHistory } from './seed-analytics';

export const SANDBOX_CLIENT = { clientId: 'kabar-sandbox', clientSecret: 'kabar-sandbox-secret' };
const OAUTH = ['facebook', 'instagram', 'threads', 'x', 'tiktok', 'youtube'] as const;

/**
 * The embedded default's fake platforms: one sandbox server; the adapters' URLs and OAuth clients point at it
 * (settings given explicitly still win), and the outbound guard allows its address. Returns the config the app must use.
 */
export async function startDemoSandbox(config: KabarConfig): Promise<{ config: KabarConfig; sandbox: SandboxHandle }> {
  // no ticker: followers and post counters follow the sandbox's growth model, continuing the demo history
  const sandbox = await startSandbox();
  const platformApiUrls = { ...sandbox.apiUrls, ...config.platformApiUrls };
  const platformOAuth = { ...config.platformOAuth };
  for (const p of OAUTH) platformOAuth[p] = { ...SANDBOX_CLIENT, ...sandbox.oauth[p], ...config.platformOAuth[p] };
  // the sandbox listens on loopback: the outbound guard lets exactly its address and port through
  const outboundAllow = [...config.outboundAllow, allowEntryFor(sandbox.url)];
  return { config: { ...config, platformApiUrls, platformOAuth, outboundAllow }, sandbox };
}

/**
 * The sandbox keeps its state in memory: at every start, the sandbox accounts stored in the database are
 * registered again with their tokens, each continuing its follower curve from its last reading; on the first
 * start the demo accounts are created. With the demo seed on, a year of analytics history follows (once).
 */
export async function syncSandboxAccounts(
  ds: DataSource,
  config: KabarConfig,
  sandbox: SandboxHandle,
): Promise<{ restored: number; created: number; history: DemoHistoryResult | null }> {
  const cipher = new CredentialCipher(deriveKey(config.secretKey!, 'credentials'));
  const rows: Array<{
    id: string;
    platform: PlatformName;
    external_id: string;
    handle: string | null;
    followers: number | null;
    followers_at: Date;
    credentials_enc: string;
  }> = await ds.query(
    `SELECT s.id, s.platform, s.external_id, s.handle, coalesce(last.followers, s.followers) AS followers,
            coalesce(last.at, s.last_synced_at, s.connected_at) AS followers_at, s.credentials_enc
       FROM social_accounts s
       LEFT JOIN LATERAL (SELECT followers, at FROM account_snapshots sn WHERE sn.account_id = s.id ORDER BY at DESC LIMIT 1) last ON true
      WHERE s.sandbox`,
  );
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
      followersAt: r.followers_at,
      accessToken: c.accessToken,
      refreshToken: c.refreshToken,
    });
  }
  const created = rows.length ? 0 : await createDemoAccounts(ds, cipher, sandbox);
  const history = config.seedDemo ? await seedDemoHistory(ds, { seed: sandbox.store.seed }) : null;
  return { restored: rows.length, created, history };
}

/** Creates the demo accounts in the sandbox and stores them (one INSERT); returns how many. */
async function createDemoAccounts(ds: DataSource, cipher: CredentialCipher, sandbox: SandboxHandle): Promise<number> {
  const units: Array<{ id: string; code: string }> = await ds.query(`SELECT id, code FROM units WHERE code IS NOT NULL`);
  const unitByCode = new Map(units.map((u) => [u.code, u.id]));
  const cols: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
  const connectedAt = new Date(sandbox.store.now());
  for (const demo of await demoAccountSpecs(ds)) {
    const unitId = unitByCode.get(demo.unitCode);
    if (!unitId) continue;
    for (const platform of demo.platforms) {
      const handle = `${demo.prefix}_${platform}`;
      const followers = demoFollowers(demo, platform);
      const creds = sandbox.store.createAccount(platform, { handle, name: handle, followers, followersAt: connectedAt });
      const id = randomUUID();
      const stored: StoredCredentials = {
        accessToken: creds.accessToken,
        refreshToken: creds.refreshToken,
        instanceUrl: platform === 'mastodon' ? sandbox.apiUrls.mastodon : undefined,
      };
      const row = [
        id,
        unitId,
        platform,
        creds.externalId,
        creds.handle,
        handle,
        cipher.encrypt(stored, id),
        creds.tokenExpiresAt ?? null,
        !!creds.refreshToken,
        followers,
      ];
      row.forEach((v, i) => cols[i].push(v));
    }
  }
  if (!cols[0].length) return 0;
  await ds.query(
    `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, display_name, status, credentials_enc, token_expires_at, has_refresh_token,
                                  followers, sandbox, connected_at)
     SELECT id, unit_id, platform, external_id, handle, display_name, 'active', credentials_enc, token_expires_at, has_refresh_token, followers, true, $11
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::boolean[], $10::int[])
            AS a(id, unit_id, platform, external_id, handle, display_name, credentials_enc, token_expires_at, has_refresh_token, followers)`,
    [...cols, connectedAt],
  );
  return cols[0].length;
}
