import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kabar/database';
import { seedDemoUnits } from '@kabar/demo';
import { createApiApp } from '../../../apps/api/src/runtime/create-api-app';
import { ALL_ENTITIES } from '@kabar/runtime';
import { http } from '../../support/http';
import { freePort } from '../../support/spawn-app';
import { createTestDatabase } from '../../support/test-database';
import { testConfig } from '../../support/test-app';
import { createUserWithRole } from '../../support/users';
import { TcpProxy } from './tcp-proxy';

const CONNECT_MS = 1000;
const STATEMENT_MS = 1500;

describe('when PostgreSQL is down or hangs, the API answers 503 with Retry-After, then recovers by itself', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  let proxy: TcpProxy;
  let app: INestApplication;
  let baseUrl: string;
  let admin: { email: string; password: string };
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, ALL_ENTITIES));
    await ds.initialize();
    const config0 = testConfig();
    await seedDemoUnits(ds, config0.defaultTimeZone);
    const created = await createUserWithRole({ ds }, { role: 'admin' });
    admin = { email: created.email, password: created.password };
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port));
    await proxy.listen();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const config = { ...config0, port, publicUrl: baseUrl, dbConnectTimeoutMs: CONNECT_MS, dbStatementTimeoutMs: STATEMENT_MS, dbLockTimeoutMs: 1000 };
    app = await createApiApp(config, viaProxy.toString(), 'error');
    await app.listen(port, '127.0.0.1');
    const login = await http(baseUrl, 'POST', '/api/v1/auth/login', { body: admin });
    expect(login.status).toBe(200);
    token = login.body.accessToken;
  }, 60_000);

  afterAll(async () => {
    await proxy?.up();
    await app?.close();
    await proxy?.close();
    await ds?.destroy();
    await db?.drop();
  });

  const units = (headers: Record<string, string> = {}) => http(baseUrl, 'GET', '/api/v1/units', { token, headers });
  const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t0 = Date.now();
    const out = await fn();
    return [out, Date.now() - t0];
  };

  function expectUnavailable(res: Awaited<ReturnType<typeof http>>, message: string) {
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message });
  }

  it('answers normally through the proxy', async () => {
    expect((await units()).status).toBe(200);
  });

  it('database down: 503 with Retry-After and a sentence in the caller’s language, at once; then recovers without a restart', async () => {
    await proxy.down();
    try {
      const [res, ms] = await timed(() => units());
      expectUnavailable(res, 'Basis data sedang tidak menjawab. Coba lagi dalam beberapa detik.');
      expect(ms).toBeLessThan(CONNECT_MS + 3000);
      expectUnavailable(await units({ 'accept-language': 'en' }), 'The database is not answering right now. Try again in a few seconds.');
      // unauthenticated endpoints that need the database too
      expectUnavailable(
        await http(baseUrl, 'POST', '/api/v1/auth/login', { body: admin }),
        'Basis data sedang tidak menjawab. Coba lagi dalam beberapa detik.',
      );
      expect((await http(baseUrl, 'GET', '/api/health')).status).toBe(503);
    } finally {
      await proxy.up();
    }
    const back = await units();
    expect(back.status).toBe(200);
    expect(back.body.length ?? back.body.items?.length).toBeGreaterThan(0);
    expect((await http(baseUrl, 'POST', '/api/v1/auth/login', { body: admin })).status).toBe(200);
  }, 30_000);

  it('database hangs: 503 after the statement timeout instead of a hanging request; then recovers without a restart', async () => {
    expect((await units()).status).toBe(200);
    proxy.hang();
    try {
      const results = await Promise.all(Array.from({ length: 3 }, () => timed(() => units({ 'accept-language': 'en' }))));
      for (const [res, ms] of results) {
        expectUnavailable(res, 'The database is not answering right now. Try again in a few seconds.');
        expect(ms).toBeLessThan(STATEMENT_MS + CONNECT_MS + 6000);
      }
    } finally {
      await proxy.up();
    }
    // the held connections carry on, new ones open: answers again without a restart
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await units()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  }, 60_000);
});
