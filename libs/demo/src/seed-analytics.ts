import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ensureMonthPartitions, ingestPostMetrics, PostMetricRow, rebuildAccountDaily, rebuildUnitDaily } from '@kabar/analytics';
import { FollowerAnchor, followersAt, hash32, PLATFORM_SHAPES, postMetricsAt, SandboxPlatform } from '@kabar/sandbox';
import { HistoryAccount, HistoryUnit, PlannedPost, planPosts, WIB } from './demo-history-posts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** When the metrics of a history post were read, after publication (as the collector would have). */
const READINGS_AFTER = [DAY, 7 * DAY, 30 * DAY];
const COUNTERS = ['likes', 'comments', 'shares', 'views', 'reach'] as const;
const CHUNK = 20_000;

export interface DemoHistoryResult {
  accounts: number;
  days: number;
  snapshots: number;
  posts: number;
  targets: number;
  readings: number;
  unitTargets: number;
  ms: number;
}

interface AccountRow extends HistoryAccount {
  followers: number;
  anchorAt: Date;
  unitCode: string;
  unitName: string;
  unitKind: string;
  timeZone: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The demo's analytics history (embedded default, first start): a year of daily follower readings of every
 * sandbox account and of published posts with their metrics, all from the sandbox's growth model (same seed),
 * so the live sandbox continues the curves; then the daily rollups and this month's targets. Runs once: when
 * any account snapshot exists it does nothing and returns null.
 */
export async function seedDemoHistory(ds: DataSource, opts: { seed: number; now?: Date; days?: number }): Promise<DemoHistoryResult | null> {
  const started = Date.now();
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('kabar.demo_history'))`);
    const [{ any }] = await em.query(`SELECT EXISTS (SELECT 1 FROM account_snapshots) AS any`);
    if (any) return null;
    const accounts = await sandboxAccounts(em);
    if (!accounts.length) return null;
    const nowMs = (opts.now ?? new Date()).getTime();
    const days = opts.days ?? 365;
    const today = Math.floor((nowMs + WIB) / DAY);
    const fromMs = (today - days) * DAY - WIB;
    await ensureMonthPartitions(em, 'account_snapshots', new Date(fromMs - DAY), new Date(nowMs + DAY));
    await ensureMonthPartitions(em, 'post_metrics', new Date(fromMs - DAY), new Date(nowMs + DAY));

    const anchors = new Map<string, FollowerAnchor>(accounts.map((a) => [a.id, { followers: a.followers, at: a.anchorAt.getTime() }]));
    const followers = (a: HistoryAccount, t: number) => followersAt(`${a.platform}:${a.externalId}`, t, opts.seed, anchors.get(a.id));

    const posts = await planYear(em, accounts, { seed: opts.seed, fromMs, nowMs });
    const snapshots = await insertSnapshots(em, accounts, posts, { fromDay: today - days, days, followers });
    await rebuildAccountDaily(em, isoDay((today - days) * DAY), isoDay((today - 1) * DAY));
    await rebuildUnitDaily(em, isoDay((today - days) * DAY), isoDay((today - 1) * DAY));
    const targets = await insertPosts(em, posts);
    const readings = await insertReadings(em, posts, { seed: opts.seed, nowMs, followers });
    const unitTargets = await insertUnitTargets(em, accounts, { seed: opts.seed, today });
    return { accounts: accounts.length, days, snapshots, posts: posts.length, targets, readings, unitTargets, ms: Date.now() - started };
  });
}

async function sandboxAccounts(em: EntityManager): Promise<AccountRow[]> {
  const rows: Array<Record<string, any>> = await em.query(
    `SELECT s.id, s.platform, s.external_id, coalesce(s.handle, s.external_id) AS handle, s.unit_id, coalesce(s.followers, 0) AS followers,
            coalesce(s.last_synced_at, s.connected_at) AS anchor_at, u.code, u.name, u.kind, u.time_zone
       FROM social_accounts s JOIN units u ON u.id = s.unit_id
      WHERE s.sandbox AND s.status = 'active'
      ORDER BY u.code, s.platform`,
  );
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    externalId: r.external_id,
    handle: r.handle,
    unitId: r.unit_id,
    followers: Number(r.followers),
    anchorAt: new Date(r.anchor_at),
    unitCode: r.code ?? r.unit_id,
    unitName: r.name,
    unitKind: r.kind,
    timeZone: r.time_zone,
  }));
}

async function planYear(em: EntityManager, accounts: AccountRow[], opts: { seed: number; fromMs: number; nowMs: number }): Promise<PlannedPost[]> {
  const programs: Array<{ id: string; key: string; hashtag: string | null }> = await em.query(
    `SELECT id, key, hashtag FROM programs WHERE active AND key IS NOT NULL ORDER BY key`,
  );
  const units = new Map<string, HistoryUnit>();
  for (const a of accounts) {
    const u = units.get(a.unitId) ?? { id: a.unitId, code: a.unitCode, name: a.unitName, kind: a.unitKind, timeZone: a.timeZone, accounts: [] };
    u.accounts.push(a);
    units.set(a.unitId, u);
  }
  return planPosts([...units.values()], programs, { ...opts, newId: randomUUID });
}

/** One reading a day per account, at 20:00–20:59 WIB; `posts` counts the account's published posts so far. */
async function insertSnapshots(
  em: EntityManager,
  accounts: AccountRow[],
  posts: PlannedPost[],
  opts: { fromDay: number; days: number; followers: (a: HistoryAccount, t: number) => number },
): Promise<number> {
  const published = new Map<string, number[]>();
  for (const p of posts)
    for (const t of p.targets) {
      const list = published.get(t.account.id) ?? [];
      list.push(t.publishedAt);
      published.set(t.account.id, list);
    }
  const cols: [string[], string[], number[], number[], number[]] = [[], [], [], [], []];
  let total = 0;
  for (const a of accounts) {
    const times = (published.get(a.id) ?? []).sort((x, y) => x - y);
    const before = 40 + (hash32('posts-before', a.id) % 400);
    const minute = hash32('reading-minute', a.id) % 60;
    let seen = 0;
    for (let d = 0; d < opts.days; d++) {
      const at = (opts.fromDay + d) * DAY - WIB + 20 * HOUR + minute * 60_000;
      while (seen < times.length && times[seen] <= at) seen++;
      cols[0].push(a.id);
      cols[1].push(new Date(at).toISOString());
      cols[2].push(opts.followers(a, at));
      cols[3].push(10 + (hash32('following', a.id) % 300));
      cols[4].push(before + seen);
    }
    if (cols[0].length >= CHUNK) total += await flushSnapshots(em, cols);
  }
  return total + (await flushSnapshots(em, cols));
}

async function flushSnapshots(em: EntityManager, cols: [string[], string[], number[], number[], number[]]): Promise<number> {
  if (!cols[0].length) return 0;
  const res: Array<{ n: number }> = await em.query(
    `WITH ins AS (INSERT INTO account_snapshots (account_id, at, followers, following, posts)
                  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[]) ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    cols,
  );
  for (const c of cols) c.length = 0;
  return res[0].n;
}

