import { INestApplication } from '@nestjs/common';
import { hashPassword } from '@kabar/org';
import { createApiApp } from '../../apps/api/src/runtime/create-api-app';
import { http } from '../support/http';
import { freePort } from '../support/spawn-app';
import { startTestApp, TestApp } from '../support/test-app';
import { createUserWithRole, userWithRole } from '../support/users';

/**
 * Issue #13: no way in by brute force, no CPU burnt by anonymous requests, and nobody can lock an account out.
 * Clients are told apart by X-Forwarded-For, which `trust proxy` (loopback) honours from the test client.
 */
describe('auth abuse: rate limits and the login slowdown', () => {
  let t: TestApp;
  const from = (ip: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...extra });
  const login = (body: unknown, ip: string) => http(t.baseUrl, 'POST', '/api/v1/auth/login', { body, headers: from(ip) });
  const reset = (token: string, ip: string, base = t.baseUrl) =>
    http(base, 'POST', '/api/v1/auth/reset-password', { body: { token, newPassword: 'kata-sandi-baru-123' }, headers: from(ip) });
  const cpuMs = async (fn: () => Promise<unknown>) => {
    const before = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(before);
    return (d.user + d.system) / 1000;
  };
  const fill = (key: string) =>
    t.ds.query(
      `INSERT INTO rate_limits (key, tat, interval_s, window_s) VALUES ($1, now() + interval '1 hour', 1, 60) ON CONFLICT (key) DO UPDATE SET tat = EXCLUDED.tat`,
      [key],
    );

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  describe('reset-password', () => {
    it('checks the token before hashing the new password: ten bad tokens cost less CPU than five hashes', async () => {
      expect((await reset('warm-up', '10.30.1.1')).status).toBe(400);
      const oneHash = await cpuMs(() => hashPassword('a-password-to-hash-once'));
      const tenBad = await cpuMs(async () => {
        for (let i = 0; i < 10; i++) {
          const res = await reset(`bogus-token-${i}`, `10.30.0.${i}`);
          expect(res.status).toBe(400);
          expect(res.body.code).toBe('auth.resetTokenInvalid');
        }
      });
      // a hash each would cost ten hashes (about 3 s of CPU here); a lookup each costs a fraction of one
      expect(tenBad).toBeLessThan(oneHash * 5);
    });

    it('limits one client to 20 tries per 15 minutes: 429 with Retry-After and a sentence in the caller’s language', async () => {
      for (let i = 0; i < 20; i++) expect((await reset(`guess-${i}`, '10.31.0.1')).status).toBe(400);
      const refused = await reset('guess-20', '10.31.0.1');
      expect(refused.status).toBe(429);
      const retry = Number(refused.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(45);
      expect(refused.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'errors.rateLimitedSeconds',
        message: `Terlalu banyak permintaan. Coba lagi dalam ${retry} detik.`,
      });
      const en = await http(t.baseUrl, 'POST', '/api/v1/auth/reset-password', {
        body: { token: 'guess-21', newPassword: 'kata-sandi-baru-123' },
        headers: from('10.31.0.1', { 'accept-language': 'en' }),
      });
      expect(en.body.message).toMatch(/^Too many requests\. Try again in \d+ seconds?\.$/);
      expect((await reset('guess-22', '10.31.0.2')).status).toBe(400);
    });

    it('limits tries of one token from many clients, shared by two API processes on one database', async () => {
      const config = { ...t.config, port: await freePort() };
      const second: INestApplication = await createApiApp(config, t.databaseUrl, 'error');
      await second.listen(config.port, '127.0.0.1');
      const secondUrl = `http://127.0.0.1:${config.port}`;
      try {
        for (let i = 0; i < 5; i++) expect((await reset('one-stolen-token', `10.32.0.${i}`, i % 2 ? secondUrl : t.baseUrl)).status).toBe(400);
        expect((await reset('one-stolen-token', '10.32.0.9', secondUrl)).status).toBe(429);
        expect((await reset('one-stolen-token', '10.32.0.10', t.baseUrl)).status).toBe(429);
      } finally {
        await second.close();
      }
    });
  });

  it('limits refreshes of one refresh token', async () => {
    const refresh = (ip: string) =>
      http(t.baseUrl, 'POST', '/api/v1/auth/refresh', { headers: from(ip, { cookie: 'kabar_rt=stolen-refresh-token', origin: t.baseUrl }) });
    for (let i = 0; i < 10; i++) expect((await refresh(`10.33.0.${i}`)).status).toBe(401);
    const refused = await refresh('10.33.0.99');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('limits every unauthenticated endpoint per client IP', async () => {
    const admin = await userWithRole(t, { role: 'admin' });
    const endpoints: Array<[string, string, string, { body?: unknown; token?: string }]> = [
      ['login', 'POST', '/api/v1/auth/login', { body: { email: 'x@test.kabar', password: 'x' } }],
      ['refresh', 'POST', '/api/v1/auth/refresh', {}],
      ['logout', 'POST', '/api/v1/auth/logout', {}],
      ['reset', 'POST', '/api/v1/auth/reset-password', { body: { token: 'x', newPassword: 'kata-sandi-baru-123' } }],
      ['ical', 'GET', '/api/v1/ical/some-feed-token.ics', {}],
      ['media', 'GET', '/api/v1/media/public/some-media-token', {}],
      ['oauth', 'GET', '/api/v1/accounts/connect/x/callback?code=c&state=s', { token: admin.token }],
    ];
    for (const [name, method, path, opts] of endpoints) {
      const ip = '10.34.0.1';
      await fill(`${name}:ip:${ip}`);
      const res = await http(t.baseUrl, method, path, { ...opts, headers: from(ip) });
      expect([name, res.status]).toEqual([name, 429]);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(1800);
      expect(res.body.message).toMatch(/^Terlalu banyak permintaan\. Coba lagi dalam \d+ menit\.$/);
      const other = await http(t.baseUrl, method, path, { ...opts, headers: from('10.34.0.2') });
      expect([name, other.status]).not.toEqual([name, 429]);
    }
  });

  describe('no lockout: wrong passwords slow down per (account, client) and per client', () => {
    it('five wrong passwords from one place do not keep a city admin out from another', async () => {
      const city = await createUserWithRole(t, { role: 'admin' });
      for (let i = 0; i < 5; i++) expect((await login({ email: city.email, password: `salah-${i}` }, '10.40.0.1')).status).toBe(401);
      const slowed = await login({ email: city.email, password: city.password }, '10.40.0.1');
      expect(slowed.status).toBe(429);
      const retry = Number(slowed.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(30);
      expect(slowed.body.message).toBe(`Terlalu banyak percobaan. Coba lagi dalam ${retry} detik.`);
      expect((await login({ email: city.email, password: city.password }, '10.40.0.2')).status).toBe(200);
    });

    it('each further failure doubles the wait of that client; once it has passed the right password works again', async () => {
      const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001' });
      await t.ds.query(`INSERT INTO login_attempts (email, ip, success) SELECT $1, '10.41.0.1', false FROM generate_series(1, 7)`, [u.email]);
      const slowed = await login({ email: u.email, password: u.password }, '10.41.0.1');
      expect(slowed.status).toBe(429);
      // 7 failures: 30 s × 2^(7-5) = 2 minutes after the latest
      expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(110);
      expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(120);
      expect(slowed.body.message).toBe('Terlalu banyak percobaan. Coba lagi dalam 2 menit.');
      const en = await http(t.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: u.email, password: u.password },
        headers: from('10.41.0.1', { 'accept-language': 'en' }),
      });
      expect(en.body.message).toBe('Too many attempts. Try again in 2 minutes.');
      // the wait has passed (the failures are moved back by the test, not by waiting)
      await t.ds.query(`UPDATE login_attempts SET at = at - interval '121 seconds' WHERE email = $1`, [u.email]);
      expect((await login({ email: u.email, password: u.password }, '10.41.0.1')).status).toBe(200);
      // a success from that client clears its count: one typo is no longer slowed
      expect((await login({ email: u.email, password: 'satu-salah-ketik' }, '10.41.0.1')).status).toBe(401);
      expect((await login({ email: u.email, password: u.password }, '10.41.0.1')).status).toBe(200);
    });

    it('a client guessing across accounts is slowed after 20 failures in 15 minutes, for every account', async () => {
      const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1003' });
      await t.ds.query(`INSERT INTO login_attempts (email, ip, success) SELECT 'x' || g || '@test.kabar', '10.42.0.1', false FROM generate_series(1, 20) g`);
      expect((await login({ email: u.email, password: u.password }, '10.42.0.1')).status).toBe(429);
      expect((await login({ email: u.email, password: u.password }, '10.42.0.2')).status).toBe(200);
    });

    it('a password reset always works, however many wrong passwords the account has had', async () => {
      const admin = await userWithRole(t, { role: 'admin' });
      const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1002' });
      await t.ds.query(
        `INSERT INTO login_attempts (email, ip, success) SELECT $1, '10.43.' || (g / 250) || '.' || (g % 250), false FROM generate_series(1, 500) g`,
        [u.email],
      );
      const issued = await http(t.baseUrl, 'POST', `/api/v1/users/${u.id}/password-reset`, { token: admin.token });
      expect((await reset(issued.body.token, '10.43.9.9')).status).toBe(204);
      expect((await login({ email: u.email, password: 'kata-sandi-baru-123' }, '10.43.9.9')).status).toBe(200);
      expect((await login({ email: u.email, password: 'kata-sandi-baru-123' }, '10.44.0.1')).status).toBe(200);
    });
  });
});
