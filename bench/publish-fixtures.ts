import { ChildProcess, spawn } from 'child_process';
import { randomUUID } from 'crypto';
import * as path from 'path';
import { Pool } from 'pg';
import { CredentialCipher } from '@kabar/accounts';
import { deriveKey } from '@kabar/org';
import { SandboxHandle, SandboxPlatform } from '@kabar/sandbox';

export const ROOT = path.resolve(__dirname, '../..');
export const SECRET = Buffer.alloc(32, 5).toString('base64');

export { freePort } from './bench-port';

export async function createUnit(db: Pool): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO units (id, code, name, kind, parent_id, path, time_zone, review_required) VALUES ($1, 'BENCH', 'Kota Bench', 'kota', NULL, $2, 'Asia/Jakarta', false)`,
    [id, `${id}/`],
  );
  return id;
}

export async function createAccounts(db: Pool, sb: SandboxHandle, unitId: string, platforms: SandboxPlatform[], perPlatform: number): Promise<string[]> {
  const cipher = new CredentialCipher(deriveKey(SECRET, 'credentials'));
  const ids: string[] = [];
  for (const platform of platforms) {
    for (let i = 0; i < perPlatform; i++) {
      const c = sb.store.createAccount(platform);
      const id = randomUUID();
      await db.query(
        `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, status, credentials_enc, sandbox) VALUES ($1, $2, $3, $4, $5, 'active', $6, true)`,
        [id, unitId, platform, c.externalId, c.handle, cipher.encrypt({ accessToken: c.accessToken }, id)],
      );
      ids.push(id);
    }
  }
  return ids;
}

/** One post, one Indonesian variant and one scheduled target per item; the text carries a unique tag. */
export async function insertTargets(db: Pool, unitId: string, items: Array<{ accountId: string; at: Date; tag: string }>): Promise<void> {
  for (let i = 0; i < items.length; i += 2000) {
    const chunk = items.slice(i, i + 2000);
    const posts = chunk.map(() => randomUUID());
    const targets = chunk.map(() => randomUUID());
    const at = chunk.map((c) => c.at.toISOString());
    await db.query(
      `INSERT INTO posts (id, unit_id, pillar, status, scheduled_at, time_zone) SELECT p, $2, 'informasi', 'scheduled', a::timestamptz, 'Asia/Jakarta' FROM unnest($1::uuid[], $3::text[]) x(p, a)`,
      [posts, unitId, at],
    );
    await db.query(`INSERT INTO post_variants (post_id, language, text) SELECT p, 'id', t FROM unnest($1::uuid[], $2::text[]) x(p, t)`, [
      posts,
      chunk.map((c) => `Info layanan Kota Bogor ${c.tag}`),
    ]);
    await db.query(
      `INSERT INTO post_targets (id, post_id, account_id, language, scheduled_at, status, idempotency_key)
       SELECT id, p, a, 'id', s::timestamptz, 'scheduled', 'kabar:' || id FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) x(id, p, a, s)`,
      [targets, posts, chunk.map((c) => c.accountId), at],
    );
  }
}

export function spawnWorker(databaseUrl: string, sb: SandboxHandle, env: Record<string, string>): ChildProcess {
  const apiEnv: Record<string, string> = {};
  for (const [p, url] of Object.entries(sb.apiUrls)) apiEnv[`KABAR_${p.toUpperCase()}_API_URL`] = url;
  apiEnv.KABAR_OUTBOUND_ALLOW = new URL(sb.url).host; // the sandbox listens on loopback: let the outbound guard through
  // A harness handing its environment on to the processes it starts, like the tests do.
  // eslint-disable-next-line no-restricted-syntax
  const inherited = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/apps/worker/src/main.js')], {
    cwd: ROOT,
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      KABAR_SECRET_KEY: SECRET,
      KABAR_LOG_LEVEL: 'warn',
      ...apiEnv,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return proc;
}

export async function waitUntil(fn: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
