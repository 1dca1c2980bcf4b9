import { KabarConfig } from '@kabar/config';
import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { createUserWithRole } from '../../support/users';

/** Logs in with an X-Forwarded-For header and returns the client address the session was recorded with, and the cookies set. */
async function loginFrom(t: TestApp, forwardedFor: string): Promise<{ ip: string; cookies: string[] }> {
  const u = await createUserWithRole(t, { role: 'viewer' });
  const res = await http(t.baseUrl, 'POST', '/api/v1/auth/login', {
    body: { email: u.email, password: u.password },
    headers: { 'x-forwarded-for': forwardedFor },
  });
  expect(res.status).toBe(200);
  const [row] = await t.ds.query(`SELECT ip FROM auth_sessions WHERE user_id = $1`, [u.id]);
  return { ip: row.ip, cookies: res.headers.getSetCookie() };
}

describe('production settings: trusted proxies, API docs, Secure cookies', () => {
  const apps: TestApp[] = [];
  const start = async (overrides: Partial<KabarConfig>) => {
    const t = await startTestApp(overrides);
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('by default believes X-Forwarded-For only from a proxy on loopback (the tests connect from there)', async () => {
    const t = await start({});
    expect((await loginFrom(t, '203.0.113.9')).ip).toBe('203.0.113.9');
  });

  it('KABAR_TRUST_PROXY as a list that does not hold the peer, or false: the header is ignored', async () => {
    const listed = await start({ trustProxy: ['10.0.0.0/8'] });
    expect((await loginFrom(listed, '203.0.113.9')).ip).toMatch(/127\.0\.0\.1$/);
    const none = await start({ trustProxy: false });
    expect((await loginFrom(none, '203.0.113.9')).ip).toMatch(/127\.0\.0\.1$/);
  });

  it('KABAR_TRUST_PROXY as a hop count: the address the nearest proxy saw', async () => {
    const t = await start({ trustProxy: 1 });
    expect((await loginFrom(t, '198.51.100.1, 203.0.113.9')).ip).toBe('203.0.113.9');
  });

  it('NODE_ENV=production: no API docs unless enabled, session cookies Secure even behind a plain-http hop', async () => {
    const prod = await start({ nodeEnv: 'production', apiDocs: false });
    for (const path of ['/api/docs', '/api/docs-json']) {
      const res = await http(prod.baseUrl, 'GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    const { cookies } = await loginFrom(prod, '203.0.113.9');
    expect(cookies.filter((c) => /^kabar_(at|rt)=/.test(c))).toHaveLength(2);
    for (const c of cookies) expect(c).toMatch(/;\s*Secure/i);

    const withDocs = await start({ nodeEnv: 'production', apiDocs: true });
    expect((await http(withDocs.baseUrl, 'GET', '/api/docs-json')).status).toBe(200);

    const dev = await start({});
    expect((await http(dev.baseUrl, 'GET', '/api/docs-json')).status).toBe(200);
    for (const c of (await loginFrom(dev, '203.0.113.9')).cookies) expect(c).not.toMatch(/;\s*Secure/i);
  });
});
