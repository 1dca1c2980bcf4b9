import { http } from '../support/http';
import { TestApp, startTestApp } from '../support/test-app';
import { unitId, userWithRole } from '../support/users';
import { BATU_TULIS, createAccount } from './content/content-fixtures';

/** Every refused request names its fields as the user sees them, in the user's language, once (libs/common's filter). */
describe('error messages name fields as the user sees them', () => {
  let t: TestApp;
  let cityAdmin: Awaited<ReturnType<typeof userWithRole>>;
  const api = (method: string, path: string, body: unknown, lang: 'id' | 'en') =>
    http(t.baseUrl, method, `/api/v1${path}`, { token: cityAdmin.token, body, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    t = await startTestApp();
    cityAdmin = await userWithRole(t, { role: 'admin' });
  }, 60_000);
  afterAll(() => t?.close());

  it.each([
    [
      'a membership without a unit',
      'POST',
      '/users',
      { email: 'baru@test.kabar', name: 'Baru', memberships: [{ unitId: 'bukan-id', role: 'admin' }] },
      'Data yang dikirim belum benar: Unit (keanggotaan 1): harus berupa ID yang valid.',
      'Some fields are not right: Unit (membership 1): must be a valid ID.',
    ],
    [
      'a program without its Indonesian name',
      'POST',
      '/programs',
      { nameEn: 'Clean Bogor' },
      /^Data yang dikirim belum benar: Nama \(bahasa Indonesia\): \S/,
      /^Some fields are not right: Name \(Indonesian\): \S/,
    ],
    [
      'a campaign ending on no date',
      'POST',
      '/campaigns',
      { unitId: '00000000-0000-4000-8000-000000000000', name: 'Bogor Bersih', endsOn: '31/12/2099' },
      'Data yang dikirim belum benar: Tanggal selesai: harus berupa tanggal dan waktu ISO 8601.',
      'Some fields are not right: End date: must be an ISO 8601 date and time.',
    ],
  ])('%s', async (_name, method, path, body, id, en) => {
    for (const [lang, want] of [
      ['id', id],
      ['en', en],
    ] as const) {
      const res = await api(method, path, body, lang);
      expect(res.status).toBe(400);
      if (typeof want === 'string') expect(res.body.message).toBe(want);
      else expect(res.body.message).toMatch(want);
      // no request field name leaks into the message, and each field is told once
      expect(res.body.message).not.toMatch(/memberships\.0|nameId|endsOn|unitId/);
      expect(res.body.details.length).toBeGreaterThan(0);
    }
  });

  it('says languages and statuses in words, and a post domain message once', async () => {
    const batuTulis = await unitId(t, BATU_TULIS);
    const acc = await createAccount(t, BATU_TULIS, 'x', 'kel_batutulis');
    const body = {
      unitId: batuTulis,
      pillar: 'cerita_wilayah',
      variants: [{ language: 'id', text: 'Kerja bakti.' }],
      targets: [{ accountId: acc.id, language: 'en' }],
    };
    const created = await api('POST', '/posts', body, 'id');
    expect(created.status).toBe(201);
    const id = await api('POST', `/posts/${created.body.id}/submit`, {}, 'id');
    expect(id.body.details.map((d: any) => d.message)).toContain('Akun kel_batutulis memakai bahasa Inggris, tetapi teks dalam bahasa itu belum ada.');
    const en = await api('POST', `/posts/${created.body.id}/submit`, {}, 'en');
    expect(en.body.details.map((d: any) => d.message)).toContain('Account kel_batutulis uses English, but there is no text in that language.');
    // a step the status does not allow names the status as the console shows it
    const wrong = await api('POST', `/posts/${created.body.id}/unschedule`, {}, 'id');
    expect(wrong.body.message).toBe('Langkah ini tidak dapat dilakukan pada unggahan berstatus "Draf".');
    const wrongEn = await api('POST', `/posts/${created.body.id}/unschedule`, {}, 'en');
    expect(wrongEn.body.message).toBe('This step is not possible for a post with status "Draft".');
  });
});
