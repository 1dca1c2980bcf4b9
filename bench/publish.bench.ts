import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ChildProcess } from 'child_process';
import { Pool } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '@kabar/database';
import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { createAccounts, createUnit, freePort, insertTargets, percentile, spawnWorker, waitUntil } from './publish-fixtures';

/**
 * Publishing benchmark: a burst of 10,000 targets due at the same instant, 4 worker processes, the
 * sandbox answering in 50 ms; then a steady 100 posts/min. The sandbox's post list is the judge of
 * duplicates; losses are targets not published when the run ends. Numbers are printed as measured.
 */
const arg = (name: string, def: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def);
const BURST = arg('burst', 10_000);
const WORKERS = arg('workers', 4);
const STEADY_MINUTES = arg('steady-minutes', 2);
const STEADY_PER_MIN = 100;

interface Lateness {
  published: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  firstAt: number;
  lastAt: number;
}

async function lateness(db: Pool, runTag: string): Promise<Lateness> {
  const { rows } = await db.query(
    `SELECT t.status, extract(epoch FROM (t.published_at - t.scheduled_at)) * 1000 AS late, extract(epoch FROM t.published_at) * 1000 AS at
     FROM post_targets t JOIN post_variants v ON v.post_id = t.post_id WHERE v.text LIKE $1`,
    [`%${runTag}%`],
  );
  const pub = rows.filter((r) => r.status === 'published');
  const late = pub.map((r) => Number(r.late)).sort((a, b) => a - b);
  const at = pub.map((r) => Number(r.at));
  return {
    published: pub.length,
    total: rows.length,
    p50: percentile(late, 50),
    p99: percentile(late, 99),
    max: late[late.length - 1] ?? NaN,
    firstAt: Math.min(...at),
    lastAt: Math.max(...at),
  };
}

function duplicates(sb: SandboxHandle, runTag: string): number {
  const seen = new Map<string, number>();
  for (const p of sb.store.posts()) {
    const m = new RegExp(`${runTag}-\\d+`).exec(p.text);
    if (m) seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
  }
  return [...seen.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
}

const fmt = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-pg-'));
  fs.chmodSync(dir, 0o777);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'data'), port: await freePort(), database: 'kabar_bench' });
  const workers: ChildProcess[] = [];
  const sb = await startSandbox({ latencyMs: 50 });
  const db = new Pool({ connectionString: pg.url, max: 4 });
  // Ctrl-C: the workers and PostgreSQL go with the bench.
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      for (const w of workers) w.kill('SIGKILL');
      void pg.stop().finally(() => process.exit(130));
    });
  try {
    await runMigrations(pg.url);
    const unit = await createUnit(db);
    const accounts = await createAccounts(db, sb, unit, ['mastodon', 'telegram', 'facebook'], 100);
    console.log(`bench: ${WORKERS} workers, sandbox latency 50 ms, ${accounts.length} accounts (mastodon, telegram, facebook)`);

    for (let i = 0; i < WORKERS; i++) {
      workers.push(
        spawnWorker(pg.url, sb, {
          KABAR_WORKER_CONCURRENCY: '96',
          KABAR_PUBLISH_PER_ACCOUNT_CONCURRENCY: '4',
          KABAR_PUBLISH_PER_PLATFORM_RATE: '1000',
          KABAR_PUBLISH_DISPATCH_INTERVAL: '1s',
        }),
      );
    }
    // Workers are up once the queue schema exists and each has made its first pass.
    await waitUntil(
      async () => (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'kabar-queue'`)).rows[0].n >= WORKERS,
      60_000,
    );
    await new Promise((r) => setTimeout(r, 2_000));

    // Burst: everything due at one instant of the same minute.
    const burstAt = new Date(Date.now() + 15_000);
    await insertTargets(
      db,
      unit,
      Array.from({ length: BURST }, (_, i) => ({ accountId: accounts[i % accounts.length], at: burstAt, tag: `BURST-${i}` })),
    );
    console.log(`burst: ${BURST} targets due at ${burstAt.toISOString()}`);
    const burstDone = await waitUntil(
      async () => (await db.query(`SELECT count(*)::int AS n FROM post_targets WHERE status = 'published'`)).rows[0].n >= BURST,
      180_000,
      500,
    );
    const b = await lateness(db, 'BURST');
    const seconds = (b.lastAt - burstAt.getTime()) / 1000;
    console.log(`burst ${burstDone ? 'finished' : 'TIMED OUT'}:`);
    console.log(`  throughput   ${(b.published / Math.max(seconds, 0.001)).toFixed(0)} posts/s (${b.published} in ${seconds.toFixed(1)} s after the due time)`);
    console.log(`  lateness     p50 ${fmt(b.p50)}, p99 ${fmt(b.p99)}, max ${fmt(b.max)}`);
    console.log(`  duplicates   ${duplicates(sb, 'BURST')}`);
    console.log(`  losses       ${b.total - b.published} (not published)`);

    // Steady: 100 posts a minute, spread evenly.
    const steadyStart = Date.now() + 10_000;
    const n = STEADY_PER_MIN * STEADY_MINUTES;
    await insertTargets(
      db,
      unit,
      Array.from({ length: n }, (_, i) => ({
        accountId: accounts[(i * 7) % accounts.length],
        at: new Date(steadyStart + (i * 60_000) / STEADY_PER_MIN),
        tag: `STEADY-${i}`,
      })),
    );
    console.log(`steady: ${n} targets, ${STEADY_PER_MIN}/min for ${STEADY_MINUTES} min`);
    await waitUntil(
      async () => (await db.query(`SELECT count(*)::int AS n FROM post_targets WHERE status = 'published'`)).rows[0].n >= BURST + n,
      STEADY_MINUTES * 60_000 + 60_000,
      1000,
    );
    const s = await lateness(db, 'STEADY');
    console.log(`steady:`);
    console.log(`  lateness     p50 ${fmt(s.p50)}, p99 ${fmt(s.p99)}, max ${fmt(s.max)}`);
    console.log(`  duplicates   ${duplicates(sb, 'STEADY')}`);
    console.log(`  losses       ${s.total - s.published} (not published)`);
    const ok =
      b.published / Math.max(seconds, 0.001) >= 300 &&
      duplicates(sb, 'BURST') + duplicates(sb, 'STEADY') === 0 &&
      b.total === b.published &&
      s.total === s.published &&
      s.p99 < 2000;
    console.log(`targets (>= 300 posts/s, 0 duplicates, 0 losses, steady p99 < 2 s): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null) return resolve();
            w.once('exit', () => resolve());
            w.kill('SIGTERM');
          }),
      ),
    );
    await db.end();
    await sb.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
