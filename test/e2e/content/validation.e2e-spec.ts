import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { BATU_TULIS, BOGOR_SELATAN, BONDONGAN, bilingual, createAccount } from './content-fixtures';

describe('posts: validation rules, warnings and bad input', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let reviewer: Awaited<ReturnType<typeof userWithRole>>;
  let cityAdmin: Awaited<ReturnType<typeof userWithRole>>;
  let unit: string;
  let x: { id: string; handle: string };
  let ig: { id: string; handle: string };
  let foreign: { id: string; handle: string };
  const api = (token: string, method: string, path: string, body?: unknown, lang = 'id') =>
    http(t.baseUrl, method, `/api/v1${path}`, { token, body, headers: { 'accept-language': lang } });
  const postCount = async () => Number((await t.ds.query(`SELECT count(*) AS n FROM posts`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    reviewer = await userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'reviewer' });
    cityAdmin = await userWithRole(t, { role: 'admin' });
    [{ id: unit }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS]);
    x = await createAccount(t, BATU_TULIS, 'x', 'kel_batutulis');
    ig = await createAccount(t, BATU_TULIS, 'instagram', 'kelurahan.batutulis');
    foreign = await createAccount(t, BONDONGAN, 'x', 'kel_bondongan');
    for (const term of [
      { termId: 'Kebun Raya Bogor', termEn: 'Bogor Botanical Gardens', idAliases: ['KRB'], enAvoid: ['Bogor Great Garden'] },
      { termId: 'Museum Zoologi Bogor', termEn: 'Bogor Zoology Museum', enAvoid: ['Bogor Zoological Museum'] },
    ])
      expect((await api(cityAdmin.token, 'POST', '/glossary', term)).status).toBe(201);
  }, 60_000);
  afterAll(() => t?.close());

  const base = (extra: Record<string, unknown> = {}) => ({
    unitId: unit,
    pillar: 'cerita_wilayah',
    variants: bilingual('Halo warga Batu Tulis.'),
    targets: [{ accountId: x.id }],
    ...extra,
  });

  it('names each platform problem per target and field, in the caller’s language, before review', async () => {
    const long = 'Batu Tulis '.repeat(30);
    const created = (await api(admin.token, 'POST', '/posts', base({ variants: bilingual(long), targets: [{ accountId: x.id }, { accountId: ig.id }] }))).body;
    let res = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.details.map((d: any) => [d.field, d.message]));
    expect(byField['targets[0].text']).toBe('Terlalu panjang untuk X: 341 dari 280 karakter.');
    expect(byField['targets[1].media']).toBe('Instagram memerlukan minimal 1 gambar atau video.');
    res = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {}, 'en');
    expect(res.body.details.find((d: any) => d.field === 'targets[0].text').message).toBe('Too long for X: 341 of 280 characters.');
    expect((await api(admin.token, 'GET', `/posts/${created.id}`)).body.status).toBe('draft');
  });

  it('requires an English variant for a wisata post', async () => {
    const created = (await api(admin.token, 'POST', '/posts', base({ pillar: 'wisata' }))).body;
    const res = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'variants.en', code: 'content.post.englishRequired', message: 'Unggahan Wisata wajib memiliki versi bahasa Inggris.' },
    ]);
  });

  it('warns (not errors) on glossary names in the English variant, with live counters', async () => {
    const res = await api(
      admin.token,
      'POST',
      '/posts/validate',
      base({
        pillar: 'wisata',
        variants: bilingual('Ayo ke KRB!', 'Visit Kebun Raya Bogor and the Bogor Zoological Museum!'),
        targets: [{ accountId: x.id, language: 'en' }],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    expect(res.body.warnings.map((w: any) => w.message)).toEqual([
      '"Kebun Raya Bogor" belum diterjemahkan. Gunakan "Bogor Botanical Gardens".',
      'Gunakan "Bogor Zoology Museum", bukan "Bogor Zoological Museum".',
    ]);
    expect(res.body.counters).toEqual([{ accountId: x.id, platform: 'x', language: 'en', length: 68, max: 280 }]);
  });

  it('warns before scheduling about the same text on the account and posts closer than the gap', async () => {
    const first = (await api(admin.token, 'POST', '/posts', base({ scheduledAt: '2030-11-26T09:00' }))).body;
    const submitted = await api(admin.token, 'POST', `/posts/${first.id}/submit`, {});
    await api(reviewer.token, 'POST', `/posts/${first.id}/approve`, { version: submitted.body.version });
    expect((await api(admin.token, 'POST', `/posts/${first.id}/schedule`, {})).body.status).toBe('scheduled');
    let res = await api(admin.token, 'POST', '/posts/validate', base({ scheduledAt: '2030-11-28T09:00' }));
    expect(res.body.warnings.map((w: any) => w.message)).toEqual([
      'Teks yang sama sudah terjadwal atau terbit di akun kel_batutulis pada Selasa, 26 November 2030 pukul 09.00 WIB.',
    ]);
    res = await api(admin.token, 'POST', '/posts/validate', base({ variants: bilingual('Teks lain.'), scheduledAt: '2030-11-26T09:20' }), 'en');
    expect(res.body.warnings.map((w: any) => [w.field, w.code])).toEqual([['targets[0].scheduledAt', 'content.schedule.tooClose']]);
    expect(res.body.warnings[0].message).toContain('Less than 30 minutes');
  });

  it('answers bad input of every kind with a 400 naming the field, and leaves nothing behind', async () => {
    const before = await postCount();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [base({ pillar: 'gosip' }), 'pillar', 'Pilar konten "gosip" tidak dikenal.'],
      [base({ pillar: undefined }), 'pillar', 'Wajib diisi.'],
      [base({ targets: [{ accountId: 'abc' }] }), 'targets.0.accountId', 'Harus berupa ID yang valid.'],
      [base({ targets: [{ accountId: foreign.id }] }), 'targets[0].accountId', 'Akun ini tidak ditemukan atau Anda bukan admin akun ini.'],
      [base({ scheduledAt: '26/11/2030 09:00' }), 'scheduledAt', 'Formatnya tidak sesuai.'],
      [base({ scheduledAt: '2030-02-31T09:00' }), 'scheduledAt', 'Waktu "2030-02-31T09:00" tidak dikenali. Gunakan format 2026-11-24T09:00.'],
      [base({ scheduledAt: '2021-11-23T09:00' }), 'scheduledAt', 'Waktu terbit tidak boleh di masa lalu.'],
      [base({ timeZone: 'Mars/Olympus' }), 'timeZone', 'Nilainya tidak valid.'],
      [base({ mediaIds: ['7d0f3c6e-4a55-4f61-9d8e-0a0b0c0d0e0f'] }), 'mediaIds[0]', 'Media ini tidak ada di pustaka media unit ini.'],
      [base({ variants: [{ language: 'fr', text: 'Bonjour' }] }), 'variants.0.language', 'Harus salah satu dari: id, en.'],
      [base({ variants: [{ language: 'id', text: 'a', link: 'javascript:alert(1)' }] }), 'variants.0.link', 'Harus berupa tautan (URL) yang valid.'],
      [base({ programId: '7d0f3c6e-4a55-4f61-9d8e-0a0b0c0d0e0f' }), 'programId', 'Program prioritas tidak ditemukan.'],
      [{ ...base(), colour: 'red' }, 'colour', 'Kolom tidak dikenal.'],
    ];
    for (const [body, field, message] of cases) {
      const res = await api(admin.token, 'POST', '/posts', body);
      expect([res.status, res.body.details?.find((d: any) => d.field === field)?.message]).toEqual([400, message]);
    }
    const en = await api(admin.token, 'POST', '/posts', base({ pillar: 'gosip' }), 'en');
    expect(en.body.details[0].message).toBe('Unknown content pillar "gosip".');
    expect((await api(admin.token, 'POST', '/posts', '{"unitId": ')).status).toBe(400);
    expect(await postCount()).toBe(before);
  });
});
