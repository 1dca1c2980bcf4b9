import { randomUUID } from 'crypto';
import { Browser, BrowserContext } from 'playwright-core';
import { Pool, PoolClient } from 'pg';
import { CredentialCipher } from '@kabar/accounts';
import { ensureMonthPartitions, ingestPostMetrics, ingestSnapshots, PostMetricRow, Queryable, SnapshotRow } from '@kabar/analytics';
import { deriveKey, hashPassword } from '@kabar/org';
import { launchBrowser } from './browser';
import { FIXED_NOW } from './fixed-clock';
import { SpawnedApp, freePort, spawnApp } from './spawn-app';
import { createTestDatabase } from './test-database';

const SECRET = Buffer.alloc(32, 5).toString('base64');
const DAY = 86_400_000;
const WIB = 7 * 3_600_000;
const HISTORY_DAYS = 70;
/** Days (ago) on which Batu Tulis's Instagram has no reading: the chart must show a gap there. */
export const GAP_DAYS = [20, 19, 18, 17];

/** "Now" for the product, the browser and the fixtures of these tests (see fixed-clock.ts). */
export const NOW = FIXED_NOW;

export interface AnalyticsBrowserApp {
  app: SpawnedApp;
  browser: Browser;
  db: Pool;
  /** A browser context whose Date reads NOW. */
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * The built product on a database of its own (its URL kept, to seed analytics), plus a headless Chromium;
 * the product's calendar and the browser's Date both read NOW.
 */
export async function startAnalyticsBrowserApp(): Promise<AnalyticsBrowserApp> {
  const tdb = await createTestDatabase();
  const port = await freePort();
  const app = await spawnApp({
    PORT: String(port),
    KABAR_PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: tdb.url,
    KABAR_SECRET_KEY: SECRET,
    KABAR_SEED_DEMO: 'true',
    KABAR_ADMIN_EMAIL: 'admin.analitik@kabar.test',
    KABAR_ADMIN_PASSWORD: 'kata-sandi-admin-analitik-1',
    KABAR_CLOCK_START: NOW.toISOString(),
  });
  const db = new Pool({ connectionString: tdb.url, max: 3 });
  const browser = await launchBrowser();
  return {
    app,
    browser,
    db,
    newContext: async (options) => {
      const context = await browser.newContext(options);
      await context.clock.setFixedTime(NOW);
      return context;
    },
    close: async () => {
      await browser.close();
      await app.stop();
      await db.end();
      await tdb.drop();
    },
  };
}

export interface SeededUnit {
  id: string;
  name: string;
}

export interface AnalyticsWorld {
  city: SeededUnit;
  kecamatan: SeededUnit;
  /** Three kelurahan of Bogor Selatan with followers B > A > C and growth C > A > B. */
  a: SeededUnit;
  b: SeededUnit;
  c: SeededUnit;
  reviewer: { email: string; password: string; name: string };
  kelurahanAdmin: { email: string; password: string; name: string };
  handles: { aInstagram: string; aTelegram: string; bInstagram: string };
  scheduledText: string;
  failedText: string;
  topPostUrl: string;
  awaitingReview: number;
}

/** The local day (WIB) `daysAgo` days before NOW's, at `hour`:00 WIB, as an instant. */
function wibAt(daysAgo: number, hour: number): Date {
  const today = Math.floor((NOW.getTime() + WIB) / DAY) * DAY;
  return new Date(today - daysAgo * DAY + hour * 3_600_000 - WIB);
}

const queryable = (db: Pool): Queryable => ({ query: async (sql, params) => (await db.query(sql, params as unknown[])).rows });

async function inTransaction<T>(db: Pool, fn: (q: Queryable) => Promise<T>): Promise<T> {
  const client: PoolClient = await db.connect();
  const q: Queryable = { query: async (sql, params) => (await client.query(sql, params as unknown[])).rows };
  try {
    await client.query('BEGIN');
    const out = await fn(q);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

async function createUser(
  db: Pool,
  unitId: string,
  role: 'admin' | 'reviewer',
  email: string,
  name: string,
): Promise<{ id: string; email: string; password: string; name: string }> {
  const password = `kata-sandi-${role}-uji-1`;
  const {
    rows: [u],
  } = await db.query(`INSERT INTO users (email, name, locale, password_hash) VALUES ($1, $2, 'id', $3) RETURNING id`, [
    email,
    name,
    await hashPassword(password),
  ]);
  await db.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, $3)`, [u.id, unitId, role]);
  return { id: u.id, email, password, name };
}

async function createAccount(db: Pool, unitId: string, platform: string, handle: string, status = 'active'): Promise<string> {
  const id = randomUUID();
  const enc = new CredentialCipher(deriveKey(SECRET, 'credentials')).encrypt({ accessToken: 'uji-token' }, id);
  await db.query(
    `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, display_name, status, credentials_enc, sandbox)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, true)`,
    [id, unitId, platform, `ext-${id.slice(0, 8)}`, handle, status, enc],
  );
  return id;
}

interface PostSpec {
  unitId: string;
  accountId: string;
  platform: string;
  text: string;
  postStatus: string;
  targetStatus?: string;
  at: Date;
  authorId?: string | null;
  url?: string;
}

async function createPost(db: Pool, s: PostSpec): Promise<{ postId: string; targetId: string }> {
  const postId = randomUUID();
  const targetId = randomUUID();
  await db.query(
    `INSERT INTO posts (id, unit_id, author_id, pillar, status, scheduled_at, time_zone, excerpt, platforms)
     VALUES ($1, $2, $3, 'informasi', $4, $5, 'Asia/Jakarta', left($6, 200), ARRAY[$7])`,
    [postId, s.unitId, s.authorId ?? null, s.postStatus, s.at, s.text, s.platform],
  );
  await db.query(`INSERT INTO post_variants (post_id, language, text) VALUES ($1, 'id', $2)`, [postId, s.text]);
  if (s.targetStatus)
    await db.query(
      `INSERT INTO post_targets (id, post_id, account_id, language, scheduled_at, status, idempotency_key, published_at, external_id, external_url)
       VALUES ($1::uuid, $2, $3, 'id', $4, $5, 'kabar:' || $1::text, $6, $7, $8)`,
      [
        targetId,
        postId,
        s.accountId,
        s.at,
        s.targetStatus,
        s.targetStatus === 'published' ? s.at : null,
        s.url ? `ext-${targetId.slice(0, 8)}` : null,
        s.url ?? null,
      ],
    );
  return { postId, targetId };
}

/** A straight line of daily readings from `first` (HISTORY_DAYS ago) to `last` (a minute before NOW), minus `skip` days. */
function series(accountId: string, first: number, last: number, skip: number[] = []): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  for (let ago = HISTORY_DAYS; ago >= 0; ago--) {
    if (skip.includes(ago)) continue;
    const at = ago === 0 ? new Date(NOW.getTime() - 60_000) : wibAt(ago, 12);
    rows.push({ accountId, at, followers: Math.round(first + ((last - first) * (HISTORY_DAYS - ago)) / HISTORY_DAYS) });
  }
  return rows;
}

/**
 * Kota Bogor's demo tree plus: a Diskominfo reviewer at the city, an admin of Batu Tulis, accounts in three
 * kelurahan of Bogor Selatan with 70 days of follower readings (through ingestSnapshots), published posts
 * with metrics (ingestPostMetrics), a scheduled post, a failed one, and posts waiting for review.
 */
export async function seedAnalyticsWorld(db: Pool): Promise<AnalyticsWorld> {
  const unit = async (sql: string, params: unknown[]): Promise<SeededUnit> => (await db.query(sql, params)).rows[0];
  const city = await unit(`SELECT id, name FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`, []);
  const kecamatan = await unit(`SELECT id, name FROM units WHERE code = '32.71.01'`, []);
  const a = await unit(`SELECT id, name FROM units WHERE code = '32.71.01.1001'`, []);
  const b = await unit(`SELECT id, name FROM units WHERE code = '32.71.01.1002'`, []);
  const c = await unit(`SELECT id, name FROM units WHERE parent_id = $1 AND code NOT IN ('32.71.01.1001', '32.71.01.1002') ORDER BY code LIMIT 1`, [
    kecamatan.id,
  ]);

  const reviewer = await createUser(db, city.id, 'reviewer', 'peninjau.diskominfo@kabar.test', 'Dewi Peninjau');
  const kelurahanAdmin = await createUser(db, a.id, 'admin', 'admin.batutulis@kabar.test', 'Asep Batu Tulis');

  const handles = { aInstagram: 'kel.batutulis', aTelegram: 'batutulis_info', bInstagram: 'kel.bondongan' };
  const aIg = await createAccount(db, a.id, 'instagram', handles.aInstagram);
  const aTg = await createAccount(db, a.id, 'telegram', handles.aTelegram, 'needs_reconnect');
  const bIg = await createAccount(db, b.id, 'instagram', handles.bInstagram);
  const cIg = await createAccount(db, c.id, 'instagram', 'kel.ketiga');

  const from = new Date(wibAt(HISTORY_DAYS + 31, 0));
  const to = new Date(NOW.getTime() + 40 * DAY);
  for (const table of ['account_snapshots', 'post_metrics'] as const) await ensureMonthPartitions(queryable(db), table, from, to);
  await inTransaction(db, (q) => ingestSnapshots(q, [...series(aIg, 4000, 5000, GAP_DAYS), ...series(bIg, 7800, 8000), ...series(cIg, 2000, 3000)]));

  const topPostUrl = 'https://www.instagram.com/p/BatuTulisKerjaBakti/';
  const published = [
    { text: 'Kerja bakti warga Batu Tulis membersihkan saluran air', ago: 3, likes: 320, comments: 41, shares: 25, url: topPostUrl },
    { text: 'Posyandu balita RW 05 hari ini', ago: 5, likes: 120, comments: 9, shares: 4, url: 'https://www.instagram.com/p/BatuTulisPosyandu/' },
    { text: 'Cerita wilayah: asal nama Batu Tulis', ago: 8, likes: 60, comments: 3, shares: 2, url: 'https://www.instagram.com/p/BatuTulisCerita/' },
  ];
  const metrics: PostMetricRow[] = [];
  for (const p of published) {
    const { targetId } = await createPost(db, {
      unitId: a.id,
      accountId: aIg,
      platform: 'instagram',
      text: p.text,
      postStatus: 'published',
      targetStatus: 'published',
      at: wibAt(p.ago, 9),
      url: p.url,
    });
    metrics.push({ targetId, at: wibAt(p.ago - 1, 9), likes: p.likes, comments: p.comments, shares: p.shares, views: p.likes * 10, reach: p.likes * 8 });
  }
  await inTransaction(db, (q) => ingestPostMetrics(q, metrics));

  const scheduledText = 'Kerja bakti Kali Cipakancilan Sabtu pagi';
  await createPost(db, {
    unitId: a.id,
    accountId: aIg,
    platform: 'instagram',
    text: scheduledText,
    postStatus: 'scheduled',
    targetStatus: 'scheduled',
    at: new Date(NOW.getTime() + 2 * DAY),
  });
  const failedText = 'Jadwal posyandu bulan Desember';
  await createPost(db, { unitId: a.id, accountId: aTg, platform: 'telegram', text: failedText, postStatus: 'failed', targetStatus: 'failed', at: wibAt(1, 9) });
  for (const text of ['Lomba kebersihan antar-RW', 'Sosialisasi bank sampah'])
    await createPost(db, {
      unitId: a.id,
      accountId: aIg,
      platform: 'instagram',
      text,
      postStatus: 'in_review',
      at: new Date(NOW.getTime() + 3 * DAY),
      authorId: kelurahanAdmin.id,
    });
  const {
    rows: [{ n }],
  } = await db.query(`SELECT count(*)::int AS n FROM posts WHERE status = 'in_review' AND author_id IS DISTINCT FROM $1`, [reviewer.id]);

  return { city, kecamatan, a, b, c, reviewer, kelurahanAdmin, handles, scheduledText, failedText, topPostUrl, awaitingReview: n };
}
