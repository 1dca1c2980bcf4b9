import { SandboxHandle, startSandbox } from '@kabar/sandbox';
import { startTestApp, TestApp } from '../../support/test-app';
import { http } from '../../support/http';
import { LoggedIn, TestUser, unitId, userWithRole } from '../../support/users';
import { sandboxOverrides } from '../../support/sandbox-config';

type Caller = TestUser & LoggedIn;
const KEC = '32.71.01';
const KEL_A = '32.71.01.1001';
const KEL_B = '32.71.01.1002';

describe('social accounts: connect, scope, secrets', () => {
  let sb: SandboxHandle;
  let t: TestApp;
  let adminA: Caller, adminB: Caller, reviewerKec: Caller;
  let unitA: string, unitB: string;
  const call = (c: Caller | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    http(t.baseUrl, method, path, { token: c?.token, body, headers });

  beforeAll(async () => {
    sb = await startSandbox();
    t = await startTestApp(sandboxOverrides(sb));
    [adminA, adminB, reviewerKec] = await Promise.all([
      userWithRole(t, { role: 'admin', unitCode: KEL_A, email: 'acc.admin.a@test.kabar' }),
      userWithRole(t, { role: 'admin', unitCode: KEL_B, email: 'acc.admin.b@test.kabar' }),
      userWithRole(t, { role: 'reviewer', unitCode: KEC, email: 'acc.reviewer@test.kabar' }),
    ]);
    [unitA, unitB] = await Promise.all([unitId(t, KEL_A), unitId(t, KEL_B)]);
  });
  afterAll(async () => {
    await t.close();
    await sb.close();
  });

  const count = async () => Number((await t.ds.query('SELECT count(*) FROM social_accounts'))[0].count);

  it('connects a Telegram channel by bot token; the token is encrypted at rest and never returned', async () => {
    const tg = sb.store.createAccount('telegram', { externalId: '@kel_batutulis', followers: 321 });
    const res = await call(adminA, 'POST', '/api/v1/accounts', {
      unitId: unitA,
      platform: 'telegram',
      externalId: '@kel_batutulis',
      accessToken: tg.accessToken,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ unitId: unitA, platform: 'telegram', status: 'active', followers: 321 });
    expect(JSON.stringify(res.body)).not.toContain(tg.accessToken);
    const [row] = await t.ds.query('SELECT * FROM social_accounts WHERE id = $1', [res.body.id]);
    expect(JSON.stringify(row)).not.toContain(tg.accessToken);
    expect(row.credentials_enc).toMatch(/^v1\./);
    const list = await call(adminA, 'GET', '/api/v1/accounts');
    expect(JSON.stringify(list.body)).not.toContain(tg.accessToken);
    const audit = await t.ds.query(`SELECT details FROM audit_log WHERE action = 'account.connect'`);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(tg.accessToken);
  });

  it('refuses a token the platform rejects, in the caller language, and stores nothing', async () => {
    const before = await count();
    const res = await call(adminA, 'POST', '/api/v1/accounts', {
      unitId: unitA,
      platform: 'telegram',
      externalId: '@nope',
      accessToken: '123:not-a-real-token',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^Telegram menolak token ini/);
    const en = await call(
      adminA,
      'POST',
      '/api/v1/accounts',
      { unitId: unitA, platform: 'telegram', externalId: '@nope', accessToken: '123:not-a-real-token' },
      { 'accept-language': 'en' },
    );
    expect(en.body.message).toMatch(/^Telegram refused this token/);
    expect(await count()).toBe(before);
  });

  it('validates input field by field and writes nothing', async () => {
    const before = await count();
    const res = await call(adminA, 'POST', '/api/v1/accounts', { unitId: 'not-a-uuid', platform: 'myspace', accessToken: '', extra: 1 });
    expect(res.status).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['unitId', 'platform', 'externalId', 'accessToken', 'extra']));
    const long = await call(adminA, 'POST', '/api/v1/accounts', { unitId: unitA, platform: 'x', externalId: 'x'.repeat(201), accessToken: 'a' });
    expect(long.status).toBe(400);
    expect(long.body.details[0]).toMatchObject({ field: 'externalId', message: 'Paling banyak 200 karakter.' });
    const mastodon = await call(adminA, 'POST', '/api/v1/accounts', { unitId: unitA, platform: 'mastodon', externalId: '1', accessToken: 'a' });
    expect(mastodon.status).toBe(400);
    expect(mastodon.body.details[0].field).toBe('instanceUrl');
    expect(await count()).toBe(before);
  });

  it('keeps kelurahan B out of kelurahan A accounts; the kecamatan reviewer sees them but cannot change them', async () => {
    const [acc] = (await call(adminA, 'GET', `/api/v1/accounts?unitId=${unitA}`)).body;
    expect((await call(adminB, 'GET', '/api/v1/accounts')).body).toEqual([]);
    expect((await call(adminB, 'GET', `/api/v1/accounts?unitId=${unitA}`)).body).toEqual([]);
    for (const [method, path, body] of [
      ['GET', `/api/v1/accounts/${acc.id}`, undefined],
      ['PATCH', `/api/v1/accounts/${acc.id}`, { disabled: true }],
      ['POST', `/api/v1/accounts/${acc.id}/reconnect`, { accessToken: 'x' }],
      ['DELETE', `/api/v1/accounts/${acc.id}`, undefined],
    ] as const) {
      const res = await call(adminB, method, path, body);
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    const created = await call(adminB, 'POST', '/api/v1/accounts', { unitId: unitA, platform: 'telegram', externalId: '@x', accessToken: 'x' });
    expect(created.status).toBe(404);
    const seen = await call(reviewerKec, 'GET', '/api/v1/accounts');
    expect(seen.body.map((a: { id: string }) => a.id)).toContain(acc.id);
    expect((await call(reviewerKec, 'PATCH', `/api/v1/accounts/${acc.id}`, { disabled: true })).status).toBe(403);
    expect((await call(undefined, 'GET', '/api/v1/accounts')).status).toBe(401);
    expect((await call(adminB, 'GET', `/api/v1/accounts/${unitB}`)).status).toBe(404);
  });

  it('disables and enables an account', async () => {
    const [acc] = (await call(adminA, 'GET', `/api/v1/accounts?unitId=${unitA}`)).body;
    expect((await call(adminA, 'PATCH', `/api/v1/accounts/${acc.id}`, { disabled: true })).body.status).toBe('disabled');
    expect((await call(adminA, 'PATCH', `/api/v1/accounts/${acc.id}`, { disabled: false })).body.status).toBe('active');
  });

  it('a reconnect without a refresh token keeps the stored one', async () => {
    const x = sb.store.createAccount('x');
    const res = await call(adminA, 'POST', '/api/v1/accounts', {
      unitId: unitA,
      platform: 'x',
      externalId: x.externalId,
      accessToken: x.accessToken,
      refreshToken: x.refreshToken,
    });
    expect(res.status).toBe(201);
    expect(res.body.hasRefreshToken).toBe(true);
    await t.ds.query(`UPDATE social_accounts SET status = 'needs_reconnect', status_reason = 'token expired' WHERE id = $1`, [res.body.id]);
    const fresh = sb.store.issueTokens(sb.store.account('x', x.externalId)!);
    const again = await call(adminA, 'POST', `/api/v1/accounts/${res.body.id}/reconnect`, { accessToken: fresh.accessToken });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'active', statusReason: null, hasRefreshToken: true });
    const { CredentialsService } = await import('@kabar/accounts');
    const creds = await t.app.get(CredentialsService).open({ id: res.body.id });
    expect(creds).toMatchObject({ accessToken: fresh.accessToken, refreshToken: x.refreshToken });
  });

  it('refreshes an expiring token once, under a lock, when two callers need it at the same time', async () => {
    const tk = sb.store.createAccount('tiktok');
    const res = await call(adminA, 'POST', '/api/v1/accounts', {
      unitId: unitA,
      platform: 'tiktok',
      externalId: tk.externalId,
      accessToken: tk.accessToken,
      refreshToken: tk.refreshToken,
    });
    expect(res.status).toBe(201);
    await t.ds.query(`UPDATE social_accounts SET token_expires_at = now() + interval '1 minute' WHERE id = $1`, [res.body.id]);
    const { CredentialsService, SocialAccountEntity } = await import('@kabar/accounts');
    const account = (await t.ds.getRepository(SocialAccountEntity).findOneBy({ id: res.body.id }))!;
    const service = t.app.get(CredentialsService);
    const [a, b] = await Promise.all([service.forAdapter(account), service.forAdapter(account)]);
    expect(a.accessToken).not.toBe(tk.accessToken);
    expect(b.accessToken).toBe(a.accessToken);
    expect(a.refreshToken).not.toBe(tk.refreshToken); // TikTok rotates refresh tokens
    const [row] = await t.ds.query(`SELECT token_expires_at, status FROM social_accounts WHERE id = $1`, [res.body.id]);
    expect(new Date(row.token_expires_at).getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
    expect(row.status).toBe('active');
  });

  it('refuses a second connection of the same platform account', async () => {
    const [acc] = (await call(adminA, 'GET', `/api/v1/accounts?unitId=${unitA}&platform=telegram`)).body;
    const tok = sb.store.issueTokens(sb.store.account('telegram', acc.externalId)!);
    const res = await call(adminA, 'POST', '/api/v1/accounts', {
      unitId: unitA,
      platform: 'telegram',
      externalId: acc.externalId,
      accessToken: tok.accessToken,
    });
    expect(res.status).toBe(409);
  });

  it('connects X by OAuth 2.0 with PKCE through the sandbox, state checked once', async () => {
    const start = await fetch(`${t.baseUrl}/api/v1/accounts/connect/x?unitId=${unitA}`, {
      headers: { authorization: `Bearer ${adminA.token}` },
      redirect: 'manual',
    });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(new URL(sb.url).origin);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const page = await (await fetch(authorize)).text();
    expect(page).toContain('id="authorize"');
    const back = new URL(/location\.replace\("([^"]+)"\)/.exec(page)![1]);
    expect(back.searchParams.get('state')).toBe(authorize.searchParams.get('state'));
    const cb = await fetch(`${t.baseUrl}${back.pathname}${back.search}`, { headers: { authorization: `Bearer ${adminA.token}` }, redirect: 'manual' });
    expect(cb.status).toBe(302);
    const done = new URL(cb.headers.get('location')!, t.baseUrl);
    expect(done.searchParams.get('error')).toBeNull();
    expect(done.pathname).toBe('/accounts');
    const id = done.searchParams.get('connected')!;
    const acc = await call(adminA, 'GET', `/api/v1/accounts/${id}`);
    expect(acc.body).toMatchObject({ platform: 'x', unitId: unitA, status: 'active', hasRefreshToken: true });
    const replay = await fetch(`${t.baseUrl}${back.pathname}${back.search}`, { headers: { authorization: `Bearer ${adminA.token}` }, redirect: 'manual' });
    expect(new URL(replay.headers.get('location')!, t.baseUrl).searchParams.get('error')).toBe('accounts.oauthStateInvalid');
  });

  it('does not let kelurahan B start an OAuth connect for kelurahan A', async () => {
    const res = await call(adminB, 'GET', `/api/v1/accounts/connect/facebook?unitId=${unitA}`);
    expect(res.status).toBe(404);
  });
});
