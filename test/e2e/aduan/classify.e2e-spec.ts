import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import wilayah from '../../../config/seed/kota-bogor-wilayah.json';
import { CorrectionsRepository } from '@kabar/aduan';
import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { unitId, userWithRole } from '../../support/users';

const ROOT = path.resolve(__dirname, '../../..');
const KEDUNG_BADAK = '32.71.06.1003';
const BATU_TULIS = '32.71.01.1001';

describe('aduan: POST /api/v1/aduan/classify (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let viewer: Awaited<ReturnType<typeof userWithRole>>;
  const classify = (body: unknown, lang = 'id', token = viewer.token) =>
    http(t.baseUrl, 'POST', '/api/v1/aduan/classify', { token, body, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    t = await startTestApp();
    // any signed-in user: a viewer of one kelurahan
    viewer = await userWithRole(t, { unitCode: BATU_TULIS, role: 'viewer' });
  }, 60_000);
  afterAll(() => t?.close());

  it('classifies, places and routes each comment, with reasons', async () => {
    const res = await classify({
      items: [
        { text: 'kdg badak arah yasmin macet parah tiap pagi, tolong dishub atur lalinnya', platform: 'instagram' },
        { text: 'SLOT GACOR malam ini maxwin, depo 10rb langsung jp, link di bio 🎰' },
        { text: 'min bikin ktp udah 3 bulan belum jadi, katanya blangko habis terus' },
        { text: 'genteng rumah saya bocor, ada yang tau tukang genteng yang bagus?' },
        { text: 'terima kasih dlh, sampah di jalan kami sudah diangkut tadi pagi 🙏', context: 'Kerja bakti di Kelurahan Tajur' },
      ],
    });
    expect(res.status).toBe(200);
    const [traffic, spam, ktp, roof, thanks] = res.body.items;

    expect(traffic).toMatchObject({ isComplaint: true, category: 'kemacetan' });
    expect(traffic.score).toBeGreaterThan(0.5);
    expect(traffic.agency).toEqual({ unitId: await unitId(t, '32.71.OPD.DISHUB'), code: '32.71.OPD.DISHUB', name: 'Dinas Perhubungan' });
    expect(traffic.place).toMatchObject({ unitId: await unitId(t, KEDUNG_BADAK), name: 'Kedung Badak', kind: 'kelurahan', matched: 'kdg badak' });
    expect(traffic.kelurahan).toEqual({ unitId: await unitId(t, KEDUNG_BADAK), name: 'Kedung Badak' });
    expect(traffic.reasons.some((r: any) => r.supports === 'complaint' && /macet/.test(r.text))).toBe(true);
    expect(traffic.reasons.some((r: any) => r.supports === 'category')).toBe(true);

    expect(spam).toMatchObject({ isComplaint: false, category: null, agency: null, kelurahan: null });
    expect(spam.reasons.length).toBeGreaterThan(0);
    expect(spam.reasons.every((r: any) => r.supports === 'not_complaint')).toBe(true);

    expect(ktp).toMatchObject({ isComplaint: true, category: 'layanan_administrasi' });
    expect(ktp.agency).toMatchObject({ code: '32.71.OPD.DISDUKCAPIL', unitId: await unitId(t, '32.71.OPD.DISDUKCAPIL') });
    expect(ktp.place).toBeNull();

    // the roof tile is not kelurahan Genteng
    expect(roof.isComplaint).toBe(false);
    expect(roof.place).toBeNull();

    // thanks for a fixed problem is no complaint; the post it answers names a place, labelled as such
    expect(thanks).toMatchObject({ isComplaint: false, place: null });
    expect(thanks.contextPlace).toMatchObject({ name: 'Tajur', kind: 'kelurahan', unitId: await unitId(t, '32.71.02.1006') });
  });

  it('answers 1,000 comments in the order they were sent', async () => {
    const kelurahan = wilayah.kecamatan.flatMap((k) => k.kelurahan);
    const items = Array.from({ length: 1000 }, (_, i) => {
      const kel = kelurahan[i % kelurahan.length];
      return {
        text: i % 2 ? `jalan di kelurahan ${kel.name} rusak parah, lubangnya dalam banget` : `sampah di kelurahan ${kel.name} numpuk seminggu ga diangkut`,
      };
    });
    const res = await classify({ items });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1000);
    const ids = new Map((await t.ds.query(`SELECT id, code FROM units WHERE kind = 'kelurahan'`)).map((r: any) => [r.code, r.id]));
    res.body.items.forEach((r: any, i: number) => {
      expect(r.place?.unitId).toBe(ids.get(kelurahan[i % kelurahan.length].code));
      expect(r.category).toBe(i % 2 ? 'jalan_rusak' : 'sampah_kebersihan');
    });
  });

  it('refuses more than 1,000 comments, in Indonesian and English', async () => {
    const items = Array.from({ length: 1001 }, () => ({ text: 'macet' }));
    let res = await classify({ items });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect(res.body.details).toEqual([{ field: 'items', code: 'validation.arrayMaxSize', message: 'Paling banyak 1000 butir.' }]);
    expect(res.body.message).toBe('Data yang dikirim belum benar: Butir: paling banyak 1000 butir.');
    res = await classify({ items }, 'en');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Some fields are not right: Items: at most 1000 items.');
  });

  it('refuses bad items with the field named, in the caller’s language', async () => {
    let res = await classify({ items: [{ text: 'jalan rusak' }, { text: '' }, { text: 42 }, { platform: 'x' }] });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.details.map((d: any) => [d.field, d.message]));
    expect(byField).toEqual({ 'items.1.text': 'Wajib diisi.', 'items.2.text': 'Harus berupa teks.', 'items.3.text': 'Wajib diisi.' });
    res = await classify({ items: [{ text: 'x'.repeat(5001) }] }, 'en');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'items.0.text', code: 'validation.maxLength', message: 'At most 5000 characters.' }]);
    res = await classify({ items: [{ text: 'ok', extra: 1 }] }, 'en');
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: 'items.0.extra', message: 'Unknown field.' });
    for (const body of [{}, { items: [] }, { items: 'macet' }]) {
      res = await classify(body);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('items');
    }
  });

  it('needs a signed-in user and writes no audit entry', async () => {
    const res = await http(t.baseUrl, 'POST', '/api/v1/aduan/classify', { body: { items: [{ text: 'macet' }] } });
    expect(res.status).toBe(401);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'Classify.%'`);
    expect(n).toBe(0);
  });

  it('keeps a person’s correction for the next training', async () => {
    const repo = new CorrectionsRepository(t.ds);
    await repo.record({ text: 'lampu jalan di gang kami nyala kedip2 terus', isComplaint: true, category: 'penerangan_jalan', correctedBy: viewer.id });
    await repo.record({ text: 'info slot gacor', isComplaint: false, category: 'lainnya', correctedBy: null });
    const labelled = await repo.asLabelled();
    expect(labelled.map((c) => [c.text, c.complaint, c.category])).toEqual([
      ['lampu jalan di gang kami nyala kedip2 terus', true, 'penerangan_jalan'],
      ['info slot gacor', false, null],
    ]);
    const [row] = await t.ds.query(`SELECT corrected_by, corrected_at FROM aduan_corrections ORDER BY corrected_at LIMIT 1`);
    expect(row.corrected_by).toBe(viewer.id);
    expect(row.corrected_at).toBeInstanceOf(Date);
    await expect(t.ds.query(`INSERT INTO aduan_corrections (text, is_complaint) VALUES ('x', true)`)).rejects.toThrow(/check constraint/);
  });

  it('feeds the corrections to `npm run aduan:train` (the built script, against this database)', async () => {
    const script = path.join(ROOT, 'dist/libs/aduan/src/cli/train.js');
    if (!fs.existsSync(script)) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-aduan-')), 'model.json');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [script, '--out', out],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: t.databaseUrl }, timeout: 120_000 },
        (err, so, se) => (err ? reject(new Error(`${err.message}\n${so}\n${se}`)) : resolve(so)),
      ),
    );
    expect(stdout).toMatch(/corrections used: 2/);
    expect(stdout).toMatch(/written: .*model\.json \(no_current\)/);
    const model = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(model.trainedOn.corrections).toBe(2);
    expect(model.heldOut.detection.f1).toBeGreaterThan(0.88);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }, 150_000);
});
