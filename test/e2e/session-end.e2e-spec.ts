import { JwtService } from '@nestjs/jwt';
import { JWT_SERVICE } from '@kabar/org';
import { http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { cookiesFrom, createUserWithRole, loginAs, userWithRole } from '../support/users';

/**
 * Issue #13: a session ends at once, its 15-minute access tokens included: after logout, a password change, an
 * admin password reset, deactivation and refresh-token reuse. Every authenticated request checks the session.
 */
describe('sessions end when they should', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof userWithRole>>;
  const me = (token: string) => http(t.baseUrl, 'GET', '/api/v1/me', { token });
  const meByCookie = (cookie: string) => http(t.baseUrl, 'GET', '/api/v1/me', { headers: { cookie } });
  const refresh = (rt: string) => http(t.baseUrl, 'POST', '/api/v1/auth/refresh', { headers: { cookie: `kabar_rt=${rt}`, origin: t.baseUrl } });
  const viewer = () => createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001' });

  beforeAll(async () => {
    t = await startTestApp();
    city = await userWithRole(t, { role: 'admin' });
  });
  afterAll(() => t?.close());

  it('logout ends the access token of that login (Bearer and cookie), not the user’s other logins', async () => {
    const u = await viewer();
    const s = await loginAs(t, u.email, u.password);
    const other = await loginAs(t, u.email, u.password);
    expect((await me(s.token)).status).toBe(200);
    expect((await http(t.baseUrl, 'POST', '/api/v1/auth/logout', { headers: { cookie: s.cookie, origin: t.baseUrl } })).status).toBe(204);
    const after = await me(s.token);
    expect(after.status).toBe(401);
    expect(after.body.message).toBe('Sesi Anda telah berakhir. Silakan masuk kembali.');
    expect((await meByCookie(s.cookie.split(';')[0])).status).toBe(401);
    expect((await me(other.token)).status).toBe(200);
  });

  it('a Bearer client logs out with its access token alone', async () => {
    const u = await viewer();
    const s = await loginAs(t, u.email, u.password);
    expect((await http(t.baseUrl, 'POST', '/api/v1/auth/logout', { token: s.token })).status).toBe(204);
    expect((await me(s.token)).status).toBe(401);
    expect((await refresh(s.refreshToken)).status).toBe(401);
  });

  it('a rotated refresh keeps the login’s earlier access token working (same session)', async () => {
    const u = await viewer();
    const s = await loginAs(t, u.email, u.password);
    const r = await refresh(s.refreshToken);
    expect(r.status).toBe(200);
    expect((await me(s.token)).status).toBe(200);
    expect((await me(r.body.accessToken)).status).toBe(200);
  });

  it('a password change ends every other login at once; the caller’s own lives on', async () => {
    const u = await viewer();
    const mine = await loginAs(t, u.email, u.password);
    const other = await loginAs(t, u.email, u.password);
    const res = await http(t.baseUrl, 'POST', '/api/v1/me/password', {
      token: mine.token,
      body: { currentPassword: u.password, newPassword: 'ganti-kata-sandi-1' },
    });
    expect(res.status).toBe(204);
    expect((await me(other.token)).status).toBe(401);
    expect((await me(mine.token)).status).toBe(200);
  });

  it('an admin password reset ends the user’s sessions when issued, and again when used', async () => {
    const u = await viewer();
    const s = await loginAs(t, u.email, u.password);
    const issued = await http(t.baseUrl, 'POST', `/api/v1/users/${u.id}/password-reset`, { token: city.token });
    expect(issued.status).toBe(201);
    expect((await me(s.token)).status).toBe(401);
    expect((await refresh(s.refreshToken)).status).toBe(401);
    // logged in again with the old password before using the link: the reset ends that too
    const again = await loginAs(t, u.email, u.password);
    const reset = await http(t.baseUrl, 'POST', '/api/v1/auth/reset-password', { body: { token: issued.body.token, newPassword: 'setelah-reset-123' } });
    expect(reset.status).toBe(204);
    expect((await me(again.token)).status).toBe(401);
  });

  it('deactivation ends the access token, and reactivation does not bring it back', async () => {
    const u = await viewer();
    const s = await loginAs(t, u.email, u.password);
    const patch = (disabled: boolean) => http(t.baseUrl, 'PATCH', `/api/v1/users/${u.id}`, { token: city.token, body: { disabled } });
    expect((await patch(true)).status).toBe(200);
    expect((await me(s.token)).status).toBe(401);
    expect((await patch(false)).status).toBe(200);
    expect((await me(s.token)).status).toBe(401);
    expect((await refresh(s.refreshToken)).status).toBe(401);
    expect((await loginAs(t, u.email, u.password)).token).toBeTruthy();
  });

  it('refresh-token reuse ends every session of the user, access tokens included', async () => {
    const u = await viewer();
    const s = await loginAs(t, u.email, u.password);
    const elsewhere = await loginAs(t, u.email, u.password);
    const r1 = await refresh(s.refreshToken);
    expect(r1.status).toBe(200);
    const rt2 = cookiesFrom(r1.headers).kabar_rt;
    const replay = await refresh(s.refreshToken);
    expect(replay.status).toBe(401);
    for (const token of [s.token, r1.body.accessToken, elsewhere.token]) expect((await me(token)).status).toBe(401);
    expect((await refresh(rt2)).status).toBe(401);
  });

  it('an access token names its session family; one signed without a live session is refused', async () => {
    const u = await viewer();
    const s = await loginAs(t, u.email, u.password);
    const claims = JSON.parse(Buffer.from(s.token.split('.')[1], 'base64url').toString());
    const [{ family_id }] = await t.ds.query(`SELECT family_id FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`, [u.id]);
    expect(claims).toMatchObject({ sub: u.id, sid: family_id, typ: 'access' });
    const jwt = t.app.get<JwtService>(JWT_SERVICE);
    expect((await me(await jwt.signAsync({ sub: u.id, typ: 'access' }))).status).toBe(401);
    expect((await me(await jwt.signAsync({ sub: u.id, sid: '00000000-0000-4000-8000-000000000000', typ: 'access' }))).status).toBe(401);
    expect((await me(await jwt.signAsync({ sub: u.id, sid: 'not-a-uuid', typ: 'access' }))).status).toBe(401);
  });
});
