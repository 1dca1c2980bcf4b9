/**
 * Month calendar of a whole city: 100 units × 2 years of posts (≈150,000 posts with targets) in a
 * temporary embedded PostgreSQL, then the calendar service's query for one month, timed ≥ 30 times.
 * Run: npm run bench:calendar
 */
import * as fs from 'fs';
import { freePort } from './bench-port';
import { timeRuns } from './timing';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@kabar/config';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres } from '@kabar/database';
import { AccessPolicy, Principal, UnitEntity, UnitsRepository } from '@kabar/org';
import { CalendarRepository, CalendarService } from '@kabar/content';

const UNITS = 100;
const DAYS = 730;
const POSTS_PER_UNIT_DAY = 2.05;
const RUNS = 40;

async function seed(ds: DataSource): Promise<{ rootId: string; rootPath: string }> {
  const [root] = await ds.query(
    `INSERT INTO units (code, name, kind, path, time_zone, review_required) VALUES ('B', 'Kota Bench', 'kota', '', 'Asia/Jakarta', true) RETURNING id`,
  );
  const rootPath = `${root.id}/`;
  await ds.query(`UPDATE units SET path = $1 WHERE id = $2`, [rootPath, root.id]);
  await ds.query(
    `INSERT INTO units (code, name, kind, parent_id, path, time_zone, review_required)
     SELECT 'B.' || i, 'Kelurahan ' || i, 'kelurahan', $1, '', 'Asia/Jakarta', true FROM generate_series(1, $2) i`,
    [root.id, UNITS],
  );
  await ds.query(`UPDATE units SET path = $1 || id || '/' WHERE parent_id = $2`, [rootPath, root.id]);
  await ds.query(
    `INSERT INTO social_accounts (unit_id, platform, external_id, handle, status, credentials_enc)
     SELECT u.id, p.platform, u.code || '-' || p.platform, lower(replace(u.name, ' ', '_')) || '_' || p.platform, 'active', 'v1.bench'
       FROM units u CROSS JOIN (VALUES ('x'), ('facebook')) p(platform) WHERE u.parent_id = $1`,
    [root.id],
  );
  const start = Date.UTC(2025, 0, 1);
  const perUnit = Math.round(DAYS * POSTS_PER_UNIT_DAY);
  // server-side multi-row inserts: one statement per table, no round trip per row
  await ds.query(
    `INSERT INTO posts (unit_id, pillar, status, scheduled_at, time_zone, created_at, updated_at)
     SELECT u.id, (ARRAY['cerita_wilayah','program_prioritas','wisata','layanan_publik','tanggap_aduan'])[1 + (n % 5)],
            (ARRAY['published','published','published','scheduled','approved','draft'])[1 + (n % 6)],
            to_timestamp($2 / 1000.0) + ((n * 730.0 / $3) || ' days')::interval + ((n * 37 % 600) || ' minutes')::interval,
            'Asia/Jakarta', now(), now()
       FROM units u CROSS JOIN generate_series(0, $3 - 1) n WHERE u.parent_id = $1`,
    [root.id, start, perUnit],
  );
  await ds.query(
    `INSERT INTO post_variants (post_id, language, text, hashtags) SELECT id, 'id', 'Kabar dari kelurahan: kegiatan warga hari ini. #KotaBogor ' || id, '{KotaBogor}' FROM posts`,
  );
  await ds.query(
    `INSERT INTO post_targets (post_id, account_id, language, scheduled_at, status, idempotency_key)
     SELECT p.id, a.id, 'id', p.scheduled_at, CASE WHEN p.status = 'published' THEN 'published' WHEN p.status = 'scheduled' THEN 'scheduled' ELSE 'pending' END, gen_random_uuid()::text
       FROM posts p JOIN social_accounts a ON a.unit_id = p.unit_id
      WHERE a.platform = 'x' OR (hashtext(p.id::text) % 2 = 0)`,
  );
  await ds.query(`UPDATE posts p SET excerpt = left(v.text, 160) FROM post_variants v WHERE v.post_id = p.id`);
  await ds.query(
    `UPDATE posts p SET platforms = x.platforms FROM (SELECT t.post_id, array_agg(DISTINCT a.platform ORDER BY a.platform) AS platforms
       FROM post_targets t JOIN social_accounts a ON a.id = t.account_id GROUP BY t.post_id) x WHERE x.post_id = p.id`,
  );
  await ds.query(`VACUUM ANALYZE`);
  return { rootId: root.id, rootPath };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-'));
  fs.chmodSync(dir, 0o755); // under root, PostgreSQL runs as its own system user
  const port = await freePort();
  console.log(`starting embedded PostgreSQL on port ${port} in ${dir}`);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port, database: 'kabar_bench' });
  const ds = new DataSource(dataSourceOptions(pg.url, [UnitEntity]));
  try {
    await runMigrations(pg.url);
    await ds.initialize();
    const t0 = Date.now();
    const { rootId, rootPath } = await seed(ds);
    const [{ posts, targets }] = await ds.query(`SELECT (SELECT count(*) FROM posts)::int AS posts, (SELECT count(*) FROM post_targets)::int AS targets`);
    console.log(`seeded ${UNITS} units, ${posts} posts, ${targets} targets in ${Date.now() - t0} ms`);

    const access = new AccessPolicy(new UnitsRepository(ds.getRepository(UnitEntity)));
    const service = new CalendarService(new CalendarRepository(ds), access, { ...loadConfig({}), defaultTimeZone: 'Asia/Jakarta' });
    const cityAdmin: Principal = {
      userId: '00000000-0000-0000-0000-000000000000',
      email: 'bench@kabar',
      name: 'Bench',
      locale: 'id',
      memberships: [{ unitId: rootId, role: 'admin', path: rootPath, isRoot: true }],
    };
    const query = { from: '2026-03-01', to: '2026-04-01' };
    const warm = await service.range(cityAdmin, query);
    const t = await timeRuns(RUNS, () => service.range(cityAdmin, query));
    console.log(
      `calendar month, whole city: ${warm.items.length} posts (${warm.items.reduce((n, x) => n + x.platforms.length, 0)} platform badges) per answer`,
    );
    console.log(
      `runs=${RUNS} median=${t.median.toFixed(1)} ms p95=${t.p95.toFixed(1)} ms min=${t.min.toFixed(1)} ms max=${t.max.toFixed(1)} ms (target: median < 50 ms)`,
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
