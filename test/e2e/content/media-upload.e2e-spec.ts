import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { mediaSizeLimits, mp4Parts, tinyPng } from '@kabar/content';
import { http as api } from '../../support/http';
import { spawnApp } from '../../support/spawn-app';
import { createTestDatabase } from '../../support/test-database';
import { TestApp, startTestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { BATU_TULIS, BONDONGAN } from './content-fixtures';

const FIXTURES = path.join(__dirname, '../../../libs/content/src/media/fixtures');
const MB = 1024 * 1024;

interface Sent {
  status: number;
  body: any;
  /** bytes of the file part written before the answer came */
  sent: number;
}

/**
 * A multipart upload over a plain HTTP request, the file streamed from `chunks` (never one buffer).
 * Stops sending when the answer arrives (a server that refuses early is seen doing so).
 */
function streamUpload(
  baseUrl: string,
  token: string,
  fields: Array<[string, string]>,
  chunks: Iterable<Buffer>,
  opts: { abortAfter?: number; fileFirst?: boolean } = {},
): Promise<Sent> {
  const boundary = `kabar-${Math.random().toString(16).slice(2)}`;
  const fieldParts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(`${baseUrl}/api/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined, sent });
      });
    });
    req.on('error', (e) => {
      if (!answered && opts.abortAfter === undefined) reject(e);
    });
    const write = (b: Buffer | string) => (req.write(b) ? Promise.resolve() : new Promise<void>((r) => req.once('drain', () => r())));
    void (async () => {
      if (!opts.fileFirst) await write(fieldParts);
      await write(fileHead);
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        await write(chunk);
        sent += chunk.length;
        if (opts.abortAfter !== undefined && sent >= opts.abortAfter) {
          req.destroy();
          return resolve({ status: 0, body: undefined, sent });
        }
      }
      req.end(opts.fileFirst ? `\r\n${fieldParts}--${boundary}--\r\n` : `\r\n--${boundary}--\r\n`);
    })().catch(reject);
  });
}

/** `total` bytes in 1 MiB chunks of a repeating pattern, made as they are sent. */
function* filler(total: number): Generator<Buffer> {
  const chunk = Buffer.alloc(MB, 'kabar-');
  for (let left = total; left > 0; left -= MB) yield left >= MB ? chunk : chunk.subarray(0, left);
}

/** An MP4 with `mdatBytes` of generated media data between its header and its moov. */
function* generatedMp4(mdatBytes: number, hash?: ReturnType<typeof createHash>): Generator<Buffer> {
  const { head, tail } = mp4Parts({ width: 1280, height: 720, durationMs: 90_000, mdatBytes });
  for (const b of [head, ...filler(mdatBytes), tail]) {
    hash?.update(b);
    yield b;
  }
}

const waitFor = async (what: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end && !what();) await new Promise((r) => setTimeout(r, 50));
  return what();
};

describe('media uploads: streamed to disk, checked by a parser, within limits and a quota', () => {
  const QUOTA = 60 * MB;
  let t: TestApp;
  let dataDir: string;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let other: Awaited<ReturnType<typeof userWithRole>>;
  let unit: string;
  let otherUnit: string;
  const incoming = () => (fs.existsSync(path.join(dataDir, 'media', '.incoming')) ? fs.readdirSync(path.join(dataDir, 'media', '.incoming')) : []);
  const upload = async (token: string, data: Buffer, name: string, unitId = unit) => {
    const form = new FormData();
    form.append('unitId', unitId);
    form.append('file', new Blob([new Uint8Array(data)]), name);
    const res = await fetch(`${t.baseUrl}/api/v1/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const rows = async (unitId: string) => Number((await t.ds.query(`SELECT count(*)::int AS n FROM media WHERE unit_id = $1`, [unitId]))[0].n);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-upload-'));
    t = await startTestApp({ dataDir, mediaQuotaBytes: QUOTA });
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    other = await userWithRole(t, { unitCode: BONDONGAN, role: 'admin' });
    [{ id: unit }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS]);
    [{ id: otherUnit }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BONDONGAN]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a real tiny MP4 and JPEG with their size, duration and hash', async () => {
    const mp4 = fs.readFileSync(path.join(FIXTURES, 'video.mp4'));
    const video = await upload(admin.token, mp4, 'klip.mp4');
    expect(video.status).toBe(201);
    expect(video.body).toMatchObject({ kind: 'video', mimeType: 'video/mp4', width: 96, height: 64, durationMs: 500, bytes: mp4.length });
    const jpeg = fs.readFileSync(path.join(FIXTURES, 'photo.jpg'));
    const photo = await upload(admin.token, jpeg, 'foto.jpg');
    expect(photo.body).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', width: 40, height: 30, durationMs: null });
    const [row] = await t.ds.query(`SELECT sha256, duration_ms FROM media WHERE id = $1`, [video.body.id]);
    expect(row).toEqual({ sha256: createHash('sha256').update(mp4).digest('hex'), duration_ms: 500 });
    expect(fs.readFileSync(path.join(dataDir, 'media', unit, `${video.body.id}.mp4`)).equals(mp4)).toBe(true);
    const served = await fetch(`${t.baseUrl}/api/v1/media/${video.body.id}/file`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect([served.status, served.headers.get('content-type'), served.headers.get('content-length')]).toEqual([200, 'video/mp4', String(mp4.length)]);
    expect(Buffer.from(await served.arrayBuffer()).equals(mp4)).toBe(true);
    expect(incoming()).toEqual([]);
  });

  it('refuses with 400 a file whose bytes 4–7 read ftyp but whose boxes are garbage, and sound without a picture', async () => {
    const garbage = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom'),
      Buffer.alloc(12),
      Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 31 + 7) % 256)),
    ]);
    const before = await rows(unit);
    const res = await upload(admin.token, garbage, 'video.mp4');
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({
      field: 'file',
      code: 'content.media.damaged',
      message: 'Berkas tampak seperti MP4 tetapi rusak atau tidak lengkap.',
    });
    const sound = await upload(admin.token, fs.readFileSync(path.join(FIXTURES, 'sound.m4a')), 'lagu.mp4');
    expect([sound.status, sound.body.details[0].code]).toEqual([400, 'content.media.noVideoTrack']);
    expect(await rows(unit)).toBe(before);
    expect(incoming()).toEqual([]);
  });

  it('stops an image at its limit while it streams: 413, the rest never read into storage, no temp file', async () => {
    const limit = mediaSizeLimits().image;
    const stored = fs.readdirSync(path.join(dataDir, 'media', unit)).length;
    const png = tinyPng(16, 16);
    const total = limit + 40 * MB;
    const res = await streamUpload(t.baseUrl, admin.token, [['unitId', unit]], [png, ...filler(total - png.length)]);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', message: `Ukuran gambar paling besar ${limit / MB} MB.` });
    expect(res.sent).toBeLessThan(limit + 16 * MB); // answered near the limit, not after the whole body
    expect(await waitFor(() => incoming().length === 0)).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'media', unit)).length).toBe(stored);
  });

  it('removes the temp file when the client goes away mid-upload', async () => {
    const stored = fs.readdirSync(path.join(dataDir, 'media', unit)).length;
    const res = await streamUpload(t.baseUrl, admin.token, [['unitId', unit]], generatedMp4(20 * MB), { abortAfter: 4 * MB });
    expect(res.status).toBe(0);
    expect(await waitFor(() => incoming().length === 0)).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'media', unit)).length).toBe(stored);
  });

  it('keeps each unit within its storage quota: refused before reading when full, while streaming when the file would not fit', async () => {
    const used = QUOTA - 3 * MB;
    await t.ds.query(
      `INSERT INTO media (unit_id, kind, mime_type, bytes, storage_key, original_name, sha256) VALUES ($1, 'video', 'video/mp4', $2, 'x/old.mp4', 'old.mp4', '')`,
      [otherUnit, used],
    );
    const fits = await upload(other.token, fs.readFileSync(path.join(FIXTURES, 'photo.jpg')), 'foto.jpg', otherUnit);
    expect(fits.status).toBe(201);
    const big = await streamUpload(t.baseUrl, other.token, [['unitId', otherUnit]], generatedMp4(40 * MB));
    expect(big.status).toBe(409);
    expect(big.body.message).toBe(
      `Ruang media unit ini penuh: ${Math.round((used + 1862) / 104857.6) / 10} MB dari 60 MB sudah terpakai dan berkas ini tidak muat. Hapus media yang tidak diperlukan lagi, atau minta tambahan ruang kepada operator.`,
    );
    expect(big.sent).toBeLessThan(20 * MB); // stopped near the 3 MB that were left
    await t.ds.query(`UPDATE media SET bytes = $2 WHERE unit_id = $1 AND original_name = 'old.mp4'`, [otherUnit, QUOTA]);
    const full = await streamUpload(t.baseUrl, other.token, [['unitId', otherUnit]], [fs.readFileSync(path.join(FIXTURES, 'photo.jpg'))]);
    expect([full.status, full.body.details[0].code]).toEqual([409, 'content.media.quotaExceeded']);
    expect(await rows(otherUnit)).toBe(2);
    expect(await waitFor(() => incoming().length === 0)).toBe(true);
    // the first unit's quota is its own
    expect((await upload(admin.token, tinyPng(20, 20), 'a.png')).status).toBe(201);
  });

  it('needs the unit before the file, and refuses other units and stray parts', async () => {
    const late = await streamUpload(t.baseUrl, admin.token, [['unitId', unit]], [tinyPng(4, 4)], { fileFirst: true });
    expect([late.status, late.body.details[0]]).toEqual([400, expect.objectContaining({ field: 'unitId', code: 'content.media.unitFirst' })]);
    expect((await upload(other.token, tinyPng(4, 4), 'a.png')).status).toBe(404);
    const extra = await streamUpload(
      t.baseUrl,
      admin.token,
      [
        ['unitId', unit],
        ['pillar', 'wisata'],
      ],
      [tinyPng(4, 4)],
    );
    expect([extra.status, extra.body.details[0]]).toEqual([400, expect.objectContaining({ field: 'pillar', code: 'validation.unknownField' })]);
    const nul = await streamUpload(
      t.baseUrl,
      admin.token,
      [
        ['unitId', unit],
        ['altText', 'Batu\u0000tulis'],
      ],
      [tinyPng(4, 4)],
    );
    expect([nul.status, nul.body.details[0]]).toEqual([400, expect.objectContaining({ field: 'altText', code: 'validation.invalid' })]);
    const json = await api(t.baseUrl, 'POST', '/api/v1/media', { token: admin.token, body: { unitId: unit } });
    expect([json.status, json.body.details[0].code]).toEqual([400, 'content.media.fileRequired']);
    expect(incoming()).toEqual([]);
  });
});

