import { bootstrapAdmin } from '@kabar/org';
import { startTestApp, TestApp } from '../support/test-app';
import { http } from '../support/http';
import { cookiesFrom, createUserWithRole, loginAs, userWithRole } from '../support/users';

const login = (t: TestApp, body: unknown, headers: Record<string, string> = {}) => http(t.baseUrl, 'POST', '/api/v1/auth/login', { body, headers });

describe('auth: login, refresh, logout, passwords', () => {
  let t: TestApp;
  let out = '';
  let write: jest.SpyInstance;

  beforeAll(async () => {
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    t = await startTestApp({}, { logLevel: 'debug' });
  });
  afterAll(async () => {
    write.mockRestore();
    await t.close();
  });

  it('logs in with a JWT, an httpOnly access cookie and a Strict refresh cookie on /api/v1/auth', async () => {
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001', email: 'Viewer.Login@Test.Kabar' });
    const res = await login(t, { email: 'viewer.login@test.kabar', password: u.password });
    expect(res.status).toBe(200);
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.body.user).toMatchObject({
      email: 'viewer.login@test.kabar',
      memberships: [expect.objectContaining({ unitName: 'Batu Tulis', role: 'viewer' })],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/hash|password/i);
    const raw = res.headers.getSetCookie();
    expect(raw.find((c) => c.startsWith('kabar_at='))).toMatch(/HttpOnly/);
    expect(raw.find((c) => c.startsWith('kabar_at='))).toMatch(/SameSite=Lax/);
    expect(raw.find((c) => c.startsWith('kabar_rt='))).toMatch(/Path=\/api\/v1\/auth; .*HttpOnly.*SameSite=Strict/);
    const me = await http(t.baseUrl, 'GET', '/api/v1/me', { headers: { cookie: `kabar_at=${cookiesFrom(res.headers).kabar_at}` } });
    expect(me.body.email).toBe('viewer.login@test.kabar');
  });

  it('answers an unknown email, a wrong password and a disabled user with the same 401', async () => {
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1002' });
    const off = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1002', disabled: true });
    const unknown = await login(t, { email: 'nobody@test.kabar', password: 'whatever-password' });
    const wrong = await login(t, { email: u.email, password: 'wrong-password-here' });
    const disabled = await login(t, { email: off.email, password: off.password });
    for (const r of [unknown, wrong, disabled]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Email atau kata sandi salah.', code: 'auth.invalidCredentials' });
    }
    const en = await login(t, { email: 'nobody@test.kabar', password: 'x' }, { 'accept-language': 'en' });
    expect(en.body.message).toBe('Wrong email or password.');
  });

  it('slows an email from one client after 5 failures with 429, Retry-After and the ui-copy message; not from elsewhere', async () => {
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1003' });
    const ip = { 'x-forwarded-for': '10.1.1.1' };
    for (let i = 0; i < 5; i++) expect((await login(t, { email: u.email, password: `wrong-${i}` }, ip)).status).toBe(401);
    const slowed = await login(t, { email: u.email, password: u.password }, ip);
    expect(slowed.status).toBe(429);
    const retry = Number(slowed.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(30);
    expect(slowed.body.message).toBe(`Terlalu banyak percobaan. Coba lagi dalam ${retry} detik.`);
    const other = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1003' });
    expect((await login(t, { email: other.email, password: other.password }, ip)).status).toBe(200);
    expect((await login(t, { email: u.email, password: u.password }, { 'x-forwarded-for': '10.1.1.2' })).status).toBe(200);
  });

  it('slows an IP after 20 failures within 15 minutes', async () => {
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1003' });
    await t.ds.query(`INSERT INTO login_attempts (email, ip, success) SELECT 'x' || g || '@test.kabar', '10.2.2.2', false FROM generate_series(1, 20) g`);
    const res = await login(t, { email: u.email, password: u.password }, { 'x-forwarded-for': '10.2.2.2' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await login(t, { email: u.email, password: u.password }, { 'x-forwarded-for': '10.2.2.3' })).status).toBe(200);
  });

  it('rotates the refresh token; a replayed one ends every session of the user', async () => {
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001' });
    const s = await loginAs(t, u.email, u.password);
    const refresh = (rt: string) => http(t.baseUrl, 'POST', '/api/v1/auth/refresh', { headers: { cookie: `kabar_rt=${rt}`, origin: t.baseUrl } });
    const r1 = await refresh(s.refreshToken);
    expect(r1.status).toBe(200);
    expect(r1.body.accessToken).toBeTruthy();
    const rt2 = cookiesFrom(r1.headers).kabar_rt;
    expect(rt2).toBeTruthy();
    expect(rt2).not.toBe(s.refreshToken);
    const replay = await refresh(s.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.message).toBe('Sesi Anda telah berakhir. Silakan masuk kembali.');
    expect((await refresh(rt2)).status).toBe(401);
    expect((await http(t.baseUrl, 'POST', '/api/v1/auth/refresh')).status).toBe(401);
  });

  it('logout ends the session and clears both cookies', async () => {
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001' });
    const s = await loginAs(t, u.email, u.password);
    const res = await http(t.baseUrl, 'POST', '/api/v1/auth/logout', { headers: { cookie: s.cookie, origin: t.baseUrl } });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/kabar_at=;.*Expires=Thu, 01 Jan 1970/);
    const again = await http(t.baseUrl, 'POST', '/api/v1/auth/refresh', { headers: { cookie: `kabar_rt=${s.refreshToken}`, origin: t.baseUrl } });
    expect(again.status).toBe(401);
  });

  it('refuses a cookie-authenticated write from a foreign Origin (CSRF), but not a Bearer call', async () => {
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001' });
    const s = await loginAs(t, u.email, u.password);
    const body = { currentPassword: 'wrong-current-pw', newPassword: 'a-new-password-123' };
    const foreign = await http(t.baseUrl, 'POST', '/api/v1/me/password', { body, headers: { cookie: s.cookie, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('auth.csrfRefused');
    const noOrigin = await http(t.baseUrl, 'POST', '/api/v1/auth/logout', { headers: { cookie: s.cookie } });
    expect(noOrigin.status).toBe(403);
    const referer = await http(t.baseUrl, 'POST', '/api/v1/me/password', { body, headers: { cookie: s.cookie, referer: 'https://evil.example/page' } });
    expect(referer.status).toBe(403);
    const same = await http(t.baseUrl, 'POST', '/api/v1/me/password', { body, headers: { cookie: s.cookie, origin: t.baseUrl } });
    expect(same.status).toBe(400);
    const bearer = await http(t.baseUrl, 'POST', '/api/v1/me/password', { body, token: s.token, headers: { origin: 'https://evil.example' } });
    expect(bearer.status).toBe(400);
    expect(bearer.body.message).toBe('Kata sandi saat ini salah.');
  });

  it('changes the password: 12 characters minimum, other sessions end, this one lives on', async () => {
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001', locale: 'en' });
    const mine = await loginAs(t, u.email, u.password);
    const other = await loginAs(t, u.email, u.password);
    const short = await http(t.baseUrl, 'POST', '/api/v1/me/password', { token: mine.token, body: { currentPassword: u.password, newPassword: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.details[0]).toMatchObject({ field: 'newPassword', message: 'At least 12 characters.' });
    const ok = await http(t.baseUrl, 'POST', '/api/v1/me/password', {
      body: { currentPassword: u.password, newPassword: 'brand-new-password-1' },
      headers: { cookie: mine.cookie.split(';')[0], origin: t.baseUrl },
    });
    expect(ok.status).toBe(204);
    const refresh = (rt: string) => http(t.baseUrl, 'POST', '/api/v1/auth/refresh', { headers: { cookie: `kabar_rt=${rt}`, origin: t.baseUrl } });
    expect((await refresh(other.refreshToken)).status).toBe(401);
    expect((await refresh(mine.refreshToken)).status).toBe(200);
    expect((await login(t, { email: u.email, password: u.password })).status).toBe(401);
    expect((await login(t, { email: u.email, password: 'brand-new-password-1' })).status).toBe(200);
  });

  it('an admin-issued reset token sets a new password once and ends all sessions', async () => {
    const admin = await userWithRole(t, { role: 'admin' });
    const u = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.02.1001' });
    const s = await loginAs(t, u.email, u.password);
    const issued = await http(t.baseUrl, 'POST', `/api/v1/users/${u.id}/password-reset`, { token: admin.token });
    expect(issued.status).toBe(201);
    expect(issued.body.resetUrl).toContain(`/reset-password?token=${issued.body.token}`);
    const reset = (token: string) => http(t.baseUrl, 'POST', '/api/v1/auth/reset-password', { body: { token, newPassword: 'reset-password-123' } });
    expect((await reset(issued.body.token)).status).toBe(204);
    const reused = await reset(issued.body.token);
    expect(reused.status).toBe(400);
    expect(reused.body.message).toBe('Tautan atur ulang kata sandi tidak valid atau sudah kedaluwarsa.');
    expect((await http(t.baseUrl, 'POST', '/api/v1/auth/refresh', { headers: { cookie: `kabar_rt=${s.refreshToken}`, origin: t.baseUrl } })).status).toBe(401);
    expect((await login(t, { email: u.email, password: 'reset-password-123' })).status).toBe(200);
  });

  it('writes one pino JSON access line per request, with the request id from X-Request-Id', async () => {
    const res = await http(t.baseUrl, 'GET', '/api/v1/me?access_token=not-logged', { headers: { 'x-request-id': 'trace-me-1' } });
    expect(res.status).toBe(401);
    const lines = out
      .split('\n')
      .filter((l) => l.includes('"trace-me-1"'))
      .map((l) => JSON.parse(l));
    const access = lines.find((l) => l.msg === 'request');
    expect(access).toMatchObject({ level: 'info', context: 'http', requestId: 'trace-me-1', req: { method: 'GET', path: '/api/v1/me' }, res: { status: 401 } });
    expect(typeof access.ms).toBe('number');
    expect(new Date(access.time).toISOString()).toBe(access.time);
    expect(out).not.toContain('not-logged');
  });

  it('never writes a password, hash or token into the audit log, the logs or a response', async () => {
    const audit = JSON.stringify(await t.ds.query('SELECT * FROM audit_log'));
    const secrets = ['brand-new-password-1', 'reset-password-123', 'wrong-password-here', 'wrong-current-pw', 'a-new-password-123'];
    const hashes: string[] = (await t.ds.query('SELECT password_hash FROM users')).map((r: { password_hash: string }) => r.password_hash);
    const tokenHashes: string[] = (await t.ds.query('SELECT token_hash FROM auth_sessions UNION ALL SELECT token_hash FROM password_resets')).map(
      (r: { token_hash: string }) => r.token_hash,
    );
    expect(out).toContain('"path":"/api/v1/auth/login"');
    for (const s of [...secrets, ...hashes, ...tokenHashes, '$argon2id']) {
      expect(audit).not.toContain(s);
      expect(out).not.toContain(s);
    }
    expect(audit).toContain('auth.login.failure');
    expect(audit).toContain('user.password.change');
  });

  it('bootstraps the first city admin only when no user exists, with a generated password', async () => {
    expect(await bootstrapAdmin(t.ds, { timeZone: 'Asia/Jakarta' })).toEqual({ created: false });
    await t.ds.query('DELETE FROM users');
    const made = await bootstrapAdmin(t.ds, { timeZone: 'Asia/Jakarta' });
    expect(made).toMatchObject({ created: true, email: 'admin@kabar.local' });
    expect(made.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const s = await loginAs(t, 'admin@kabar.local', made.generatedPassword!);
    expect(s.user.isCityAdmin).toBe(true);
    expect(s.user.memberships.map((m: { unitName: string; role: string }) => `${m.unitName}:${m.role}`).sort()).toEqual([
      'Kota Bogor:admin',
      'Kota Bogor:reviewer',
    ]);
    expect(await bootstrapAdmin(t.ds, { timeZone: 'Asia/Jakarta' })).toEqual({ created: false });
  });
});
