/**
 * Issue #17, scale measured: a province (Jawa Barat from config/wilayah: ~6,000 desa/kelurahan, 20,000 accounts,
 * a year of daily follower history, 1 M published posts) and the whole country (83,762 desa/kelurahan, 250,000
 * accounts), each in a fresh database of one embedded PostgreSQL. Times the wilayah import, the reads of a
 * provincial admin (tree and unit pages, a kabupaten's month in the calendar, the province's leaderboards, the
 * province's follower series) and an hourly snapshot round as the worker stores it, then prints the storage
 * (rows, MB, bytes a row) and what a year costs at hourly, 6-hourly and daily snapshots.
 * Run: npm run bench:scale   (`node dist/bench/scale.bench.js province` or `… country` for one scale)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres } from '@kabar/database';
import { UnitEntity } from '@kabar/org';
import { ingestSnapshots } from '@kabar/analytics';
import { CollectionRepository } from '../libs/analytics/src/collection/collection.repository';
import { freePort } from './bench-port';
import { ScaleShape, SeededScale, seedScale } from './scale-seed';
import { ScaleRead, scaleReads } from './scale-reads';
import { timeRuns, TimingSummary } from './timing';
import { storageReport, StorageRow } from './scale-storage';

const LAST_DAY = '2026-11-21';
const MONTH = '2026-10';
const RUNS = 20;
const BATCH = 50;

interface Scale {
  name: 'province' | 'country' | 'smoke';
  shape: ScaleShape;
  /** The province and kabupaten whose reads are timed (the biggest kabupaten of Jawa Barat). */
  province: string;
  kabupaten: string;
  readTargetMs: number;
  roundTargetMs: number | null;
}

const SCALES: Scale[] = [
  {
    name: 'province',
    shape: { wilayah: '32', accounts: 20_000, lastDay: LAST_DAY, days: 365, accountDays: 365, posts: 1_000_000, postsFrom: '2025-11-22', readingsPerTarget: 2 },
    province: '32',
    kabupaten: '32.01',
    readTargetMs: 100,
    roundTargetMs: 30_000,
  },
  {
    // a year of unit_daily (what the reports read) for every unit; per-account rows and posts only for the
    // weeks the reads and the round touch (at the same density as a whole year would have them)
    name: 'country',
    shape: {
      wilayah: 'all',
      accounts: 250_000,
      lastDay: LAST_DAY,
      days: 365,
      accountDays: 35,
      posts: 2_800_000,
      postsFrom: '2026-09-01',
      readingsPerTarget: 2,
    },
    province: '32',
    kabupaten: '32.01',
    readTargetMs: 300,
    roundTargetMs: null,
  },
  {
    // a quick check of the benchmark itself (not in the default run): Banten, small
    name: 'smoke',
    shape: { wilayah: '36', accounts: 2_000, lastDay: LAST_DAY, days: 365, accountDays: 60, posts: 20_000, postsFrom: '2026-09-01', readingsPerTarget: 2 },
    province: '36',
    kabupaten: '36.01',
    readTargetMs: 100,
    roundTargetMs: 30_000,
  },
];

interface ScaleResult {
  scale: Scale;
  seeded: SeededScale;
  reads: Array<{ read: ScaleRead; timing: TimingSummary; rows: number }>;
  round: { accounts: number; oneWorkerMs: number; fourWorkersMs: number };
  storage: StorageRow[];
}

/** One hourly round as the worker stores it: batches of 50 readings, each batch one transaction (period guard, raw rows, rollups). */
async function snapshotRound(ds: DataSource, ids: string[], at: Date, period: number, workers: number): Promise<number> {
  const repo = new CollectionRepository(ds);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        await ds.transaction(async (em) => {
          const moved = await repo.recordReadings(
            em,
            batch.map((accountId, k) => ({ accountId, period, followers: 5000 + k, at })),
          );
          await ingestSnapshots(
            em,
            batch.filter((id) => moved.has(id)).map((accountId, k) => ({ accountId, at, followers: 5000 + k, following: 100, posts: 250 })),
          );
        });
      }
    }),
  );
  return performance.now() - t0;
}

async function runScale(url: string, scale: Scale): Promise<ScaleResult> {
  await runMigrations(url);
  const ds = new DataSource({ ...dataSourceOptions(url, [UnitEntity]), extra: { max: 8, application_name: 'kabar-bench' } } as never);
  await ds.initialize();
  try {
    console.log(`\n[${scale.name}] seeding…`);
    const seeded = await seedScale(ds, scale.shape);
    const reads = await scaleReads(ds, {
      province: scale.province,
      kabupaten: scale.kabupaten,
      month: MONTH,
      lastDay: LAST_DAY,
      national: scale.name === 'country',
    });
    const timed: ScaleResult['reads'] = [];
    for (const read of reads) {
      const timing = await timeRuns(RUNS, read.run);
      timed.push({ read, timing, rows: await read.run() });
      console.log(`  ${read.name}: median ${timing.median.toFixed(1)} ms`);
    }
    const ids: string[] = (await ds.query(`SELECT id FROM social_accounts ORDER BY id`)).map((r: { id: string }) => r.id);
    // the two hours after the seeded reading of the last day (13:00Z): one worker, then four at once
    const oneWorkerMs = await snapshotRound(ds, ids, new Date(`${LAST_DAY}T14:00:00Z`), 1_000_001, 1);
    console.log(`  snapshot round, 1 worker: ${(oneWorkerMs / 1000).toFixed(1)} s`);
    const fourWorkersMs = await snapshotRound(ds, ids, new Date(`${LAST_DAY}T15:00:00Z`), 1_000_002, 4);
    console.log(`  snapshot round, 4 workers: ${(fourWorkersMs / 1000).toFixed(1)} s`);
    await ds.query(`VACUUM ANALYZE`);
    const storage = await storageReport(ds);
    return { scale, seeded, reads: timed, round: { accounts: ids.length, oneWorkerMs, fourWorkersMs }, storage };
  } finally {
    await ds.destroy();
  }
}

