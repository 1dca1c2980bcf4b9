import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MediaRefused } from './media-facts';
import { probeBuffer, probeFile } from './media-probe';
import { box, mp4Moov, mp4Parts, tinyJpeg, tinyMp4, tinyPng } from './media-samples';
import { sniffKind } from './media-sniff';

const fixture = (name: string) => fs.readFile(path.join(__dirname, 'fixtures', name));
const refusal = async (data: Buffer) => {
  const e = await probeBuffer(data).catch((err: unknown) => err);
  if (!(e instanceof MediaRefused)) throw new Error(`accepted: ${JSON.stringify(e)}`);
  return e.code;
};

describe('media probe', () => {
  it('reads real files made by ffmpeg: MP4, MOV turned 90°, JPEG, GIF, WebP (lossy and lossless)', async () => {
    expect(await probeBuffer(await fixture('video.mp4'))).toEqual({ mimeType: 'video/mp4', kind: 'video', width: 96, height: 64, durationMs: 500 });
    expect(await probeBuffer(await fixture('rotated.mov'))).toEqual({ mimeType: 'video/quicktime', kind: 'video', width: 64, height: 96, durationMs: 500 });
    expect(await probeBuffer(await fixture('photo.jpg'))).toEqual({ mimeType: 'image/jpeg', kind: 'image', width: 40, height: 30, durationMs: null });
    expect(await probeBuffer(await fixture('anim.gif'))).toMatchObject({ mimeType: 'image/gif', width: 40, height: 30 });
    expect(await probeBuffer(await fixture('photo.webp'))).toMatchObject({ mimeType: 'image/webp', width: 40, height: 30 });
    expect(await probeBuffer(await fixture('lossless.webp'))).toMatchObject({ mimeType: 'image/webp', width: 40, height: 30 });
  });

  it('reads PNG, the JPEG skeleton and an extended WebP', async () => {
    expect(await probeBuffer(tinyPng(640, 480))).toEqual({ mimeType: 'image/png', kind: 'image', width: 640, height: 480, durationMs: null });
    expect(await probeBuffer(tinyJpeg(1080, 1350))).toMatchObject({ mimeType: 'image/jpeg', width: 1080, height: 1350 });
    const lossless = await fixture('lossless.webp');
    const vp8x = Buffer.concat([Buffer.from('VP8X'), Buffer.from([10, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0x7f, 0x02, 0x00, 0xdf, 0x01, 0x00])]);
    const chunks = Buffer.concat([Buffer.from('WEBP'), vp8x, lossless.subarray(12)]);
    const riff = Buffer.concat([Buffer.from('RIFF'), Buffer.from(Uint32Array.of(chunks.length).buffer), chunks]);
    expect(await probeBuffer(riff)).toMatchObject({ mimeType: 'image/webp', width: 640, height: 480 });
  });

  it('walks the MP4 box tree: moov after a large mdat, 64-bit box sizes, the sample entry when tkhd has no size', async () => {
    const { head, tail } = mp4Parts({ width: 1920, height: 1080, durationMs: 61_500, mdatBytes: 3 * 1024 * 1024 });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kabar-probe-'));
    try {
      const file = path.join(dir, 'v.mp4');
      await fs.writeFile(file, Buffer.concat([head, Buffer.alloc(3 * 1024 * 1024, 7), tail]));
      expect(await probeFile(file)).toEqual({ mimeType: 'video/mp4', kind: 'video', width: 1920, height: 1080, durationMs: 61_500 });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
    const ftyp = box('ftyp', Buffer.from('mp42\0\0\0\0mp42isom', 'latin1'));
    const large = Buffer.concat([Buffer.from([0, 0, 0, 1]), Buffer.from('mdat'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 20]), Buffer.alloc(4)]);
    expect(await probeBuffer(Buffer.concat([ftyp, large, mp4Moov({ width: 720, height: 1280, durationMs: 15_000 })]))).toMatchObject({
      width: 720,
      height: 1280,
      durationMs: 15_000,
    });
    const entryOnly = mp4Moov({ width: 320, height: 240, durationMs: 1000, sizeInTkhd: false });
    expect(await probeBuffer(Buffer.concat([ftyp, box('mdat'), entryOnly]))).toMatchObject({ width: 320, height: 240 });
    expect(await refusal(Buffer.concat([ftyp, box('mdat'), mp4Moov({ width: 0, height: 0, durationMs: 1000 })]))).toBe('damaged');
  });

  it('refuses a file whose first bytes say MP4 but whose box structure is broken', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    const fake = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12), garbage]);
    expect(sniffKind(fake)).toBe('video'); // what the old sniffer went by
    expect(await refusal(fake)).toBe('damaged');
    const real = await fixture('video.mp4');
    expect(await refusal(real.subarray(0, real.length - 100))).toBe('damaged'); // truncated
    expect(await refusal(Buffer.concat([real, Buffer.from('xx')]))).toBe('damaged'); // stray bytes
    const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1'));
    expect(await refusal(Buffer.concat([ftyp, box('mdat', Buffer.alloc(100))]))).toBe('damaged'); // no moov
    expect(await refusal(Buffer.concat([ftyp, mp4Moov({ width: 640, height: 360, durationMs: 1000 })]))).toBe('damaged'); // no media data
  });

  it('refuses sound without a picture, HEIF images in an MP4 box, and text whatever its name', async () => {
    expect(await refusal(await fixture('sound.m4a'))).toBe('noVideoTrack');
    expect(await refusal(tinyMp4({ width: 0, height: 0, durationMs: 3000, handler: 'soun' }))).toBe('noVideoTrack');
    expect(await refusal(tinyMp4({ width: 512, height: 512, durationMs: 0, brand: 'heic' }))).toBe('unsupportedType');
    expect(await refusal(Buffer.from('<html><body>not an image</body></html>'))).toBe('unsupportedType');
    expect(sniffKind(Buffer.from('<html><body>not an image</body></html>'))).toBeNull();
  });

  it('refuses damaged images', async () => {
    const jpeg = await fixture('photo.jpg');
    expect(await refusal(jpeg.subarray(0, 100))).toBe('damaged'); // ends before its scan
    const png = tinyPng(8, 8);
    png[20] ^= 1; // IHDR no longer matches its checksum
    expect(await refusal(png)).toBe('damaged');
    expect(await refusal(tinyPng(8, 8).subarray(0, 40))).toBe('damaged');
    const gif = await fixture('anim.gif');
    expect(await refusal(Buffer.concat([gif.subarray(0, 13 + 768), Buffer.from([0x99])]))).toBe('damaged');
    const webp = await fixture('photo.webp');
    expect(await refusal(webp.subarray(0, 200))).toBe('damaged');
  });
});
