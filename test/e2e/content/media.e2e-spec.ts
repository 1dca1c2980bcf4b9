import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ContentForTarget, MediaLinks, tinyPng } from '@kabar/content';
import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { BATU_TULIS, BONDONGAN, bilingual, createAccount } from './content-fixtures';

describe('media library', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let other: Awaited<ReturnType<typeof userWithRole>>;
  let unit: string;
  const api = (token: string, method: string, p: string, body?: unknown) => http(t.baseUrl, method, `/api/v1${p}`, { token, body });
  const upload = async (token: string, data: Buffer, name: string, unitId = unit) => {
    const form = new FormData();
    form.append('unitId', unitId);
    form.append('altText', 'Prasasti Batutulis');
    form.append('file', new Blob([new Uint8Array(data)]), name);
    const res = await fetch(`${t.baseUrl}/api/v1/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-media-'));
    t = await startTestApp({ dataDir });
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    other = await userWithRole(t, { unitCode: BONDONGAN, role: 'admin' });
    [{ id: unit }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('checks files by their bytes, reads the size from the header and stores them on disk', async () => {
    const res = await upload(admin.token, tinyPng(640, 480), 'foto.txt');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 640, height: 480, altText: 'Prasasti Batutulis', originalName: 'foto.txt' });
    expect(fs.existsSync(path.join(dataDir, 'media', unit, `${res.body.id}.png`))).toBe(true);
    const bad = await upload(admin.token, Buffer.from('<html>not an image</html>'), 'foto.jpg');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'file', message: 'Jenis berkas tidak didukung. Gunakan JPG, PNG, WebP, GIF, MP4, atau MOV.' });
    expect((await upload(other.token, tinyPng(10, 10), 'a.png')).status).toBe(404);
    const list = await api(admin.token, 'GET', `/media?unitId=${unit}`);
    expect(list.body.map((m: any) => m.id)).toEqual([res.body.id]);
    const file = await fetch(`${t.baseUrl}/api/v1/media/${res.body.id}/file`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect((await fetch(`${t.baseUrl}/api/v1/media/${res.body.id}/file`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
  });

  it('serves media at signed, expiring public links and gives publishing the composed content', async () => {
    const media = (await upload(admin.token, tinyPng(1080, 1080), 'ig.png')).body;
    const ig = await createAccount(t, BATU_TULIS, 'instagram');
    const post = (
      await api(admin.token, 'POST', '/posts', {
        unitId: unit,
        pillar: 'wisata',
        variants: bilingual('Halo', 'Hello'),
        mediaIds: [media.id],
        targets: [{ accountId: ig.id, language: 'en' }],
      })
    ).body;
    expect(post.media.map((m: any) => m.id)).toEqual([media.id]);
    const [target] = await t.ds.query(`SELECT id FROM post_targets WHERE post_id = $1`, [post.id]);
    const loaded = await t.app.get(ContentForTarget).load(target.id);
    expect(loaded).toMatchObject({ platform: 'instagram', language: 'en', text: 'Hello\n\n#VisitBogor' });
    const url = new URL(loaded!.content.media![0].url);
    const pub = await fetch(t.baseUrl + url.pathname);
    expect([pub.status, pub.headers.get('content-type')]).toEqual([200, 'image/png']);
    const links = t.app.get(MediaLinks);
    const expired = links.token(media.id, 60, Date.now() - 3_600_000);
    expect((await fetch(`${t.baseUrl}/api/v1/media/public/${expired}`)).status).toBe(404);
    const forged = url.pathname.replace(/.(.{4})$/, (_, rest) => (url.pathname.at(-5) === 'A' ? 'B' : 'A') + rest);
    expect((await fetch(t.baseUrl + forged)).status).toBe(404);
    expect((await api(admin.token, 'DELETE', `/media/${media.id}`)).status).toBe(409);
  });
});