/** Posts (published), their variants and published targets; metrics_due_at stays null (the collector never asks). */
async function insertPosts(em: EntityManager, posts: PlannedPost[]): Promise<number> {
  let targets = 0;
  for (let i = 0; i < posts.length; i += CHUNK / 2) {
    const batch = posts.slice(i, i + CHUNK / 2);
    await em.query(
      `INSERT INTO posts (id, unit_id, pillar, program_id, status, scheduled_at, time_zone, approved_at, excerpt, platforms, created_at, updated_at)
       SELECT id, unit_id, pillar, program_id, 'published', at, tz, at - interval '20 hours', excerpt, string_to_array(platforms, ','), at - interval '2 days', at + interval '1 minute'
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])
              AS p(id, unit_id, pillar, program_id, at, tz, excerpt, platforms)`,
      [
        batch.map((p) => p.id),
        batch.map((p) => p.unit.id),
        batch.map((p) => p.pillar),
        batch.map((p) => p.programId),
        batch.map((p) => new Date(p.scheduledAt).toISOString()),
        batch.map((p) => p.unit.timeZone),
        batch.map((p) => p.textId.slice(0, 160)),
        batch.map((p) => [...new Set(p.targets.map((t) => t.account.platform))].join(',')),
      ],
    );
    const variants = batch.flatMap((p) => [[p.id, 'id', p.textId], ...(p.textEn ? [[p.id, 'en', p.textEn]] : [])]);
    await em.query(`INSERT INTO post_variants (post_id, language, text) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`, [
      variants.map((v) => v[0]),
      variants.map((v) => v[1]),
      variants.map((v) => v[2]),
    ]);
    const ts = batch.flatMap((p) => p.targets.map((t) => ({ p, t })));
    await em.query(
      `INSERT INTO post_targets (id, post_id, account_id, language, scheduled_at, status, external_id, external_url, published_at, attempt_count,
                                 idempotency_key, created_at, updated_at)
       SELECT id, post_id, account_id, language, at, 'published', external_id, url, published_at, 1, 'demo:' || id, at - interval '2 days', published_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::timestamptz[])
              AS t(id, post_id, account_id, language, at, external_id, url, published_at)`,
      [
        ts.map((x) => x.t.id),
        ts.map((x) => x.p.id),
        ts.map((x) => x.t.account.id),
        ts.map((x) => x.t.language),
        ts.map((x) => new Date(x.p.scheduledAt).toISOString()),
        ts.map((x) => x.t.externalId),
        ts.map((x) => x.t.url),
        ts.map((x) => new Date(x.t.publishedAt).toISOString()),
      ],
    );
    targets += ts.length;
  }
  return targets;
}

