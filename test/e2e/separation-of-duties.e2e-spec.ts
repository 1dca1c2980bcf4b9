import { http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { unitId, userWithRole } from '../support/users';
import { BATU_TULIS, BOGOR_SELATAN, bilingual, createAccount } from './content/content-fixtures';

type Caller = Awaited<ReturnType<typeof userWithRole>>;

/** Issue #13: review cannot be bypassed. Nobody changes their own roles; `reviewer` comes from above the unit. */
describe('separation of duties', () => {
  let t: TestApp;
  let city: Caller;
  let kecAdmin: Caller;
  let kelAdmin: Caller;
  let batuTulis: string;
  let bogorSelatan: string;
  const call = (who: Caller, method: string, path: string, body?: unknown, lang = 'id') =>
    http(t.baseUrl, method, `/api/v1${path}`, { token: who.token, body, headers: { 'accept-language': lang } });
  const membershipCount = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM memberships`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    city = await userWithRole(t, { role: 'admin', email: 'kota.sod@test.kabar' });
    kecAdmin = await userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'admin', email: 'camat.sod@test.kabar' });
    kelAdmin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin', email: 'lurah.sod@test.kabar' });
    batuTulis = await unitId(t, BATU_TULIS);
    bogorSelatan = await unitId(t, BOGOR_SELATAN);
  }, 60_000);
  afterAll(() => t?.close());

  it('a kelurahan admin cannot give themselves reviewer (or any role), nor remove their own role', async () => {
    const before = await membershipCount();
    const self = await call(kelAdmin, 'POST', `/users/${kelAdmin.id}/memberships`, { unitId: batuTulis, role: 'reviewer' });
    expect(self.status).toBe(403);
    expect(self.body).toMatchObject({
      code: 'users.ownMemberships',
      message: 'Anda tidak dapat memberi, mengubah, atau mencabut peran Anda sendiri. Minta admin lain.',
    });
    const viewer = await call(kelAdmin, 'POST', `/users/${kelAdmin.id}/memberships`, { unitId: batuTulis, role: 'viewer' }, 'en');
    expect(viewer.status).toBe(403);
    expect(viewer.body.message).toBe('You cannot grant, change or remove your own roles. Ask another admin.');
    const own = (await call(kelAdmin, 'GET', `/users/${kelAdmin.id}`)).body.memberships[0].id;
    expect((await call(kelAdmin, 'DELETE', `/users/${kelAdmin.id}/memberships/${own}`)).status).toBe(403);
    expect(await membershipCount()).toBe(before);
  });

  it('a kelurahan admin cannot create a reviewer on their own unit, nor make an existing user one; viewer and admin they may grant', async () => {
    const before = await membershipCount();
    const created = await call(kelAdmin, 'POST', '/users', {
      email: 'boneka@test.kabar',
      name: 'Peninjau Boneka',
      password: 'password-boneka-1',
      memberships: [{ unitId: batuTulis, role: 'reviewer' }],
    });
    expect(created.status).toBe(403);
    expect(created.body).toMatchObject({
      code: 'users.reviewerFromAbove',
      message: 'Peran peninjau di unit ini hanya dapat diberikan atau dicabut oleh admin unit di atasnya atau admin kota.',
    });
    expect(await t.ds.query(`SELECT 1 FROM users WHERE email = 'boneka@test.kabar'`)).toEqual([]);
    expect(await membershipCount()).toBe(before);

    const staff = await call(kelAdmin, 'POST', '/users', {
      email: 'staf.sod@test.kabar',
      name: 'Staf Batu Tulis',
      memberships: [
        { unitId: batuTulis, role: 'viewer' },
        { unitId: batuTulis, role: 'admin' },
      ],
    });
    expect(staff.status).toBe(201);
    const grant = await call(kelAdmin, 'POST', `/users/${staff.body.user.id}/memberships`, { unitId: batuTulis, role: 'reviewer' });
    expect(grant.status).toBe(403);
    expect(grant.body.code).toBe('users.reviewerFromAbove');
  });

  it('a kecamatan admin grants reviewer on a kelurahan below, not on their own kecamatan; the audit log names who granted what to whom', async () => {
    const staff = await call(kecAdmin, 'POST', '/users', {
      email: 'peninjau.batutulis@test.kabar',
      name: 'Peninjau Batu Tulis',
      memberships: [{ unitId: batuTulis, role: 'reviewer' }],
    });
    expect(staff.status).toBe(201);
    expect(staff.body.user.memberships).toEqual([expect.objectContaining({ unitName: 'Batu Tulis', role: 'reviewer' })]);
    const staffId = staff.body.user.id;

    const onKec = await call(kecAdmin, 'POST', `/users/${staffId}/memberships`, { unitId: bogorSelatan, role: 'reviewer' });
    expect(onKec.status).toBe(403);
    expect(onKec.body.code).toBe('users.reviewerFromAbove');

    const viewer = await call(kelAdmin, 'POST', '/users', {
      email: 'warga.sod@test.kabar',
      name: 'Warga',
      memberships: [{ unitId: batuTulis, role: 'viewer' }],
    });
    const added = await call(kecAdmin, 'POST', `/users/${viewer.body.user.id}/memberships`, { unitId: batuTulis, role: 'reviewer' });
    expect(added.status).toBe(201);
    const m = added.body.memberships.find((x: { role: string }) => x.role === 'reviewer');
    const [audit] = await t.ds.query(`SELECT * FROM audit_log WHERE action = 'membership.create' AND object_id = $1`, [m.id]);
    expect(audit).toMatchObject({
      actor_id: kecAdmin.id,
      actor_email: 'camat.sod@test.kabar',
      unit_id: batuTulis,
      details: { userId: viewer.body.user.id, email: 'warga.sod@test.kabar', role: 'reviewer' },
    });
    const [created] = await t.ds.query(`SELECT * FROM audit_log WHERE action = 'user.create' AND object_id = $1`, [staffId]);
    expect(created).toMatchObject({ actor_id: kecAdmin.id, details: { memberships: [{ unitId: batuTulis, role: 'reviewer' }] } });

    // the kelurahan admin sees that reviewer but cannot remove them; the kecamatan admin can
    expect((await call(kelAdmin, 'DELETE', `/users/${viewer.body.user.id}/memberships/${m.id}`)).status).toBe(403);
    expect((await call(kecAdmin, 'DELETE', `/users/${viewer.body.user.id}/memberships/${m.id}`)).status).toBe(204);
    const [removed] = await t.ds.query(`SELECT * FROM audit_log WHERE action = 'membership.delete' AND object_id = $1`, [m.id]);
    expect(removed).toMatchObject({ actor_id: kecAdmin.id, details: { userId: viewer.body.user.id, role: 'reviewer' } });
  });

  it('a city admin grants reviewer anywhere, but not to themselves', async () => {
    const u = await call(city, 'POST', '/users', {
      email: 'peninjau.kec@test.kabar',
      name: 'Peninjau Kecamatan',
      memberships: [{ unitId: bogorSelatan, role: 'reviewer' }],
    });
    expect(u.status).toBe(201);
    const self = await call(city, 'POST', `/users/${city.id}/memberships`, { unitId: bogorSelatan, role: 'reviewer' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('users.ownMemberships');
  });

  describe('approval names the version the reviewer read', () => {
    let reviewer: Caller;
    let postId: string;

    beforeAll(async () => {
      reviewer = await userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'reviewer' });
      const x = await createAccount(t, BATU_TULIS, 'x', 'kel_batutulis_sod');
      const created = await call(kelAdmin, 'POST', '/posts', {
        unitId: batuTulis,
        pillar: 'cerita_wilayah',
        variants: bilingual('Kerja bakti warga RW 05.'),
        targets: [{ accountId: x.id }],
        scheduledAt: '2030-11-26T09:00',
      });
      postId = created.body.id;
      expect((await call(kelAdmin, 'POST', `/posts/${postId}/submit`, {})).body.status).toBe('in_review');
    });

    it('refuses an approval without the version read (400) and one of content changed since reading (409, id and en)', async () => {
      const read = (await call(reviewer, 'GET', `/posts/${postId}`)).body;
      const missing = await call(reviewer, 'POST', `/posts/${postId}/approve`, {});
      expect(missing.status).toBe(400);
      expect(missing.body.details[0]).toMatchObject({ field: 'version' });

      // the author changes the text while the reviewer is reading
      const edited = await call(kelAdmin, 'PATCH', `/posts/${postId}`, {
        version: read.version,
        variants: bilingual('Kerja bakti dibatalkan; datang ke pesta.'),
      });
      expect(edited.status).toBe(200);
      expect(edited.body.status).toBe('in_review');

      const stale = await call(reviewer, 'POST', `/posts/${postId}/approve`, { version: read.version });
      expect(stale.status).toBe(409);
      expect(stale.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        code: 'content.post.changedSinceRead',
        message: `Unggahan ini berubah setelah Anda membacanya (kini versi ${edited.body.version}). Baca ulang isinya sebelum menyetujui.`,
      });
      const staleEn = await call(reviewer, 'POST', `/posts/${postId}/approve`, { version: read.version }, 'en');
      expect(staleEn.body.message).toBe(`This post changed after you read it (now version ${edited.body.version}). Read it again before approving.`);
      expect((await call(reviewer, 'GET', `/posts/${postId}`)).body.status).toBe('in_review');

      const ok = await call(reviewer, 'POST', `/posts/${postId}/approve`, { version: edited.body.version });
      expect(ok.status).toBe(200);
      // approved with its time still ahead: on the schedule at once
      expect(ok.body).toMatchObject({ status: 'scheduled', approvedBy: reviewer.id });
    });
  });
});
