import { startTestApp, TestApp } from '../support/test-app';
import { http } from '../support/http';
import { LoggedIn, TestUser, createUserWithRole, unitId, userWithRole } from '../support/users';

const KEC = '32.71.01'; // Bogor Selatan
const KEL_A = '32.71.01.1001'; // Batu Tulis
const KEL_B = '32.71.01.1002'; // Bondongan

type Caller = TestUser & LoggedIn;

describe('access policy: nobody reaches what is not theirs', () => {
  let t: TestApp;
  let city: Caller, adminA: Caller, adminB: Caller, reviewerKec: Caller, viewerA: Caller;
  let unitA: string, unitB: string, kec: string;
  let membershipB: string;
  const get = (c: Caller | undefined, path: string) => http(t.baseUrl, 'GET', path, { token: c?.token });
  const send = (c: Caller | undefined, method: string, path: string, body?: unknown) => http(t.baseUrl, method, path, { token: c?.token, body });

  beforeAll(async () => {
    t = await startTestApp();
    [city, adminA, adminB, reviewerKec, viewerA] = await Promise.all([
      userWithRole(t, { role: 'admin', email: 'kota@test.kabar' }),
      userWithRole(t, { role: 'admin', unitCode: KEL_A, email: 'admin.a@test.kabar' }),
      userWithRole(t, { role: 'admin', unitCode: KEL_B, email: 'admin.b@test.kabar' }),
      userWithRole(t, { role: 'reviewer', unitCode: KEC, email: 'reviewer.kec@test.kabar' }),
      userWithRole(t, { role: 'viewer', unitCode: KEL_A, email: 'viewer.a@test.kabar' }),
    ]);
    [unitA, unitB, kec] = await Promise.all([unitId(t, KEL_A), unitId(t, KEL_B), unitId(t, KEC)]);
    membershipB = (await t.ds.query('SELECT id FROM memberships WHERE user_id = $1', [adminB.id]))[0].id;
  });
  afterAll(() => t.close());

  it('answers 401 to every endpoint without a login', async () => {
    const calls: Array<[string, string]> = [
      ['GET', '/api/v1/units'],
      ['GET', `/api/v1/units/${unitA}`],
      ['POST', '/api/v1/units'],
      ['PATCH', `/api/v1/units/${unitA}`],
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['GET', `/api/v1/users/${adminA.id}`],
      ['PATCH', `/api/v1/users/${adminA.id}`],
      ['POST', `/api/v1/users/${adminA.id}/memberships`],
      ['DELETE', `/api/v1/users/${adminB.id}/memberships/${membershipB}`],
      ['POST', `/api/v1/users/${adminA.id}/password-reset`],
      ['GET', '/api/v1/me'],
      ['POST', '/api/v1/me/password'],
      ['GET', '/api/v1/audit'],
    ];
    for (const [method, path] of calls) {
      const res = await send(undefined, method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(res.body.message).toBe('Silakan masuk terlebih dahulu.');
    }
    expect((await http(t.baseUrl, 'GET', '/api/v1/me', { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('a kelurahan A admin sees only unit A; unit B is 404 for reading and changing', async () => {
    const list = await get(adminA, '/api/v1/units');
    expect(list.body.map((u: { id: string }) => u.id)).toEqual([unitA]);
    expect((await get(adminA, `/api/v1/units/${unitA}`)).status).toBe(200);
    expect((await get(adminA, `/api/v1/units/${unitB}`)).status).toBe(404);
    expect((await get(adminA, `/api/v1/units/${kec}`)).status).toBe(404);
    expect((await send(adminA, 'PATCH', `/api/v1/units/${unitB}`, { name: 'X' })).status).toBe(404);
    const own = await send(adminA, 'PATCH', `/api/v1/units/${unitA}`, { reviewRequired: false });
    expect(own.status).toBe(403);
    expect((await send(adminA, 'POST', '/api/v1/units', { name: 'Baru', kind: 'kelurahan', parentId: unitA })).status).toBe(403);
    expect((await get(adminA, '/api/v1/units?parentId=' + kec)).body.map((u: { id: string }) => u.id)).toEqual([unitA]);
  });

  it('a kecamatan reviewer sees the kecamatan and all its kelurahan, and nothing else', async () => {
    const list = await get(reviewerKec, '/api/v1/units');
    const kels = (await t.ds.query('SELECT count(*)::int AS n FROM units WHERE parent_id = $1', [kec]))[0].n;
    expect(list.body).toHaveLength(1 + kels);
    expect(list.body.every((u: { id: string; parentId: string }) => u.id === kec || u.parentId === kec)).toBe(true);
    expect((await get(reviewerKec, `/api/v1/units/${unitA}`)).status).toBe(200);
    expect((await get(reviewerKec, `/api/v1/units/${unitB}`)).status).toBe(200);
    expect((await get(reviewerKec, `/api/v1/units/${await unitId(t, '32.71.02')}`)).status).toBe(404);
    expect((await send(reviewerKec, 'PATCH', `/api/v1/units/${unitA}`, { name: 'X' })).status).toBe(403);
  });

  it('reviewers and viewers cannot manage users', async () => {
    for (const c of [reviewerKec, viewerA]) {
      expect((await get(c, '/api/v1/users')).status).toBe(403);
      expect((await get(c, `/api/v1/users/${adminA.id}`)).status).toBe(403);
      expect((await send(c, 'POST', '/api/v1/users', { email: 'x@test.kabar', name: 'X', memberships: [{ unitId: unitA, role: 'viewer' }] })).status).toBe(403);
      expect((await get(c, '/api/v1/audit')).status).toBe(403);
    }
  });

  it('a kelurahan A admin lists only the users of A and gets 404 for everything of B', async () => {
    const list = await get(adminA, '/api/v1/users');
    expect(list.body.map((u: { email: string }) => u.email).sort()).toEqual(['admin.a@test.kabar', 'viewer.a@test.kabar']);
    expect((await get(adminA, `/api/v1/users/${adminB.id}`)).status).toBe(404);
    expect((await get(adminA, `/api/v1/users/${city.id}`)).status).toBe(404);
    expect((await send(adminA, 'PATCH', `/api/v1/users/${adminB.id}`, { name: 'Diubah' })).status).toBe(404);
    expect((await send(adminA, 'POST', `/api/v1/users/${adminB.id}/memberships`, { unitId: unitA, role: 'viewer' })).status).toBe(404);
    expect((await send(adminA, 'DELETE', `/api/v1/users/${adminB.id}/memberships/${membershipB}`)).status).toBe(404);
    expect((await send(adminA, 'POST', `/api/v1/users/${adminB.id}/password-reset`)).status).toBe(404);
    const before = (await t.ds.query('SELECT count(*)::int AS n FROM memberships'))[0].n;
    expect((await send(adminA, 'POST', `/api/v1/users/${viewerA.id}/memberships`, { unitId: unitB, role: 'admin' })).status).toBe(404);
    expect((await send(adminA, 'POST', `/api/v1/users/${viewerA.id}/memberships`, { unitId: kec, role: 'admin' })).status).toBe(404);
    const created = await send(adminA, 'POST', '/api/v1/users', {
      email: 'sneaky@test.kabar',
      name: 'Sneaky',
      memberships: [{ unitId: unitB, role: 'admin' }],
    });
    expect(created.status).toBe(404);
    expect(created.body.code).toBe('errors.unitNotFound');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM memberships'))[0].n).toBe(before);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM users WHERE email = 'sneaky@test.kabar'`))[0].n).toBe(0);
  });

  it('a kelurahan A admin manages users inside A', async () => {
    const res = await send(adminA, 'POST', '/api/v1/users', {
      email: 'staf.a@test.kabar',
      name: 'Staf A',
      password: 'kata-sandi-panjang-1',
      memberships: [{ unitId: unitA, role: 'viewer' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.user.memberships).toEqual([expect.objectContaining({ unitId: unitA, role: 'viewer', unitName: 'Batu Tulis' })]);
    const id = res.body.user.id;
    // reviewer comes only from above the unit (separation of duties); admin and viewer the unit admin grants
    expect((await send(adminA, 'POST', `/api/v1/users/${id}/memberships`, { unitId: unitA, role: 'reviewer' })).status).toBe(403);
    const added = await send(adminA, 'POST', `/api/v1/users/${id}/memberships`, { unitId: unitA, role: 'admin' });
    expect(added.status).toBe(201);
    const mid = added.body.memberships.find((m: { role: string }) => m.role === 'admin').id;
    expect((await send(adminA, 'DELETE', `/api/v1/users/${id}/memberships/${mid}`)).status).toBe(204);
    expect((await send(adminA, 'PATCH', `/api/v1/users/${id}`, { name: 'Staf Batu Tulis' })).body.name).toBe('Staf Batu Tulis');
  });

  it('a user with roles in A and B shows only the A role to the A admin, who cannot change that user', async () => {
    const both = await createUserWithRole(t, { role: 'viewer', unitCode: KEL_A, email: 'both@test.kabar' });
    await t.ds.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'viewer')`, [both.id, unitB]);
    const seen = await get(adminA, `/api/v1/users/${both.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.memberships.map((m: { unitId: string }) => m.unitId)).toEqual([unitA]);
    expect((await send(adminA, 'PATCH', `/api/v1/users/${both.id}`, { disabled: true })).status).toBe(403);
    expect((await send(adminA, 'POST', `/api/v1/users/${both.id}/password-reset`)).status).toBe(403);
    const bMembership = (await t.ds.query('SELECT id FROM memberships WHERE user_id = $1 AND unit_id = $2', [both.id, unitB]))[0].id;
    expect((await send(adminA, 'DELETE', `/api/v1/users/${both.id}/memberships/${bMembership}`)).status).toBe(404);
    const full = await get(city, `/api/v1/users/${both.id}`);
    expect(full.body.memberships).toHaveLength(2);
  });

  it('a city admin sees every unit and user and reads the audit log', async () => {
    expect((await get(city, '/api/v1/units')).body.length).toBeGreaterThan(74);
    const users = await get(city, '/api/v1/users');
    expect(users.body.length).toBeGreaterThanOrEqual(6);
    expect((await get(city, `/api/v1/users/${adminB.id}`)).status).toBe(200);
    expect((await get(city, '/api/v1/audit')).status).toBe(200);
  });

  it('me shows the caller with memberships and unit names', async () => {
    const me = await get(reviewerKec, '/api/v1/me');
    expect(me.body).toMatchObject({ email: 'reviewer.kec@test.kabar', isCityAdmin: false, canManageUsers: false });
    expect(me.body.memberships).toEqual([expect.objectContaining({ unitId: kec, unitName: 'Bogor Selatan', role: 'reviewer' })]);
    expect((await get(city, '/api/v1/me')).body).toMatchObject({ isCityAdmin: true, canManageUsers: true });
  });
});
