import { http } from '../support/http';
import { AnalyticsFixtures } from '../support/analytics-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { unitId, userWithRole } from '../support/users';
import { BATU_TULIS, bilingual, createAccount } from './content/content-fixtures';

type Caller = Awaited<ReturnType<typeof userWithRole>>;

const JABAR = '32';
const KAB_BOGOR = '32.01';
const KEC = '32.01.02'; // Gunungputri, a kecamatan of Kabupaten Bogor
const DESA = '32.01.02.2001'; // Wanaherang, one of its desa
const KOTA_BOGOR = '32.71';
const BOGOR_SELATAN = '32.71.01';

/**
 * Issue #17: the Kota Bogor demo goes under Provinsi Jawa Barat when its province's part is imported from the
 * console; roles, scope, review and reports then work at every level, and leaderboards rank siblings at any level.
 */
describe('a national unit tree: import from the console, then roles, review and reports at every level', () => {
  let t: TestApp;
  let city: Caller, viewer: Caller;
  const call = (who: Caller | undefined, method: string, path: string, body?: unknown, lang = 'id') =>
    http(t.baseUrl, method, `/api/v1${path}`, { token: who?.token, body, headers: { 'accept-language': lang } });
  const id = (code: string) => unitId(t, code);

  beforeAll(async () => {
    t = await startTestApp();
    city = await userWithRole(t, { role: 'admin', email: 'kota.nas@test.kabar' });
    viewer = await userWithRole(t, { role: 'viewer', email: 'pemantau.nas@test.kabar' });
    // a year of history is not needed: two days of readings on Kota Bogor's accounts
    const f = new AnalyticsFixtures(t);
    const a = await f.account(BATU_TULIS, 'instagram');
    await f.snapshots([
      [a.id, '2026-02-01T05:00:00Z', 1000],
      [a.id, '2026-02-28T05:00:00Z', 1300],
    ]);
  }, 60_000);
  afterAll(() => t?.close());

  it('only the installation’s admins import; a dry run changes nothing', async () => {
    expect((await call(viewer, 'POST', '/wilayah/import', { code: KAB_BOGOR })).status).toBe(403);
    expect((await call(viewer, 'GET', '/wilayah/regions')).status).toBe(403);
    expect((await call(city, 'POST', '/wilayah/import', { code: '32.01.01' })).status).toBe(400);
    const regions = await call(city, 'GET', '/wilayah/regions');
    expect(regions.body.regions).toHaveLength(38);
    expect(regions.body.regions.find((r: { code: string }) => r.code === JABAR)).toMatchObject({ name: 'Jawa Barat', zone: 'WIB', villages: 5957, inTree: 75 });
    expect(regions.body.country).toMatchObject({ units: 91599, villages: 83762, inTree: 75 });
    const kabkota = await call(city, 'GET', `/wilayah/regions?province=${JABAR}`);
    expect(kabkota.body.regions).toHaveLength(27);
    expect(kabkota.body.regions.find((r: { code: string }) => r.code === KAB_BOGOR)).toMatchObject({
      kind: 'kabupaten',
      kecamatan: 40,
      villages: 435,
      inTree: 0,
    });
    const before = (await t.ds.query(`SELECT count(*)::int AS n FROM units`))[0].n;
    const dry = await call(city, 'POST', '/wilayah/import', { code: KAB_BOGOR, dryRun: true });
    expect(dry.body).toMatchObject({ dryRun: true, created: 1 + 1 + 40 + 435, rootChanged: true });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM units`))[0].n).toBe(before);
  });

  it('importing Kabupaten Bogor puts Kota Bogor under Provinsi Jawa Barat, with its history and its admins', async () => {
    const res = await call(city, 'POST', '/wilayah/import', { code: KAB_BOGOR });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      root: { code: JABAR, kind: 'provinsi', name: 'Jawa Barat' },
      rootChanged: true,
      previousRoot: { code: KOTA_BOGOR, name: 'Kota Bogor' },
      moved: 1,
      adminsCarried: 1,
      inFile: { provinsi: 1, kabupaten: 1, kota: 1, kecamatan: 40, desa: 416, kelurahan: 19 },
    });
    const again = await call(city, 'POST', '/wilayah/import', { code: KAB_BOGOR });
    expect(again.body).toMatchObject({ created: 0, updated: 0, moved: 0, agenciesCreated: 0, rootChanged: false });
    // the province's subtree holds Kota Bogor's followers, day by day, as Kota Bogor does
    const series = async (code: string) =>
      (await call(city, 'GET', `/analytics/followers?scope=subtree&id=${await id(code)}&from=2026-02-01&to=2026-02-28&granularity=month`)).body.rows;
    expect(await series(JABAR)).toEqual(await series(KOTA_BOGOR));
    expect((await series(JABAR))[0]).toMatchObject({ followers: 1300 });
    // the people who ran the installation still do; the audit log says what happened
    expect((await call(city, 'GET', '/me')).body.isCityAdmin).toBe(true);
    const [audit] = await t.ds.query(`SELECT * FROM audit_log WHERE action = 'units.import' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ actor_id: city.id, details: expect.objectContaining({ code: KAB_BOGOR, created: 0 }) });
  });

  describe('roles at every level', () => {
    let provReviewer: Caller, kotaAdmin: Caller, kabAdmin: Caller, desaAdmin: Caller, kecReviewer: Caller;

    beforeAll(async () => {
      [provReviewer, kotaAdmin, kabAdmin, desaAdmin, kecReviewer] = await Promise.all([
        userWithRole(t, { unitCode: JABAR, role: 'reviewer', email: 'peninjau.jabar@test.kabar' }),
        userWithRole(t, { unitCode: KOTA_BOGOR, role: 'admin', email: 'admin.kotabogor@test.kabar' }),
        userWithRole(t, { unitCode: KAB_BOGOR, role: 'admin', email: 'admin.kabbogor@test.kabar' }),
        userWithRole(t, { unitCode: DESA, role: 'admin', email: 'admin.desa@test.kabar' }),
        userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'reviewer', email: 'peninjau.bogorselatan@test.kabar' }),
      ]);
    });

    it('each sees their subtree: the tree one level at a time, the unit page with its counts', async () => {
      const top = await call(provReviewer, 'GET', '/units/tree');
      expect(top.body).toEqual([expect.objectContaining({ code: JABAR, kind: 'provinsi', zone: 'WIB', childCount: 3 })]);
      const children = await call(provReviewer, 'GET', `/units/tree?parentId=${await id(JABAR)}`);
      expect(children.body.map((u: { code: string; childCount: number }) => [u.code, u.childCount])).toEqual([
        [KAB_BOGOR, 41],
        [KOTA_BOGOR, 6 + 13], // kecamatan and the demo's OPD (Disdukcapil and Disdik included), BUMD and puskesmas
        ['32.OPD.DISKOMINFO', 0],
      ]);
      const page = await call(provReviewer, 'GET', `/units/${await id(KAB_BOGOR)}/overview`);
      expect(page.body).toMatchObject({
        unit: { code: KAB_BOGOR, name: 'Kabupaten Bogor' },
        ancestors: [expect.objectContaining({ code: JABAR })],
        childCount: 41,
        descendants: { kecamatan: 40, desa: 416, kelurahan: 19, opd: 1 },
      });
      expect((await call(provReviewer, 'GET', '/units')).body).toHaveLength((await t.ds.query(`SELECT count(*)::int AS n FROM units`))[0].n);
      // a kota admin sees the kota, not the kabupaten next door nor the province above
      const kotaPage = await call(kotaAdmin, 'GET', `/units/${await id(KOTA_BOGOR)}/overview`);
      expect(kotaPage.body).toMatchObject({ ancestors: [], descendants: { kecamatan: 6, kelurahan: 68 } });
      expect((await call(kotaAdmin, 'GET', `/units/${await id(KAB_BOGOR)}`)).status).toBe(404);
      expect((await call(kotaAdmin, 'GET', `/units/tree?parentId=${await id(JABAR)}`)).status).toBe(404);
      expect((await call(desaAdmin, 'GET', '/units')).body.map((u: { code: string }) => u.code)).toEqual([DESA]);
    });

    it('a region’s admin shapes the tree inside the region only; kinds follow the wilayah levels', async () => {
      const kec = await id(KEC);
      const made = await call(kabAdmin, 'POST', '/units', { name: 'Puskesmas Gunungputri', kind: 'puskesmas', parentId: kec });
      expect([made.status, made.body.zone]).toEqual([201, 'WIB']);
      expect((await call(kabAdmin, 'POST', '/units', { name: 'Kecamatan Baru', kind: 'kecamatan', parentId: kec })).status).toBe(400);
      expect((await call(kabAdmin, 'POST', '/units', { name: 'Kelurahan Baru', kind: 'kelurahan', parentId: await id(BOGOR_SELATAN) })).status).toBe(404);
      expect((await call(kabAdmin, 'PATCH', `/units/${await id(KAB_BOGOR)}`, { name: 'Kab. Bogor' })).status).toBe(403);
      expect((await call(kotaAdmin, 'PATCH', `/units/${await id(BOGOR_SELATAN)}`, { reviewRequired: true })).status).toBe(200);
      expect((await call(desaAdmin, 'POST', '/units', { name: 'Posyandu', kind: 'puskesmas', parentId: await id(DESA) })).status).toBe(403);
      const bad = await call(city, 'POST', '/units', { name: 'Provinsi Palsu', kind: 'provinsi', parentId: kec }, 'en');
      expect([bad.status, bad.body.details[0]]).toEqual([400, expect.objectContaining({ field: 'kind', code: 'units.kindNotUnderParent' })]);
    });

    it('a desa post goes to review; the province’s reviewer approves it, a reviewer of another kecamatan cannot see it', async () => {
      const x = await createAccount(t, DESA, 'x', 'desa_wanaherang');
      const created = await call(desaAdmin, 'POST', '/posts', {
        unitId: await id(DESA),
        pillar: 'cerita_wilayah',
        variants: bilingual('Musyawarah desa tentang posyandu.'),
        targets: [{ accountId: x.id }],
        scheduledAt: '2030-11-26T09:00',
      });
      expect(created.status).toBe(201);
      expect((await call(desaAdmin, 'POST', `/posts/${created.body.id}/submit`, {})).body.status).toBe('in_review');
      expect((await call(kecReviewer, 'GET', `/posts/${created.body.id}`)).status).toBe(404);
      const read = await call(provReviewer, 'GET', `/posts/${created.body.id}`);
      const ok = await call(provReviewer, 'POST', `/posts/${created.body.id}/approve`, { version: read.body.version });
      expect(ok.body).toMatchObject({ status: 'scheduled', approvedBy: provReviewer.id }); // its time is ahead: on the schedule at once
    });

    it('leaderboards rank siblings at any level: the province’s kabupaten/kota, a kabupaten’s kecamatan', async () => {
      const prov = await call(provReviewer, 'GET', '/analytics/leaderboard?month=2026-02');
      expect(prov.body.meta).toMatchObject({ parentId: await id(JABAR), kind: 'kabupaten_kota' });
      expect(prov.body.rows.map((r: { unitName: string; rank: number }) => [r.rank, r.unitName])).toEqual([
        [1, 'Kota Bogor'],
        [2, 'Kabupaten Bogor'],
      ]);
      expect(prov.body.rows[0]).toMatchObject({ followers: 1300, followersGrowthPct: 30 });
      const kab = await call(kabAdmin, 'GET', `/analytics/leaderboard?parentId=${await id(KAB_BOGOR)}&month=2026-02`);
      expect(kab.body.meta.kind).toBe('kecamatan');
      expect(kab.body.rows).toHaveLength(40);
      const villages = await call(kabAdmin, 'GET', `/analytics/leaderboard?parentId=${await id(KEC)}&month=2026-02`);
      expect(villages.body.meta.kind).toBe('desa_kelurahan');
      expect(villages.body.rows.length).toBe((await t.ds.query(`SELECT count(*)::int AS n FROM units WHERE code LIKE '32.01.02.%'`))[0].n);
      // the kota's admin ranks the kota's kecamatan by default, and never sees the province's ranking
      expect((await call(kotaAdmin, 'GET', '/analytics/leaderboard?month=2026-02')).body.rows).toHaveLength(6);
      expect((await call(kotaAdmin, 'GET', `/analytics/leaderboard?parentId=${await id(JABAR)}`)).status).toBe(404);
      // the monthly report places Kota Bogor among the province's kabupaten and kota
      const monthly = await call(provReviewer, 'GET', `/analytics/monthly?unitId=${await id(KOTA_BOGOR)}&month=2026-02`);
      expect(monthly.body.leaderboard).toMatchObject({ kind: 'kabupaten_kota', parentName: 'Jawa Barat', rank: 1, of: 2 });
    });
  });
});
