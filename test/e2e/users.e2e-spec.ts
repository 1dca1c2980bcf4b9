import { startTestApp, TestApp } from '../support/test-app';
import { http } from '../support/http';
import { LoggedIn, TestUser, loginAs, unitId, userWithRole } from '../support/users';

type Caller = TestUser & LoggedIn;

describe('users, units and the audit log', () => {
  let t: TestApp;
  let city: Caller;
  let unitA: string;
  const counts = async () => {
    const [r] = await t.ds.query(
      `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM memberships)::int AS memberships,
              (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM password_resets)::int AS resets`,
    );
    return r;
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => http(t.baseUrl, 'POST', path, { token: city.token, body, headers });

  beforeAll(async () => {
    t = await startTestApp();
    city = await userWithRole(t, { role: 'admin', email: 'kota.users@test.kabar' });
    unitA = await unitId(t, '32.71.01.1001');
  });
  afterAll(() => t.close());

  it('creates a user with a membership and a password; they can log in', async () => {
    const res = await post('/api/v1/users', {
      email: 'Lurah.BatuTulis@Test.Kabar',
      name: 'Lurah Batu Tulis',
      locale: 'en',
      password: 'password-of-the-lurah',
      memberships: [{ unitId: unitA, role: 'admin' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'lurah.batutulis@test.kabar',
      locale: 'en',
      disabled: false,
      memberships: [expect.objectContaining({ unitName: 'Batu Tulis', role: 'admin' })],
    });
    expect(res.body.passwordSetup).toBeUndefined();
    expect(Object.keys(res.body.user)).not.toContain('passwordHash');
    const s = await loginAs(t, 'lurah.batutulis@test.kabar', 'password-of-the-lurah');
    expect(s.user.canManageUsers).toBe(true);
    const [audit] = await t.ds.query(`SELECT * FROM audit_log WHERE action = 'user.create' AND object_id = $1`, [res.body.user.id]);
    expect(audit).toMatchObject({ actor_id: city.id, actor_email: 'kota.users@test.kabar', unit_id: unitA, object_type: 'user', ip: '127.0.0.1' });
    expect(audit.request_id).toBeTruthy();
    expect(JSON.stringify(audit.details)).not.toContain('password-of-the-lurah');
  });

  it('without a password, returns a one-time setup link the user can use', async () => {
    const res = await post('/api/v1/users', { email: 'staf.setup@test.kabar', name: 'Staf', memberships: [{ unitId: unitA, role: 'viewer' }] });
    expect(res.status).toBe(201);
    expect(res.body.passwordSetup.resetUrl).toMatch(/\/reset-password\?token=/);
    const set = await http(t.baseUrl, 'POST', '/api/v1/auth/reset-password', {
      body: { token: res.body.passwordSetup.token, newPassword: 'my-own-password-1' },
    });
    expect(set.status).toBe(204);
    await loginAs(t, 'staf.setup@test.kabar', 'my-own-password-1');
  });

  it.each([
    ['missing fields', {}, 400, /Data yang dikirim belum benar/],
    ['wrong types', { email: 5, name: ['x'], memberships: 'admin' }, 400, /email/i],
    [
      'a bad email',
      { email: 'not-an-email', name: 'X', memberships: [{ unitId: '00000000-0000-4000-8000-000000000000', role: 'viewer' }] },
      400,
      /Format email tidak valid/i,
    ],
    [
      'an unknown role',
      { email: 'r@test.kabar', name: 'X', memberships: [{ unitId: '00000000-0000-4000-8000-000000000000', role: 'owner' }] },
      400,
      /Harus salah satu dari/i,
    ],
    [
      'an unknown unit',
      { email: 'u@test.kabar', name: 'X', memberships: [{ unitId: '00000000-0000-4000-8000-000000000000', role: 'viewer' }] },
      404,
      /^Unit tidak ditemukan\.$/,
    ],
    ['a duplicate email', { email: 'KOTA.users@test.kabar', name: 'X', memberships: 'UNIT_A' }, 409, /^Email ini sudah dipakai pengguna lain\.$/],
    ['an oversize name', { email: 'long@test.kabar', name: 'x'.repeat(121), memberships: 'UNIT_A' }, 400, /Paling banyak 120 karakter/i],
    ['a short password', { email: 'short@test.kabar', name: 'X', password: 'pendek', memberships: 'UNIT_A' }, 400, /Minimal 12 karakter/i],
    ['an unknown field', { email: 'f@test.kabar', name: 'X', isAdmin: true, memberships: 'UNIT_A' }, 400, /Kolom tidak dikenal/i],
  ])('refuses %s in Indonesian and writes nothing', async (_, body: Record<string, unknown>, status, message) => {
    if (body.memberships === 'UNIT_A') body.memberships = [{ unitId: unitA, role: 'viewer' }];
    const before = await counts();
    const res = await post('/api/v1/users', body);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('answers in English by Accept-Language, and by the user profile without it', async () => {
    const body = { email: 'x@test.kabar', name: 'x'.repeat(121), memberships: [{ unitId: unitA, role: 'viewer' }] };
    const en = await post('/api/v1/users', body, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body.details[0].message).toBe('At most 120 characters.');
    const lurah = await loginAs(t, 'lurah.batutulis@test.kabar', 'password-of-the-lurah');
    const dup = await http(t.baseUrl, 'POST', '/api/v1/users', {
      token: lurah.token,
      body: { email: 'kota.users@test.kabar', name: 'X', memberships: [{ unitId: unitA, role: 'viewer' }] },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('This email is already used by another user.');
  });

  it('adds and removes memberships, refuses duplicates and changes to one’s own roles (the last city admin included)', async () => {
    const u = await post('/api/v1/users', { email: 'memb@test.kabar', name: 'Memb', memberships: [{ unitId: unitA, role: 'viewer' }] });
    const id = u.body.user.id;
    const kec = await unitId(t, '32.71.01');
    const added = await post(`/api/v1/users/${id}/memberships`, { unitId: kec, role: 'reviewer' });
    expect(added.status).toBe(201);
    expect(added.body.memberships).toHaveLength(2);
    const before = await counts();
    expect((await post(`/api/v1/users/${id}/memberships`, { unitId: kec, role: 'reviewer' })).status).toBe(409);
    expect((await post(`/api/v1/users/${id}/memberships`, { unitId: 'nope', role: 'reviewer' })).status).toBe(400);
    expect(await counts()).toEqual(before);
    const mid = added.body.memberships.find((m: { role: string }) => m.role === 'reviewer').id;
    expect((await http(t.baseUrl, 'DELETE', `/api/v1/users/${id}/memberships/${mid}`, { token: city.token })).status).toBe(204);
    expect((await http(t.baseUrl, 'GET', `/api/v1/users/${id}`, { token: city.token })).body.memberships).toHaveLength(1);
    const own = (await http(t.baseUrl, 'GET', `/api/v1/users/${city.id}`, { token: city.token })).body.memberships[0].id;
    const last = await http(t.baseUrl, 'DELETE', `/api/v1/users/${city.id}/memberships/${own}`, { token: city.token });
    expect(last.status).toBe(403);
    expect(last.body.code).toBe('users.ownMemberships');
  });

  it('deactivating a user blocks their login and their live tokens', async () => {
    const u = await userWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001' });
    const res = await http(t.baseUrl, 'PATCH', `/api/v1/users/${u.id}`, { token: city.token, body: { disabled: true } });
    expect(res.body.disabled).toBe(true);
    expect((await http(t.baseUrl, 'GET', '/api/v1/me', { token: u.token })).status).toBe(401);
    expect((await http(t.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } })).body.message).toBe(
      'Email atau kata sandi salah.',
    );
    expect((await http(t.baseUrl, 'PATCH', `/api/v1/users/${city.id}`, { token: city.token, body: { disabled: true } })).status).toBe(400);
    expect((await http(t.baseUrl, 'PATCH', `/api/v1/users/${u.id}`, { token: city.token, body: { disabled: 'yes' } })).status).toBe(400);
  });

  it('a city admin adds a unit, renames it and toggles review; bad input writes nothing', async () => {
    const kec = await unitId(t, '32.71.01');
    const made = await post('/api/v1/units', { name: 'Kelurahan Uji', kind: 'kelurahan', parentId: kec, code: '32.71.01.9999' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Kelurahan Uji', parentId: kec, timeZone: 'Asia/Jakarta', reviewRequired: true });
    const patch = (body: unknown) => http(t.baseUrl, 'PATCH', `/api/v1/units/${made.body.id}`, { token: city.token, body });
    expect((await patch({ name: 'Kelurahan Uji Coba', reviewRequired: false, timeZone: 'Asia/Makassar' })).body).toMatchObject({
      name: 'Kelurahan Uji Coba',
      reviewRequired: false,
      timeZone: 'Asia/Makassar',
    });
    const before = await counts();
    expect((await patch({ timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await patch({ code: '32.71.01.1001' })).status).toBe(409);
    expect((await patch({ name: 'x'.repeat(201) })).status).toBe(400);
    expect((await post('/api/v1/units', { name: 'X', kind: 'kota', parentId: kec })).status).toBe(400);
    expect((await post('/api/v1/units', { name: 'X', kind: 'kelurahan', parentId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('lists the audit log for city admins with filters and pages', async () => {
    const all = await http(t.baseUrl, 'GET', '/api/v1/audit?limit=2', { token: city.token });
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThan(5);
    const units = await http(t.baseUrl, 'GET', '/api/v1/audit?action=unit.update&objectType=unit', { token: city.token });
    expect(units.body.items[0]).toMatchObject({
      action: 'unit.update',
      actorId: city.id,
      actorEmail: 'kota.users@test.kabar',
      details: { after: { reviewRequired: false } },
    });
    const byActor = await http(t.baseUrl, 'GET', `/api/v1/audit?actorId=${city.id}&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z`, { token: city.token });
    expect(byActor.body.items.every((i: { actorId: string }) => i.actorId === city.id)).toBe(true);
    const page2 = await http(t.baseUrl, 'GET', '/api/v1/audit?limit=2&offset=2', { token: city.token });
    expect(page2.body.items[0].id).not.toBe(all.body.items[0].id);
    expect((await http(t.baseUrl, 'GET', '/api/v1/audit?limit=9999', { token: city.token })).status).toBe(400);
  });
});
