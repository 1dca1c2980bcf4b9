import { DataSource } from 'typeorm';
import { ensureMonthPartitions } from '@kabar/analytics';
import { runWilayahImport } from '@kabar/org';

export interface ScaleShape {
  /** 'all' or a province code. */
  wilayah: string;
  accounts: number;
  /** Local day of the last reading; history runs `days` days up to it. */
  lastDay: string;
  /** Days of unit_daily (the reports' rollup): the whole year at both scales. */
  days: number;
  /** Days of raw snapshots and account_daily (per account): a year for the province, the last weeks for the country. */
  accountDays: number;
  /** Published posts (one target each) from `postsFrom` to lastDay. */
  posts: number;
  postsFrom: string;
  /** Metric readings per published target (post_metrics rows). */
  readingsPerTarget: number;
}

export interface SeededScale {
  importMs: number;
  importAgainMs: number;
  importCreated: number;
  units: number;
  villages: number;
  accounts: number;
  seedMs: number;
  firstDay: string;
}

const PLATFORMS = `ARRAY['instagram','facebook','x','tiktok','youtube','threads','telegram','mastodon']`;
/** One reading a day at 13:00Z (20:00 WIB, 21:00 WITA, 22:00 WIT: the same local day everywhere); a growing curve per account. */
const GROWTH = `(1000 + (hashtext(a.id::text) & 1023) * 20) * (1 + d * ((hashtext(a.external_id) & 7) / 4000.0)) + ((d % 7) * 3)`;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const r = await fn();
  console.log(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

/**
 * A province or the country as the product builds it: the wilayah import from config/ (timed, and timed again
 * with no change), then accounts spread over every unit, daily follower history, published posts with their
 * metrics — in bulk SQL (generate_series), no round trip per row. unit_daily is rolled up level by level
 * (each unit's own accounts, then each level added to its parent, deepest first), which equals
 * rebuildUnitDaily's result at a fraction of its cost on 90,000 units.
 */
export async function seedScale(ds: DataSource, shape: ScaleShape): Promise<SeededScale> {
  const t0 = Date.now();
  const imported = await timed(`wilayah import ${shape.wilayah}`, () => runWilayahImport(ds, { code: shape.wilayah }));
  const again = await timed(`wilayah import ${shape.wilayah} again`, () => runWilayahImport(ds, { code: shape.wilayah }));
  if (again.created + again.updated + again.moved + again.agenciesCreated) throw new Error('the second import changed something');
  const firstDay = (await ds.query(`SELECT ($1::date - ($2::int - 1))::text AS d`, [shape.lastDay, shape.days]))[0].d as string;
  const accountFirstDay = (await ds.query(`SELECT ($1::date - ($2::int - 1))::text AS d`, [shape.lastDay, shape.accountDays]))[0].d as string;
  await ds.query(`ALTER SYSTEM SET maintenance_work_mem = '512MB'`);
  await ds.query(`ALTER SYSTEM SET work_mem = '64MB'`);
  await ds.query(`SELECT pg_reload_conf()`);

  // round robin over the units (ordered by code): the join key is computed from a constant, so it hashes
  const [{ n: unitCount }] = await ds.query(`SELECT count(*)::int AS n FROM units WHERE kind <> 'nasional'`);
  await timed(`${shape.accounts.toLocaleString('en')} accounts`, () =>
    ds.query(
      `WITH u AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM units WHERE kind <> 'nasional')
       INSERT INTO social_accounts (unit_id, platform, external_id, handle, status, credentials_enc, followers)
       SELECT u.id, (${PLATFORMS})[1 + i % 8], 'bench-' || i, 'acct_' || i, 'active', 'v1.bench', 0
         FROM generate_series(0, $1::int - 1) i JOIN u ON u.n = i % $2::int`,
      [shape.accounts, unitCount],
    ),
  );

  await ensureMonthPartitions(ds, 'account_snapshots', new Date(accountFirstDay), new Date(shape.lastDay));
  await ensureMonthPartitions(ds, 'post_metrics', new Date(shape.postsFrom), new Date(shape.lastDay));
  const accountOffset = shape.days - shape.accountDays;
  await timed(`raw snapshots, ${shape.accountDays} days`, () =>
    ds.query(
      `INSERT INTO account_snapshots (account_id, at, followers, following, posts)
       SELECT a.id, ($1::date + d) + time '13:00', (${GROWTH})::int, 100, d / 3
         FROM social_accounts a CROSS JOIN generate_series($2::int, $3::int - 1) d`,
      [firstDay, accountOffset, shape.days],
    ),
  );
  await timed(`account_daily, ${shape.accountDays} days`, () =>
    ds.query(
      `INSERT INTO account_daily (account_id, day, followers_first, followers_last, followers_min, followers_max, following_last, posts_last, snapshots, first_at, last_at)
       SELECT a.id, $1::date + d, g, g, g, g, 100, d / 3, 1, ($1::date + d) + time '13:00', ($1::date + d) + time '13:00'
         FROM social_accounts a CROSS JOIN generate_series($2::int, $3::int - 1) d CROSS JOIN LATERAL (SELECT (${GROWTH})::int AS g) x`,
      [firstDay, accountOffset, shape.days],
    ),
  );
  await ds.query(`UPDATE social_accounts a SET followers = d.followers_last FROM account_daily d WHERE d.account_id = a.id AND d.day = $1::date`, [
    shape.lastDay,
  ]);
  await timed(`unit_daily, ${shape.days} days, level by level`, () => rollUpUnitDaily(ds, firstDay, shape.days));

  const [root] = await ds.query(`SELECT id FROM units WHERE parent_id IS NULL`);
  const [program] = await ds.query(`INSERT INTO programs (unit_id, name_id) VALUES ($1, 'Program Bench') RETURNING id`, [root.id]);
  const postDays = (await ds.query(`SELECT ($1::date - $2::date + 1)::int AS n`, [shape.lastDay, shape.postsFrom]))[0].n as number;
  // post i goes out on account i mod accounts: posts and their targets come from the same series
  const series = `FROM generate_series(0, $3::int - 1) i JOIN acc ON acc.n = i % ${shape.accounts}`;
  const acc = `WITH acc AS (SELECT id, unit_id, platform, row_number() OVER (ORDER BY id) - 1 AS n FROM social_accounts)`;
  const at = `($1::date + (i % $2::int)) + make_interval(hours => (i * 7) % 24, mins => (i * 13) % 60)`;
  await timed(`${shape.posts.toLocaleString('en')} published posts over ${postDays} days`, () =>
    ds.query(
      `${acc}
       INSERT INTO posts (id, unit_id, pillar, program_id, status, scheduled_at, excerpt, platforms)
       SELECT md5('bench-post-' || i)::uuid, acc.unit_id, (ARRAY['cerita_wilayah','program_prioritas','wisata','layanan_publik','tanggap_aduan'])[1 + i % 5],
              CASE WHEN i % 3 = 0 THEN $4::uuid END, 'published', ${at}, 'Kabar bench ' || i, ARRAY[acc.platform]
         ${series}`,
      [shape.postsFrom, postDays, shape.posts, program.id],
    ),
  );
  await timed('post targets', () =>
    ds.query(
      `${acc}
       INSERT INTO post_targets (post_id, account_id, language, scheduled_at, status, external_id, external_url, published_at, idempotency_key)
       SELECT md5('bench-post-' || i)::uuid, acc.id, 'id', ${at}, 'published', 'x' || i, 'https://example.org/' || i, ${at}, 'bench-' || i
         ${series}`,
      [shape.postsFrom, postDays, shape.posts],
    ),
  );
  await timed(`post metrics (${shape.readingsPerTarget} readings a target) and target_metrics`, async () => {
    await ds.query(
      `INSERT INTO post_metrics (target_id, at, likes, comments, shares, views)
       SELECT t.id, t.published_at + make_interval(hours => r * r), 5 * r + (hashtext(t.id::text) & 31), r, r / 2, 100 * r
         FROM post_targets t CROSS JOIN generate_series(1, $1::int) r`,
      [shape.readingsPerTarget],
    );
    await ds.query(
      `INSERT INTO target_metrics (target_id, post_id, account_id, unit_id, platform, published_at, followers_at_post, likes, comments, shares, views, collected_at, collections)
       SELECT t.id, t.post_id, t.account_id, p.unit_id, s.platform, t.published_at, 2000 + (hashtext(s.id::text) & 4095),
              5 * $1 + (hashtext(t.id::text) & 31), $1, $1 / 2, 100 * $1, t.published_at + make_interval(hours => $1 * $1), $1
         FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN social_accounts s ON s.id = t.account_id`,
      [shape.readingsPerTarget],
    );
  });
  await timed('VACUUM ANALYZE', () => ds.query(`VACUUM ANALYZE`));
  const [counts] = await ds.query(
    `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM units WHERE kind IN ('desa', 'kelurahan'))::int AS villages,
            (SELECT count(*) FROM social_accounts)::int AS accounts`,
  );
  return {
    importMs: imported.ms,
    importAgainMs: again.ms,
    importCreated: imported.created + imported.agenciesCreated,
    ...counts,
    seedMs: Date.now() - t0,
    firstDay,
  };
}

/**
 * unit_daily for `days` days from firstDay, deepest level first: a level's rows are its units' own accounts
 * plus the rows of the level below summed by parent; each level reads only its own rows.
 */
async function rollUpUnitDaily(ds: DataSource, firstDay: string, days: number): Promise<void> {
  await ds.query(`CREATE TEMP TABLE lvl AS SELECT id, parent_id, length(path) - length(replace(path, '/', '')) AS depth FROM units`);
  await ds.query(`CREATE INDEX ON lvl (id)`);
  await ds.query(`ANALYZE lvl`);
  const [{ depth }] = await ds.query(`SELECT max(depth)::int AS depth FROM lvl`);
  for (let level = depth; level >= 1; level--) {
    const below =
      level < depth ? `UNION ALL SELECT l.parent_id, t.day, t.followers, t.accounts, 0, 0 FROM level_${level + 1} t JOIN lvl l ON l.id = t.unit_id` : '';
    await ds.query(
      `CREATE TEMP TABLE level_${level} AS
       SELECT unit_id, day, sum(followers)::bigint AS followers, sum(accounts)::int AS accounts, sum(own_followers)::bigint AS own_followers, sum(own_accounts)::int AS own_accounts
         FROM (SELECT a.unit_id, $1::date + d AS day, (${GROWTH})::int AS followers, 1 AS accounts, (${GROWTH})::int AS own_followers, 1 AS own_accounts
                 FROM social_accounts a JOIN lvl ON lvl.id = a.unit_id AND lvl.depth = $3 CROSS JOIN generate_series(0, $2::int - 1) d
               ${below}) x
        GROUP BY 1, 2`,
      [firstDay, days, level],
    );
    await ds.query(`INSERT INTO unit_daily (unit_id, day, followers, accounts, own_followers, own_accounts) SELECT * FROM level_${level}`);
    if (level < depth) await ds.query(`DROP TABLE level_${level + 1}`);
  }
  await ds.query(`DROP TABLE level_1, lvl`);
}