/**
 * A few readings per target (1, 7 and 30 days after publication, those already past). The latest goes through
 * ingestPostMetrics (raw row + target_metrics with followers at post time); the earlier ones are raw rows only.
 */
async function insertReadings(
  em: EntityManager,
  posts: PlannedPost[],
  opts: { seed: number; nowMs: number; followers: (a: HistoryAccount, t: number) => number },
): Promise<number> {
  const latest: PostMetricRow[] = [];
  const earlier: PostMetricRow[] = [];
  for (const p of posts)
    for (const t of p.targets) {
      const platform = t.account.platform as SandboxPlatform;
      const shown = PLATFORM_SHAPES[platform].counters;
      const base = opts.followers(t.account, t.publishedAt);
      const due = READINGS_AFTER.map((after) => t.publishedAt + after).filter((at) => at <= opts.nowMs);
      if (!due.length) due.push(opts.nowMs);
      due.forEach((at, i) => {
        const m = postMetricsAt(`${platform}:${t.externalId}`, platform, t.publishedAt, base, at, opts.seed);
        const v = (c: keyof typeof m) => (shown.includes(c) ? m[c] : null);
        const row = { targetId: t.id, at: new Date(at), likes: v('likes'), comments: v('comments'), shares: v('shares'), views: v('views'), reach: v('reach') };
        (i === due.length - 1 ? latest : earlier).push(row);
      });
    }
  let total = 0;
  for (let i = 0; i < earlier.length; i += CHUNK) {
    const b = earlier.slice(i, i + CHUNK);
    await em.query(
      `INSERT INTO post_metrics (target_id, at, likes, comments, shares, views, reach)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[])`,
      [b.map((r) => r.targetId), b.map((r) => r.at.toISOString()), ...COUNTERS.map((c) => b.map((r) => r[c] ?? null))],
    );
    total += b.length;
  }
  for (let i = 0; i < latest.length; i += CHUNK) total += await ingestPostMetrics(em, latest.slice(i, i + CHUNK));
  return total;
}

/**
 * This month's and last month's targets for every kecamatan and a few kelurahan with accounts: a few percent
 * more followers than at the month's start, 12–24 posts.
 */
async function insertUnitTargets(em: EntityManager, accounts: AccountRow[], opts: { seed: number; today: number }): Promise<number> {
  const kelurahan = [...new Set(accounts.filter((a) => a.unitKind === 'kelurahan').map((a) => a.unitId))];
  const chosen = kelurahan.filter((id) => hash32('target', id, opts.seed) % 6 === 0).slice(0, 10);
  const res: Array<{ n: number }> = await em.query(
    `WITH units_chosen AS (
       SELECT id FROM units WHERE kind = 'kecamatan' AND id IN (SELECT unit_id FROM social_accounts WHERE sandbox)
       UNION SELECT unnest($1::uuid[])),
     months AS (SELECT date_trunc('month', $2::date)::date AS month UNION SELECT (date_trunc('month', $2::date) - interval '1 month')::date),
     ins AS (
       INSERT INTO unit_targets (unit_id, month, followers_target, posts_target)
       SELECT c.id, m.month,
              round(coalesce((SELECT ud.followers FROM unit_daily ud WHERE ud.unit_id = c.id AND ud.day < m.month + 1 ORDER BY ud.day DESC LIMIT 1), 1000)
                    * (1.015 + (abs(hashtext(c.id::text || m.month::text)) % 30) / 1000.0) / 50) * 50,
              12 + abs(hashtext(m.month::text || c.id::text)) % 13
         FROM units_chosen c CROSS JOIN months m
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [chosen, isoDay(opts.today * DAY)],
  );
  return res[0].n;
}
