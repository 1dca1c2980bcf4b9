/**
 * Analytics at city scale, at 1,000 and at 10,000 accounts (730 days of daily snapshots each, and
 * post-metric readings: 1 M rows at 10,000 accounts), each in a fresh database of one embedded PostgreSQL:
 * - ingest of one hourly round of snapshots (one per account) as the worker does it (batches in transactions);
 * - the city-wide follower series for one year (daily points);
 * - the leaderboard of the 68 kelurahan for a month.
 * Prints one table. Run: npm run bench:analytics   (`node dist/bench/analytics.bench.js 1000` for one scale)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres } from '@kabar/database';
import { UnitEntity } from '@kabar/org';
import { ingestSnapshots, SnapshotRow } from '@kabar/analytics';
import { freePort } from './bench-port';
import { seedAnalyticsCity, SeededCity } from './analytics-seed';
import { timeRuns, TimingSummary } from './timing';
import { reportQueries } from './analytics-reports';

const SCALES = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const DAYS = 730;
const LAST_DAY = '2026-11-21';
const INGEST_BATCH = 50;
const RUNS = 30;

interface ScaleResult {
  city: SeededCity;
  seedMs: number;
  ingestMs: number;
  ingestOneCallMs: number;
  series: TimingSummary;
  seriesPoints: number;
  leaderboard: TimingSummary;
  leaderboardRows: number;
}

async function ingestRound(ds: DataSource, accounts: string[], at: Date, batch: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < accounts.length; i += batch) {
    const rows: SnapshotRow[] = accounts.slice(i, i + batch).map((accountId, k) => ({ accountId, at, followers: 5000 + k, following: 100, posts: 250 }));
    await ds.transaction((em) => ingestSnapshots(em, rows));
  }
  return performance.now() - t0;
}

async function runScale(url: string, accounts: number): Promise<ScaleResult> {
  await runMigrations(url);
  const ds = new DataSource(dataSourceOptions(url, [UnitEntity]));
  await ds.initialize();
  try {
    const t0 = Date.now();
    const city = await seedAnalyticsCity(ds, { accounts, days: DAYS, postMetricRows: accounts * 100, readingsPerTarget: 10 }, LAST_DAY);
    const seedMs = Date.now() - t0;
    const ids: string[] = (await ds.query(`SELECT id FROM social_accounts ORDER BY id`)).map((r: { id: string }) => r.id);
    // the hour after the seeded reading of the last day (13:00Z = 20:00 WIB), then one more hour in one call
    const ingestMs = await ingestRound(ds, ids, new Date(`${LAST_DAY}T14:00:00Z`), INGEST_BATCH);
    const ingestOneCallMs = await ingestRound(ds, ids, new Date(`${LAST_DAY}T15:00:00Z`), ids.length);
    const q = reportQueries(ds, city);
    const series = await timeRuns(RUNS, q.citySeriesOneYear);
    const leaderboard = await timeRuns(RUNS, q.kelurahanLeaderboardMonth);
    return {
      city,
      seedMs,
      ingestMs,
      ingestOneCallMs,
      series,
      seriesPoints: await q.citySeriesOneYear(),
      leaderboard,
      leaderboardRows: await q.kelurahanLeaderboardMonth(),
    };
  } finally {
    await ds.destroy();
  }
}

function printTable(results: ScaleResult[]): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const rows: Array<[string, ...string[]]> = [
    ['accounts', ...results.map((r) => String(r.city.accounts))],
    ['units', ...results.map((r) => String(r.city.units))],
    ['snapshot rows', ...results.map((r) => r.city.snapshots.toLocaleString('en'))],
    ['post-metric rows', ...results.map((r) => r.city.postMetrics.toLocaleString('en'))],
    ['seed time', ...results.map((r) => `${(r.seedMs / 1000).toFixed(1)} s`)],
    [`ingest 1 hourly round (batches of ${INGEST_BATCH}) — target < 2 s`, ...results.map((r) => ms(r.ingestMs))],
    ['ingest 1 hourly round (one call)', ...results.map((r) => ms(r.ingestOneCallMs))],
    ['city follower series, 1 year daily — median (target < 50 ms)', ...results.map((r) => ms(r.series.median))],
    ['  p95', ...results.map((r) => ms(r.series.p95))],
    ['  points', ...results.map((r) => String(r.seriesPoints))],
    ['leaderboard 68 kelurahan, 1 month — median (target < 50 ms)', ...results.map((r) => ms(r.leaderboard.median))],
    ['  p95', ...results.map((r) => ms(r.leaderboard.p95))],
    ['  rows', ...results.map((r) => String(r.leaderboardRows))],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const widths = results.map((_, i) => Math.max(...rows.map((r) => r[i + 1].length)));
  for (const r of rows)
    console.log(
      `${r[0].padEnd(w0)}  ${r
        .slice(1)
        .map((c, i) => c.padStart(widths[i]))
        .join('  ')}`,
    );
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-'));
  fs.chmodSync(dir, 0o755); // under root, PostgreSQL runs as its own system user
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port, database: 'kabar_bench' });
  const admin = new DataSource(dataSourceOptions(pg.url, []));
  await admin.initialize();
  const results: ScaleResult[] = [];
  try {
    for (const accounts of SCALES) {
      const db = `kabar_bench_${accounts}`;
      await admin.query(`CREATE DATABASE ${db}`);
      console.log(`seeding ${accounts} accounts × ${DAYS} days…`);
      results.push(await runScale(pg.url.replace(/\/[^/]+$/, `/${db}`), accounts));
      await admin.query(`DROP DATABASE ${db}`);
    }
    printTable(results);
  } finally {
    await admin.destroy();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
