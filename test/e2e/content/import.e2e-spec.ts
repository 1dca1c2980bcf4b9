import { TestApp, startTestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { BATU_TULIS, BONDONGAN, createAccount } from './content-fixtures';

describe('CSV bulk import (Hootsuite, Sprout Social, Kabar layouts)', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let unit: string;
  let x: { id: string; handle: string };
  let fb: { id: string; handle: string };
  const count = async () => Number((await t.ds.query(`SELECT count(*) AS n FROM posts`))[0].n);
  const send = async (csv: string, fields: Record<string, string> = {}, lang = 'id') => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'jadwal.csv');
    const res = await fetch(`${t.baseUrl}/api/v1/posts/import`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${admin.token}`, 'accept-language': lang },
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    [{ id: unit }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS]);
    x = await createAccount(t, BATU_TULIS, 'x', 'kel_batutulis');
    fb = await createAccount(t, BATU_TULIS, 'facebook', 'kelurahanbatutulis');
    await createAccount(t, BONDONGAN, 'x', 'kel_bondongan');
  }, 60_000);
  afterAll(() => t?.close());

  it('imports a Hootsuite file: DD/MM/YYYY HH:mm in the unit’s zone, for the accounts of the request', async () => {
    const csv = '26/11/2030 09:00,"Kerja bakti RW 05, Minggu pagi",https://kotabogor.go.id\r\n27/11/2030 19:30,Posyandu Melati buka,\r\n';
    const res = await send(csv, { unitId: unit, accountIds: `${x.id},${fb.id}`, pillar: 'cerita_wilayah' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ layout: 'hootsuite', imported: 2 });
    const rows = await t.ds.query(
      `SELECT p.scheduled_at, p.status, v.text, v.link, (SELECT count(*)::int FROM post_targets t WHERE t.post_id = p.id) AS targets
      FROM posts p JOIN post_variants v ON v.post_id = p.id WHERE p.id = ANY($1) ORDER BY p.scheduled_at`,
      [res.body.postIds],
    );
    expect(rows.map((r: any) => [new Date(r.scheduled_at).toISOString(), r.status, r.text, r.link, r.targets])).toEqual([
      ['2030-11-26T02:00:00.000Z', 'draft', 'Kerja bakti RW 05, Minggu pagi', 'https://kotabogor.go.id', 2],
      ['2030-11-27T12:30:00.000Z', 'draft', 'Posyandu Melati buka', null, 2],
    ]);
  });

  it('imports a Sprout Social file with its header', async () => {
    const csv = 'date,time_24hr,message_text,link\n2030-12-01,08:15,Senam sehat bersama di Lapangan Sempur,\n';
    const res = await send(csv, { unitId: unit, accountIds: x.id, pillar: 'layanan_publik' });
    expect([res.status, res.body.layout, res.body.imported]).toEqual([200, 'sprout', 1]);
  });

  it('imports Kabar’s own layout: unit code, accounts by handle, pillar, program, both languages', async () => {
    const csv = [
      'unit_code;accounts;pillar;program;date;time;id_text;en_text;link;hashtags',
      `${BATU_TULIS};kel_batutulis @kelurahanbatutulis;wisata;;28/11/2030;10:00;Ayo ke Prasasti Batutulis;Visit the Batutulis Inscription;;KotaBogor`,
    ].join('\n');
    const res = await send(csv);
    expect([res.status, res.body.layout, res.body.imported]).toEqual([200, 'kabar', 1]);
    const variants = await t.ds.query(`SELECT language, hashtags FROM post_variants WHERE post_id = $1 ORDER BY language DESC`, [res.body.postIds[0]]);
    expect(variants).toEqual([
      { language: 'id', hashtags: ['KotaBogor'] },
      { language: 'en', hashtags: ['KotaBogor'] },
    ]);
  });

  it('refuses a bad file whole: every bad row named with its field and why, nothing written', async () => {
    const before = await count();
    const csv = [
      'unit_code,accounts,pillar,program,date,time,id_text,en_text',
      `${BATU_TULIS},kel_batutulis,cerita_wilayah,,30/11/2030,09:00,Baris yang benar,`,
      `${BATU_TULIS},kel_batutulis,cerita_wilayah,,2030-11-30,09:00,Tanggal salah,`,
      `${BONDONGAN},kel_bondongan,cerita_wilayah,,30/11/2030,09:00,Unit orang lain,`,
      `${BATU_TULIS},kel_batutulis,wisata,,30/11/2030,10:00,Wisata tanpa bahasa Inggris,`,
      `${BATU_TULIS},kel_batutulis,cerita_wilayah,,30/11/2030,11:00,"${'panjang '.repeat(40)}",`,
      `${BATU_TULIS},tidak_ada,cerita_wilayah,tidak_ada,01/01/2020,11:00,Akun dan program salah,`,
    ].join('\n');
    const res = await send(csv);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: any) => [d.field, d.message])).toEqual([
      ['rows[3].date', 'Baris 3, kolom "date": format tidak dikenali. Gunakan DD/MM/YYYY + HH:mm.'],
      ['rows[4].unit_code', `Baris 4: unit "${BONDONGAN}" tidak ditemukan atau bukan unit Anda.`],
      ['rows[5].variants.en', 'Baris 5: Unggahan Wisata wajib memiliki versi bahasa Inggris.'],
      ['rows[6].targets[0].text', 'Baris 6: Terlalu panjang untuk X: 319 dari 280 karakter.'],
      ['rows[7].accounts', 'Baris 7: akun "tidak_ada" tidak ditemukan atau bukan akun Anda.'],
      ['rows[7].program', 'Baris 7: program "tidak_ada" tidak ditemukan.'],
    ]);
    // the summary names rows as the user sees them, each message once, no request field names
    expect(res.body.message).toBe(
      `Data yang dikirim belum benar: Baris 3, kolom "date": format tidak dikenali. Gunakan DD/MM/YYYY + HH:mm; Baris 4: unit "${BONDONGAN}" tidak ditemukan atau bukan unit Anda; Baris 5: Unggahan Wisata wajib memiliki versi bahasa Inggris; Baris 6: Terlalu panjang untuk X: 319 dari 280 karakter; Baris 7: akun "tidak_ada" tidak ditemukan atau bukan akun Anda; Baris 7: program "tidak_ada" tidak ditemukan.`,
    );
    const en = await send(csv, {}, 'en');
    expect(en.body.details[0].message).toBe('Row 3, column "date": format not recognised. Use DD/MM/YYYY + HH:mm.');
    expect(en.body.message).not.toMatch(/rows\[|unit_code|variants|targets\[/);
    expect(await count()).toBe(before);
  });

  it('answers unreadable and incomplete requests with a 400 naming the field', async () => {
    expect((await send('26/11/2030 09:00,Halo\n')).body.details[0].field).toBe('unitId');
    expect((await send('a,"b\n', { unitId: unit })).body.details[0].field).toBe('file');
    expect((await send('foo,bar\n1,2\n')).body.details[0].message).toBe('Format CSV tidak dikenali. Gunakan format Hootsuite, Sprout Social, atau Kabar.');
    expect((await send('01/01/2020 09:00,Lampau\n', { unitId: unit, accountIds: x.id, pillar: 'cerita_wilayah' })).body.details[0]).toMatchObject({
      field: 'rows[1].scheduledAt',
      message: 'Baris 1: Waktu terbit tidak boleh di masa lalu.',
    });
  });
});