function printResult(r: ScaleResult): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const s = r.seeded;
  const lines: Array<[string, string, string]> = [
    ['units (desa/kelurahan)', `${s.units.toLocaleString('en')} (${s.villages.toLocaleString('en')})`, ''],
    ['accounts', s.accounts.toLocaleString('en'), ''],
    [
      'wilayah import (target < 2 min)',
      `${(s.importMs / 1000).toFixed(1)} s, ${s.importCreated.toLocaleString('en')} units`,
      s.importMs < 120_000 ? 'met' : 'MISSED',
    ],
    ['wilayah import again (no change)', `${(s.importAgainMs / 1000).toFixed(1)} s, 0 changes`, s.importAgainMs < 120_000 ? 'met' : 'MISSED'],
    ['seed time', `${(s.seedMs / 1000).toFixed(0)} s`, ''],
  ];
  for (const x of r.reads) {
    lines.push([
      `${x.read.name} — median (target < ${r.scale.readTargetMs} ms)`,
      `${ms(x.timing.median)} (p95 ${ms(x.timing.p95)}, ${x.rows.toLocaleString('en')} rows)`,
      x.timing.median < r.scale.readTargetMs ? 'met' : 'MISSED',
    ]);
  }
  const round = (label: string, v: number) =>
    lines.push([
      `snapshot round, ${r.round.accounts.toLocaleString('en')} accounts, ${label}${r.scale.roundTargetMs ? ` (target < ${r.scale.roundTargetMs / 1000} s)` : ''}`,
      `${(v / 1000).toFixed(1)} s`,
      r.scale.roundTargetMs ? (v < r.scale.roundTargetMs ? 'met' : 'MISSED') : '',
    ]);
  round(`batches of ${BATCH}, 1 worker`, r.round.oneWorkerMs);
  round(`batches of ${BATCH}, 4 workers`, r.round.fourWorkersMs);
  const w0 = Math.max(...lines.map((l) => l[0].length));
  const w1 = Math.max(...lines.map((l) => l[1].length));
  console.log(`\n=== ${r.scale.name} ===`);
  for (const l of lines) console.log(`${l[0].padEnd(w0)}  ${l[1].padStart(w1)}  ${l[2]}`);
  console.log('\nstorage (tables with their indexes and partitions)');
  const t0 = Math.max(...r.storage.map((x) => x.table.length));
  for (const x of r.storage) {
    console.log(
      `${x.table.padEnd(t0)}  ${x.rows.toLocaleString('en').padStart(12)} rows  ${(x.bytes / 1e6).toFixed(0).padStart(7)} MB  ${x.bytesPerRow.toFixed(0).padStart(5)} B/row`,
    );
  }
  const per = (table: string) => r.storage.find((x) => x.table === table)?.bytesPerRow ?? 0;
  const a = r.seeded.accounts;
  const gb = (rows: number, table: string) => `${((rows * per(table)) / 1e9).toFixed(1)} GB`;
  console.log(`\na year at ${a.toLocaleString('en')} accounts (bytes a row as measured above):`);
  for (const [label, perDay] of [
    ['hourly (KABAR_SNAPSHOT_INTERVAL=1h)', 24],
    ['every 6 hours (6h)', 4],
    ['daily (24h)', 1],
  ] as Array<[string, number]>) {
    const rows = a * perDay * 365;
    console.log(`  raw snapshots, ${label}: ${rows.toLocaleString('en')} rows, ${gb(rows, 'account_snapshots')}`);
  }
  console.log(`  account_daily: ${(a * 365).toLocaleString('en')} rows, ${gb(a * 365, 'account_daily')}`);
  const units = r.storage.find((x) => x.table === 'unit_daily')!;
  console.log(`  unit_daily: ${units.rows.toLocaleString('en')} rows a year as seeded, ${(units.bytes / 1e9).toFixed(1)} GB`);
}

async function main() {
  const wanted = (process.argv[2] ?? 'province,country').split(',');
  const scales = SCALES.filter((s) => wanted.includes(s.name));
  if (!scales.length) throw new Error(`unknown scale ${process.argv[2]}: province, country`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-'));
  fs.chmodSync(dir, 0o755); // under root, PostgreSQL runs as its own system user
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port, database: 'kabar_bench' });
  const admin = new DataSource(dataSourceOptions(pg.url, []));
  await admin.initialize();
  const results: ScaleResult[] = [];
  try {
    for (const scale of scales) {
      const db = `kabar_scale_${scale.name}`;
      await admin.query(`CREATE DATABASE ${db}`);
      results.push(await runScale(pg.url.replace(/\/[^/]+$/, `/${db}`), scale));
      printResult(results.at(-1)!);
      await admin.query(`DROP DATABASE ${db}`);
    }
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
