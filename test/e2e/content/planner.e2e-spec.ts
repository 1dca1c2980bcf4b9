import { seedDemoContent } from '@kabar/demo';
import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { BATU_TULIS, BONDONGAN, bilingual, createAccount } from './content-fixtures';

describe('planning catalogues: pillars, programs, campaigns, templates, hashtag sets, glossary', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let other: Awaited<ReturnType<typeof userWithRole>>;
  let unit: string;
  const api = (token: string, method: string, p: string, body?: unknown) => http(t.baseUrl, method, `/api/v1${p}`, { token, body });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    other = await userWithRole(t, { unitCode: BONDONGAN, role: 'admin' });
    [{ id: unit }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS]);
  }, 60_000);
  afterAll(() => t?.close());

  it('seeds the Bogor demo idempotently', async () => {
    const first = await seedDemoContent(t.ds);
    expect(first).toEqual({ programs: 8, glossary: 89, hashtagSets: 6, posts: 10 });
    expect(await seedDemoContent(t.ds)).toEqual({ programs: 0, glossary: 0, hashtagSets: 0, posts: 0 });
    const pillars = (await api(admin.token, 'GET', '/pillars')).body;
    expect(pillars.map((p: any) => p.key)).toEqual(['cerita_wilayah', 'program_prioritas', 'wisata', 'layanan_publik', 'tanggap_aduan']);
    expect((await api(admin.token, 'GET', '/glossary')).body).toHaveLength(89);
    const sets = (await api(admin.token, 'GET', `/hashtag-sets?unitId=${unit}`)).body;
    expect(sets.find((s: any) => s.key === 'umum_pemkot').tags).toEqual(['KotaBogor', 'PemkotBogor']);
    const drafts = (await api(admin.token, 'GET', `/posts?unitId=${unit}&status=draft`)).body;
    expect(drafts.total).toBe(1);
  });

  it('lists programs with their posts; campaigns, templates and hashtag sets follow the unit lineage', async () => {
    const programs = (await api(admin.token, 'GET', '/programs')).body;
    const tourism = programs.find((p: any) => p.key === 'pariwisata');
    const progPosts = (await api(admin.token, 'GET', `/programs/${tourism.id}/posts`)).body;
    expect(progPosts.items.length).toBeGreaterThan(0);
    expect((await api(admin.token, 'POST', '/programs', { nameId: 'Program kota' })).status).toBe(404);

    let res = await api(admin.token, 'POST', '/campaigns', {
      unitId: unit,
      programId: tourism.id,
      name: 'HJB ke-544',
      startsOn: '2026-06-01',
      endsOn: '2026-05-01',
    });
    expect([res.status, res.body.details[0].field]).toEqual([400, 'endsOn']);
    res = await api(admin.token, 'POST', '/campaigns', {
      unitId: unit,
      programId: tourism.id,
      name: 'HJB ke-544',
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
    });
    expect(res.status).toBe(201);
    const campaign = res.body;
    const x = await createAccount(t, BATU_TULIS, 'x');
    const post = (
      await api(admin.token, 'POST', '/posts', {
        unitId: unit,
        pillar: 'wisata',
        campaignId: campaign.id,
        variants: bilingual('HJB'),
        targets: [{ accountId: x.id }],
      })
    ).body;
    expect((await api(admin.token, 'GET', `/campaigns/${campaign.id}/posts`)).body.items.map((p: any) => p.id)).toEqual([post.id]);
    expect((await api(other.token, 'GET', `/campaigns/${campaign.id}`)).status).toBe(404);
    expect((await api(other.token, 'GET', '/campaigns')).body).toEqual([]);
    expect((await api(admin.token, 'PATCH', `/campaigns/${campaign.id}`, { name: 'HJB ke-545' })).body.name).toBe('HJB ke-545');

    const tpl = await api(admin.token, 'POST', '/templates', {
      unitId: unit,
      name: 'Kerja bakti',
      pillar: 'cerita_wilayah',
      variants: [{ language: 'id', text: 'Kerja bakti RW {rw}', hashtags: ['KotaBogor'] }],
    });
    expect(tpl.status).toBe(201);
    expect((await api(admin.token, 'GET', `/templates?unitId=${unit}`)).body.map((x: any) => x.name)).toEqual(['Kerja bakti']);
    expect((await api(other.token, 'DELETE', `/templates/${tpl.body.id}`)).status).toBe(404);
    expect((await api(admin.token, 'DELETE', `/templates/${tpl.body.id}`)).status).toBe(204);

    const set = await api(admin.token, 'POST', '/hashtag-sets', { unitId: unit, name: 'Batu Tulis', tags: ['KelurahanBatuTulis'] });
    expect(set.status).toBe(201);
    expect((await api(other.token, 'GET', `/hashtag-sets?unitId=${unit}`)).status).toBe(404);
    const mine = (await api(admin.token, 'GET', `/hashtag-sets?unitId=${unit}`)).body.map((s: any) => s.name);
    expect(mine).toEqual(expect.arrayContaining(['Batu Tulis', 'Umum Pemkot']));
  });
});
