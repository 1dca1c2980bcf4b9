import { DataSource } from 'typeorm';
import { ensureMonthPartitions, rebuildUnitDaily } from '@kabar/analytics';

export interface AnalyticsBenchShape {
  accounts: number;
  days: number;
  postMetricRows: number;
  /** Readings per published target (post_metrics rows = targets × readings). */
  readingsPerTarget: number;
}

export interface SeededCity {
  rootId: string;
  rootPath: string;
  kecamatanId: string;
  units: number;
  accounts: number;
  snapshots: number;
  targets: number;
  postMetrics: number;
  firstDay: string;
  lastDay: string;
}

const ACCOUNTS_PER_UNIT = 10;

/**
 * A city shaped like Kota Bogor (kota → 6 kecamatan → 68 kelurahan) plus puskesmas/OPD units to hold the
 * accounts (10 per unit), one reading per account per day for `days` days, and published targets with
 * `readingsPerTarget` metric readings each. Bulk SQL (generate_series): no round trip per row.
 */
export async function seedAnalyticsCity(ds: DataSource, shape: AnalyticsBenchShape, lastDay: string): Promise<SeededCity> {
  const [root] = await ds.query(`INSERT INTO units (code, name, kind, path) VALUES ('B', 'Kota Bench', 'kota', '') RETURNING id`);
  const rootPath = `${root.id}/`;
  await ds.query(`UPDATE units SET path = $1 WHERE id = $2`, [rootPath, root.id]);
  await ds.query(
    `INSERT INTO units (code, name, kind, parent_id, path) SELECT 'B.' || i, 'Kecamatan ' || i, 'kecamatan', $1, '' FROM generate_series(1, 6) i`,
    [root.id],
  );
  await ds.query(`UPDATE units SET path = $1 || id || '/' WHERE parent_id = $2`, [rootPath, root.id]);
  // 68 kelurahan spread over the 6 kecamatan, then the rest of the units (puskesmas) likewise
  const totalUnits = Math.max(75, Math.ceil(shape.accounts / ACCOUNTS_PER_UNIT));
  await ds.query(
    `WITH kec AS (SELECT id, path, row_number() OVER (ORDER BY code) - 1 AS k FROM units WHERE kind = 'kecamatan')
     INSERT INTO units (code, name, kind, parent_id, path)
     SELECT 'B.K.' || i, CASE WHEN i <= 68 THEN 'Kelurahan ' ELSE 'Puskesmas ' END || i, CASE WHEN i <= 68 THEN 'kelurahan' ELSE 'puskesmas' END, kec.id, kec.path
       FROM generate_series(1, $1::int) i JOIN kec ON kec.k = i % 6`,
    [totalUnits - 7],
  );
  await ds.query(`UPDATE units SET path = path || id || '/' WHERE code LIKE 'B.K.%'`);
  // accounts: 10 per unit, round robin over the units that are not kota/kecamatan (and 1 on each kecamatan)
  await ds.query(
    `WITH u AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total FROM units WHERE kind NOT IN ('kota'))
     INSERT INTO social_accounts (unit_id, platform, external_id, handle, status, credentials_enc, followers)
     SELECT u.id, (ARRAY['instagram','facebook','x','tiktok','youtube','threads','telegram','mastodon'])[1 + i % 8], 'bench-' || i, 'acct_' || i,
            'active', 'v1.bench', 0
       FROM generate_series(0, $1::int - 1) i JOIN u ON u.n = i % u.total`,
    [shape.accounts],
  );
  const firstDay = (await ds.query(`SELECT ($1::date - ($2::int - 1))::text AS d`, [lastDay, shape.days]))[0].d as string;
  await ensureMonthPartitions(ds, 'account_snapshots', new Date(firstDay), new Date(lastDay));
  await ensureMonthPartitions(ds, 'post_metrics', new Date(firstDay), new Date(lastDay));
  // one reading per day at 20:00 WIB (13:00Z); a growing curve per account with a weekly wobble
  const growth = `(1000 + (hashtext(a.id::text) & 1023) * 20) * (1 + d * ((hashtext(a.external_id) & 7) / 4000.0)) + ((d % 7) * 3)`;
  await ds.query(
    `INSERT INTO account_snapshots (account_id, at, followers, following, posts)
     SELECT a.id, ($1::date + d) + time '13:00', (${growth})::int, 100, d / 3
       FROM social_accounts a CROSS JOIN generate_series(0, $2::int - 1) d`,
    [firstDay, shape.days],
  );
  await ds.query(
    `INSERT INTO account_daily (account_id, day, followers_first, followers_last, followers_min, followers_max, following_last, posts_last, snapshots, first_at, last_at)
     SELECT a.id, $1::date + d, (${growth})::int, (${growth})::int, (${growth})::int, (${growth})::int, 100, d / 3, 1,
            ($1::date + d) + time '13:00', ($1::date + d) + time '13:00'
       FROM social_accounts a CROSS JOIN generate_series(0, $2::int - 1) d`,
    [firstDay, shape.days],
  );
  await ds.query(`UPDATE social_accounts a SET followers = d.followers_last FROM account_daily d WHERE d.account_id = a.id AND d.day = $1::date`, [lastDay]);
  await rebuildUnitDaily(ds, firstDay, lastDay);

  // published posts: one target each, spread over the days, at varied local hours
  const targets = Math.ceil(shape.postMetricRows / shape.readingsPerTarget);
  const [{ pillar }] = await ds.query(`SELECT coalesce((SELECT key FROM pillars LIMIT 1), 'program_prioritas') AS pillar`);
  const [program] = await ds.query(`INSERT INTO programs (unit_id, name_id) VALUES ($1, 'Program Bench') RETURNING id`, [root.id]);
  await ds.query(
    `WITH acc AS (SELECT id, unit_id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM social_accounts)
     INSERT INTO posts (id, unit_id, pillar, program_id, status, scheduled_at, excerpt, platforms)
     SELECT gen_random_uuid(), acc.unit_id, $4, CASE WHEN i % 3 = 0 THEN $5::uuid END, 'published',
            ($1::date + (i % $2::int)) + make_interval(hours => (i * 7) % 24), 'Kabar bench ' || i, '{}'
       FROM generate_series(0, $3::int - 1) i JOIN acc ON acc.n = i % acc.total`,
    [firstDay, shape.days, targets, pillar, program.id],
  );
  await ds.query(
    `INSERT INTO post_targets (post_id, account_id, language, scheduled_at, status, external_id, external_url, published_at, idempotency_key)
     SELECT p.id, a.id, 'id', p.scheduled_at, 'published', 'x' || p.id, 'https://example.org/' || p.id, p.scheduled_at, p.id::text
       FROM posts p JOIN LATERAL (SELECT id FROM social_accounts WHERE unit_id = p.unit_id ORDER BY hashtext(p.id::text || id::text) LIMIT 1) a ON true
      WHERE p.excerpt LIKE 'Kabar bench %'`,
  );
  await ds.query(
    `INSERT INTO post_metrics (target_id, at, likes, comments, shares, views)
     SELECT t.id, t.published_at + make_interval(hours => r * r), 5 * r + (hashtext(t.id::text) & 31), r, r / 2, 100 * r
       FROM post_targets t CROSS JOIN generate_series(1, $1::int) r`,
    [shape.readingsPerTarget],
  );
  await ds.query(
    `INSERT INTO target_metrics (target_id, post_id, account_id, unit_id, platform, published_at, followers_at_post, likes, comments, shares, views, collected_at, collections)
     SELECT t.id, t.post_id, t.account_id, p.unit_id, s.platform, t.published_at, ad.followers_last,
            5 * $1 + (hashtext(t.id::text) & 31), $1, $1 / 2, 100 * $1, t.published_at + make_interval(hours => $1 * $1), $1
       FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN social_accounts s ON s.id = t.account_id
       LEFT JOIN account_daily ad ON ad.account_id = t.account_id AND ad.day = (t.published_at AT TIME ZONE 'Asia/Jakarta')::date`,
    [shape.readingsPerTarget],
  );
  await ds.query(`VACUUM ANALYZE`);
  const [kec] = await ds.query(`SELECT id FROM units WHERE kind = 'kecamatan' ORDER BY code LIMIT 1`);
  const [counts] = await ds.query(
    `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM social_accounts)::int AS accounts,
            (SELECT count(*) FROM account_snapshots)::int AS snapshots, (SELECT count(*) FROM post_targets)::int AS targets,
            (SELECT count(*) FROM post_metrics)::int AS post_metrics`,
  );
  return {
    rootId: root.id,
    rootPath,
    kecamatanId: kec.id,
    units: counts.units,
    accounts: counts.accounts,
    snapshots: counts.snapshots,
    targets: counts.targets,
    postMetrics: counts.post_metrics,
    firstDay,
    lastDay,
  };
}
