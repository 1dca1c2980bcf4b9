import { deflateSync } from 'zlib';

/** Small but valid media for tests and the demo (a PNG of one colour; a baseline JPEG skeleton; MP4 box trees). */
export function tinyPng(width: number, height: number, rgb: [number, number, number] = [46, 125, 50]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** SOI, an APP0 segment, a SOF0 frame header and a scan: the structure a parser checks (not decodable pixels). */
export function tinyJpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, sos, Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]), Buffer.from([0xff, 0xd9])]);
}

const u32 = (...values: number[]) => {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, 4 * i));
  return b;
};

/** One ISO BMFF box: 32-bit size, type, content. */
export function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

const UNITY = u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);

export interface Mp4Options {
  width: number;
  height: number;
  durationMs: number;
  /** 'vide' for a video track, 'soun' for sound only */
  handler?: string;
  brand?: string;
  /** tkhd matrix (9 values); default: unity */
  matrix?: number[];
  /** false: the track header leaves width and height 0 (only the sample description has them) */
  sizeInTkhd?: boolean;
}

/** A moov box: mvhd (duration, timescale 1000) and one track with tkhd, mdhd, hdlr and an avc1 sample description. */
export function mp4Moov(o: Mp4Options): Buffer {
  const matrix = o.matrix ? u32(...o.matrix) : UNITY;
  const mvhd = box('mvhd', u32(0, 0, 0, 1000, o.durationMs, 0x10000), Buffer.from([1, 0]), Buffer.alloc(10), UNITY, Buffer.alloc(24), u32(2));
  const tkhd = box('tkhd', u32(3, 0, 0, 1, 0, o.durationMs, 0, 0, 0, 0), matrix, o.sizeInTkhd === false ? u32(0, 0) : u32(o.width * 65536, o.height * 65536));
  const mdhd = box('mdhd', u32(0, 0, 0, 1000, o.durationMs), Buffer.from([0x55, 0xc4, 0, 0]));
  const hdlr = box('hdlr', u32(0, 0), Buffer.from(o.handler ?? 'vide', 'latin1'), Buffer.alloc(12), Buffer.from('Kabar\0'));
  const avc1 = box(
    'avc1',
    Buffer.alloc(6),
    Buffer.from([0, 1]),
    Buffer.alloc(16),
    Buffer.from([o.width >> 8, o.width & 255, o.height >> 8, o.height & 255]),
    Buffer.alloc(50),
  );
  const stbl = box('stbl', box('stsd', u32(0, 1), avc1), box('stts', u32(0, 0)), box('stsc', u32(0, 0)), box('stsz', u32(0, 0, 0)), box('stco', u32(0, 0)));
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', stbl)));
  return box('moov', mvhd, trak);
}

/** An MP4 cut in three: ftyp and the mdat header, then `mdatBytes` of media data (the caller's), then the moov at the end. */
export function mp4Parts(o: Mp4Options & { mdatBytes: number }): { head: Buffer; tail: Buffer; size: number } {
  const ftyp = box('ftyp', Buffer.from(`${o.brand ?? 'isom'}\0\0\x02\0isomiso2avc1mp41`, 'latin1'));
  const head = Buffer.concat([ftyp, u32(8 + o.mdatBytes), Buffer.from('mdat')]);
  const tail = mp4Moov(o);
  return { head, tail, size: head.length + o.mdatBytes + tail.length };
}

/** A whole small MP4 (its media data is filler: the structure is what is checked). */
export function tinyMp4(o: Mp4Options & { mdatBytes?: number }): Buffer {
  const { head, tail } = mp4Parts({ ...o, mdatBytes: o.mdatBytes ?? 64 });
  return Buffer.concat([head, Buffer.alloc(o.mdatBytes ?? 64, 0x5a), tail]);
}