describe('media upload memory (the built product, spawned)', () => {
  it('a 150 MB video, then three at once, stream through: the API process grows by far less than the files', async () => {
    const db = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-upload-mem-'));
    const env = {
      DATABASE_URL: db.url,
      KABAR_DATA_DIR: dataDir,
      KABAR_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
      KABAR_ADMIN_EMAIL: 'ops@kabar.test',
      KABAR_ADMIN_PASSWORD: 'kata-sandi-operator-1',
    };
    const app = await spawnApp(env, []);
    const pg = new Client({ connectionString: db.url });
    try {
      await pg.connect();
      const [{ id: root }] = (await pg.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`)).rows;
      const login = await api(app.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: env.KABAR_ADMIN_EMAIL, password: env.KABAR_ADMIN_PASSWORD } });
      const send = (mp4: Iterable<Buffer>) => streamUpload(app.baseUrl, login.body.accessToken, [['unitId', root]], mp4);
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${app.proc.pid}/status`, 'utf8'))![1]) * 1024;
      expect((await send(generatedMp4(2 * MB))).status).toBe(201); // the route warmed up once
      await new Promise((r) => setTimeout(r, 500));
      const base = kb('VmRSS');
      try {
        fs.writeFileSync(`/proc/${app.proc.pid}/clear_refs`, '5'); // VmHWM starts again from here
      } catch {
        /* without it the sampled peak still counts */
      }
      let peak = base;
      const sampler = setInterval(() => (peak = Math.max(peak, kb('VmRSS'))), 25);
      const growth = () => Math.max(peak, kb('VmHWM')) - base;
      try {
        const hash = createHash('sha256');
        const res = await send(generatedMp4(150 * MB, hash));
        expect(res.status).toBe(201);
        expect(growth()).toBeLessThan(64 * MB); // before: the whole file in memory, +150 MB and more
        expect(res.body).toMatchObject({ kind: 'video', mimeType: 'video/mp4', width: 1280, height: 720, durationMs: 90_000 });
        expect(res.body.bytes).toBeGreaterThan(150 * MB);
        expect((await pg.query(`SELECT sha256 FROM media WHERE id = $1`, [res.body.id])).rows[0].sha256).toBe(hash.digest('hex'));
        const parallel = await Promise.all([1, 2, 3].map(() => send(generatedMp4(50 * MB))));
        expect(parallel.map((r) => r.status)).toEqual([201, 201, 201]);
        expect(growth()).toBeLessThan(64 * MB);
      } finally {
        clearInterval(sampler);
      }
      expect(fs.readdirSync(path.join(dataDir, 'media', '.incoming'))).toEqual([]);
    } finally {
      await pg.end();
      await app.stop();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
