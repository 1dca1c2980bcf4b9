import { spawn } from 'child_process';
import * as path from 'path';
import { createTestDatabase } from '../support/test-database';
import { ROOT, freePort, spawnApp } from '../support/spawn-app';
import { http } from '../support/http';

const SECRET = Buffer.alloc(32, 9).toString('base64');
// Three Node processes start at once: on a loaded 2-core machine that takes more than jest's default 30 s.
jest.setTimeout(90_000);

describe('production layout: start:api and start:worker against DATABASE_URL', () => {
  it('two API processes and a worker share one external PostgreSQL; no demo, no embedded database', async () => {
    const db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, KABAR_SECRET_KEY: SECRET, KABAR_ADMIN_EMAIL: 'ops@kabar.test', KABAR_ADMIN_PASSWORD: 'kata-sandi-operator-1' };
    const [a, b] = await Promise.all([spawnApp(env, []), spawnApp(env, [])]);
    const healthPort = await freePort();
    const worker = spawn(process.execPath, [path.join(ROOT, 'dist/apps/worker/src/main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env, KABAR_LOG_LEVEL: 'warn', KABAR_WORKER_HEALTH_PORT: String(healthPort) },
      stdio: 'ignore',
    });
    try {
      let workerUp = false;
      for (let i = 0; i < 300 && !workerUp; i++) {
        workerUp = await fetch(`http://127.0.0.1:${healthPort}/`).then(
          (r) => r.ok,
          () => false,
        );
        if (!workerUp) await new Promise((r) => setTimeout(r, 200));
      }
      expect(workerUp).toBe(true);
      for (const app of [a, b]) expect((await http(app.baseUrl, 'GET', '/api/health')).body).toMatchObject({ status: 'ok' });
      // the admin created by one process logs in through the other: one database
      const login = await http(b.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: 'ops@kabar.test', password: 'kata-sandi-operator-1' } });
      expect(login.status).toBe(200);
      const units = await http(a.baseUrl, 'GET', '/api/v1/units', { token: login.body.accessToken });
      expect(units.body.some((u: { kind: string }) => u.kind === 'kelurahan')).toBe(false); // no demo seed with DATABASE_URL
      expect(a.output() + b.output()).not.toMatch(/embedded PostgreSQL/);
    } finally {
      worker.kill('SIGTERM');
      await Promise.all([a.stop(), b.stop()]);
      await new Promise((r) => (worker.exitCode !== null ? r(null) : worker.once('exit', r)));
      await db.drop();
    }
  });
});
