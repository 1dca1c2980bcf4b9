import { ChildProcess, spawn } from 'child_process';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Pool } from 'pg';
import { CredentialCipher } from '@kabar/accounts';
import { deriveKey } from '@kabar/org';
import { SandboxHandle, SandboxOptions, SandboxPlatform, startSandbox } from '@kabar/sandbox';
import { createTestDatabase } from '../../support/test-database';
import { ROOT, freePort } from '../../support/spawn-app';
import { sandboxEnv } from '../../support/sandbox-config';

export const SECRET = Buffer.alloc(32, 9).toString('base64');
export const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/src/main.js');

export interface FixtureAccount {
  id: string;
  platform: SandboxPlatform;
  externalId: string;
}

export interface FixtureTarget {
  id: string;
  postId: string;
  accountId: string;
  text: string;
}

/** A unit to hang posts on: the seeded kota when there is one, else a fresh one. */
export async function ensureUnit(db: Pool): Promise<string> {
  const { rows } = await db.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
  if (rows[0]) return rows[0].id;
  const id = randomUUID();
  await db.query(
    `INSERT INTO units (id, code, name, kind, parent_id, path, time_zone, review_required) VALUES ($1, $2, 'Kota Uji', 'kota', NULL, $3, 'Asia/Jakarta', false)`,
    [id, `T.${id.slice(0, 8)}`, `${id}/`],
  );
  return id;
}

/** A sandbox account and its Kabar row, credentials sealed as the accounts context seals them. */
export async function createAccount(db: Pool, sb: SandboxHandle, unitId: string, platform: SandboxPlatform, secret = SECRET): Promise<FixtureAccount> {
  const creds = sb.store.createAccount(platform);
  const id = randomUUID();
  const enc = new CredentialCipher(deriveKey(secret, 'credentials')).encrypt({ accessToken: creds.accessToken, refreshToken: creds.refreshToken }, id);
  await db.query(
    `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, display_name, status, credentials_enc, token_expires_at, has_refresh_token, sandbox)
     VALUES ($1, $2, $3, $4, $5, $5, 'active', $6, $7, $8, true)`,
    [id, unitId, platform, creds.externalId, creds.handle, enc, creds.tokenExpiresAt ?? null, !!creds.refreshToken],
  );
  return { id, platform, externalId: creds.externalId };
}

/** Posts with one Indonesian variant and one scheduled target each, inserted in bulk. */
export async function schedulePosts(
  db: Pool,
  unitId: string,
  items: Array<{ account: FixtureAccount; at: Date; text: string }>,
  opts: { authorId?: string | null } = {},
): Promise<FixtureTarget[]> {
  const out: FixtureTarget[] = items.map((i) => ({ id: randomUUID(), postId: randomUUID(), accountId: i.account.id, text: i.text }));
  for (let i = 0; i < out.length; i += 1000) {
    const chunk = out.slice(i, i + 1000);
    const at = items.slice(i, i + 1000).map((x) => x.at.toISOString());
    await db.query(
      `INSERT INTO posts (id, unit_id, author_id, pillar, status, scheduled_at, time_zone)
       SELECT p, $2, $3, 'informasi', 'scheduled', a::timestamptz, 'Asia/Jakarta' FROM unnest($1::uuid[], $4::text[]) AS x(p, a)`,
      [chunk.map((t) => t.postId), unitId, opts.authorId ?? null, at],
    );
    await db.query(`INSERT INTO post_variants (post_id, language, text) SELECT p, 'id', t FROM unnest($1::uuid[], $2::text[]) AS x(p, t)`, [
      chunk.map((t) => t.postId),
      chunk.map((t) => t.text),
    ]);
    await db.query(
      `INSERT INTO post_targets (id, post_id, account_id, language, scheduled_at, status, idempotency_key)
       SELECT id, p, a, 'id', s::timestamptz, 'scheduled', 'kabar:' || id FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS x(id, p, a, s)`,
      [chunk.map((t) => t.id), chunk.map((t) => t.postId), chunk.map((t) => t.accountId), at],
    );
  }
  return out;
}

export interface WorkerProcess {
  proc: ChildProcess;
  /** Resolves once the worker answers on its health port (its modules, queue and first dispatch are up). */
  ready(): Promise<void>;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A real worker process (`npm run start:worker`) against the test database and the sandbox. */
export async function spawnWorker(databaseUrl: string, sb: SandboxHandle, env: Record<string, string> = {}): Promise<WorkerProcess> {
  if (!fs.existsSync(WORKER_MAIN)) throw new Error('dist/ is missing: run `node scripts/build.js`');
  let out = '';
  const healthPort = await freePort();
  const proc = spawn(process.execPath, [WORKER_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: databaseUrl,
      KABAR_SECRET_KEY: SECRET,
      KABAR_LOG_LEVEL: 'warn',
      KABAR_PUBLISH_LEASE: '4s',
      KABAR_PUBLISH_DISPATCH_INTERVAL: '500ms',
      KABAR_WORKER_HEALTH_PORT: String(healthPort),
      ...sandboxEnv(sb),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  return {
    proc,
    ready: () =>
      waitFor(
        'the worker to start',
        async () => {
          if (proc.exitCode !== null) throw new Error(`worker exited: ${out}`);
          return (await fetch(`http://127.0.0.1:${healthPort}/`)).status === 200;
        },
        60_000,
        100,
      ).then(() => undefined),
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.exitCode);
        proc.once('exit', (code) => resolve(code));
        proc.kill(signal);
      }),
  };
}

export async function statusCounts(db: Pool, ids?: string[]): Promise<Record<string, number>> {
  const { rows } = ids
    ? await db.query(`SELECT status, count(*)::int AS n FROM post_targets WHERE id = ANY($1::uuid[]) GROUP BY status`, [ids])
    : await db.query(`SELECT status, count(*)::int AS n FROM post_targets GROUP BY status`);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Sandbox posts per target text: the judge of "exactly once". */
export function postsByText(sb: SandboxHandle): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of sb.store.posts()) {
    const key = p.text.trim();
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

export interface PublishingHarness {
  databaseUrl: string;
  db: Pool;
  sb: SandboxHandle;
  /** Workers spawned through the harness are killed by close(). */
  spawn(env?: Record<string, string>): Promise<WorkerProcess>;
  close(): Promise<void>;
}

/** A migrated database of its own, a small pool for fixtures, a sandbox, and worker processes on demand. */
export async function startPublishingHarness(sandbox: SandboxOptions = {}): Promise<PublishingHarness> {
  const tdb = await createTestDatabase();
  const db = new Pool({ connectionString: tdb.url, max: 4 });
  const sb = await startSandbox(sandbox);
  const workers: WorkerProcess[] = [];
  return {
    databaseUrl: tdb.url,
    db,
    sb,
    spawn: async (env = {}) => {
      const w = await spawnWorker(tdb.url, sb, env);
      workers.push(w);
      return w;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.stop('SIGKILL')));
      await db.end();
      await sb.close();
      await tdb.drop();
    },
  };
}
