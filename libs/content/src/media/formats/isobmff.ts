import { ByteSource } from '../byte-source';
import { MediaFacts, MediaRefused, damaged } from '../media-facts';

/** Boxes that may open a QuickTime file written without `ftyp` (before 2001). */
const LEGACY_QT_FIRST = ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'];
/** ISO BMFF brands of still images and image sequences (HEIF, AVIF): not videos Kabar takes. */
const IMAGE_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis'];
const MAX_BOXES = 200_000;

interface Box {
  type: string;
  /** first byte of the content (after the header) */
  start: number;
  end: number;
}

/** A box type is four printable characters (QuickTime also uses ©, 0xa9). */
const validType = (b: Buffer) => b.length === 4 && [...b].every((c) => (c >= 0x20 && c <= 0x7e) || c === 0xa9);

class BoxReader {
  private count = 0;
  constructor(private readonly src: ByteSource) {}

  /** The boxes that exactly fill [from, to); anything else is a broken structure. */
  async children(from: number, to: number): Promise<Box[]> {
    const out: Box[] = [];
    let at = from;
    while (at < to) {
      if (++this.count > MAX_BOXES) throw damaged('MP4', 'too many boxes');
      if (to - at < 8) throw damaged('MP4', `${to - at} stray bytes at ${at}`);
      const h = await this.src.read(at, 16);
      const type = h.subarray(4, 8);
      if (!validType(type)) throw damaged('MP4', `no box at byte ${at}`);
      let size = h.readUInt32BE(0);
      let header = 8;
      if (size === 1) {
        if (h.length < 16) throw damaged('MP4', `truncated box header at ${at}`);
        const large = h.readBigUInt64BE(8);
        if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('MP4', `box at ${at} too large`);
        size = Number(large);
        header = 16;
      } else if (size === 0) {
        size = to - at; // extends to the end of its container
      }
      if (size < header || at + size > to) throw damaged('MP4', `box ${JSON.stringify(type.toString('latin1'))} at ${at} does not fit`);
      out.push({ type: type.toString('latin1'), start: at + header, end: at + size });
      at += size;
    }
    return out;
  }

  async content(box: Box, min: number, max = min): Promise<Buffer> {
    if (box.end - box.start < min) throw damaged('MP4', `${box.type} box too short`);
    return this.src.read(box.start, Math.min(max, box.end - box.start));
  }
}

const only = (boxes: Box[], type: string, where: string): Box => {
  const found = boxes.filter((b) => b.type === type);
  if (found.length !== 1) throw damaged('MP4', `${found.length} ${type} boxes in ${where}`);
  return found[0];
};

interface Track {
  video: boolean;
  enabled: boolean;
  width: number;
  height: number;
}

/** 16.16 fixed point to whole pixels. */
const fixed = (v: number) => Math.round(v / 65536);

async function readTrack(r: BoxReader, trak: Box): Promise<Track> {
  const boxes = await r.children(trak.start, trak.end);
  const tkhd = await r.content(only(boxes, 'tkhd', 'trak'), 84, 96);
  const v1 = tkhd[0] === 1;
  if (v1 && tkhd.length < 96) throw damaged('MP4', 'tkhd box too short');
  const m = v1 ? 52 : 40; // the matrix
  let [width, height] = [fixed(tkhd.readUInt32BE(m + 36)), fixed(tkhd.readUInt32BE(m + 40))];
  // a matrix of ±90° (a = d = 0) shows the picture turned: width and height swap
  if (tkhd.readInt32BE(m) === 0 && tkhd.readInt32BE(m + 16) === 0 && tkhd.readInt32BE(m + 4) !== 0) [width, height] = [height, width];
  const mdia = await r.children(...bounds(only(boxes, 'mdia', 'trak')));
  const hdlr = await r.content(only(mdia, 'hdlr', 'mdia'), 12);
  const video = hdlr.toString('latin1', 8, 12) === 'vide';
  if (video && (!width || !height)) [width, height] = await sampleEntrySize(r, mdia);
  return { video, enabled: (tkhd.readUInt32BE(0) & 1) === 1, width, height };
}

const bounds = (b: Box): [number, number] => [b.start, b.end];

/** The width and height of the first visual sample entry (minf/stbl/stsd), for tracks whose header leaves them 0. */
async function sampleEntrySize(r: BoxReader, mdia: Box[]): Promise<[number, number]> {
  const minf = await r.children(...bounds(only(mdia, 'minf', 'mdia')));
  const stbl = await r.children(...bounds(only(minf, 'stbl', 'minf')));
  const stsd = only(stbl, 'stsd', 'stbl');
  const [entry] = await r.children(stsd.start + 8, stsd.end);
  if (!entry) throw damaged('MP4', 'no sample description');
  const e = await r.content(entry, 28);
  return [e.readUInt16BE(24), e.readUInt16BE(26)];
}

/** Duration from mvhd; fragmented files that leave it unset state it in mvex/mehd. */
async function duration(r: BoxReader, moov: Box[]): Promise<number | null> {
  const mvhd = await r.content(only(moov, 'mvhd', 'moov'), 20, 32);
  const v1 = mvhd[0] === 1;
  if (v1 && mvhd.length < 32) throw damaged('MP4', 'mvhd box too short');
  const timescale = mvhd.readUInt32BE(v1 ? 20 : 12);
  let units = v1 ? Number(mvhd.readBigUInt64BE(24)) : mvhd.readUInt32BE(16);
  const unknown = v1 ? mvhd.readBigUInt64BE(24) === 0xffffffffffffffffn : units === 0xffffffff;
  if (!timescale) throw damaged('MP4', 'mvhd timescale is 0');
  if (!units || unknown) {
    const mvex = moov.find((b) => b.type === 'mvex');
    const mehd = mvex && (await r.children(mvex.start, mvex.end)).find((b) => b.type === 'mehd');
    if (!mehd) return null;
    const c = await r.content(mehd, 8, 12);
    units = c[0] === 1 && c.length >= 12 ? Number(c.readBigUInt64BE(4)) : c.readUInt32BE(4);
    if (!units) return null;
  }
  return Math.round((units * 1000) / timescale);
}

/**
 * MP4 and MOV (ISO base media file format): the top-level boxes must fill the file exactly, an `ftyp` brand
 * names the format, one `moov` holds one `mvhd` (duration) and tracks whose `tkhd` gives the picture size;
 * a file without a video track (sound only, or a HEIF image) is refused, as is one without media data.
 */
export async function probeIsoBmff(src: ByteSource): Promise<MediaFacts | null> {
  const head = await src.read(0, 12);
  if (head.length < 12) return null;
  const firstType = head.toString('latin1', 4, 8);
  if (firstType !== 'ftyp' && !LEGACY_QT_FIRST.includes(firstType)) return null;
  const r = new BoxReader(src);
  const top = await r.children(0, src.size);
  let mimeType = 'video/quicktime';
  if (top[0].type === 'ftyp') {
    const ftyp = await r.content(top[0], 8);
    const brand = ftyp.toString('latin1', 0, 4);
    if ((top[0].end - top[0].start) % 4 !== 0) throw damaged('MP4', 'ftyp box of odd length');
    if (IMAGE_BRANDS.includes(brand)) throw new MediaRefused('unsupportedType', 'HEIF');
    if (brand !== 'qt  ') mimeType = 'video/mp4';
  }
  if (top.filter((b) => b.type === 'ftyp').length > 1) throw damaged('MP4', 'two ftyp boxes');
  const moovBox = only(top, 'moov', 'the file');
  if (!top.some((b) => b.type === 'mdat')) throw damaged('MP4', 'no media data (mdat)');
  const moov = await r.children(moovBox.start, moovBox.end);
  const durationMs = await duration(r, moov);
  const tracks: Track[] = [];
  for (const trak of moov.filter((b) => b.type === 'trak')) tracks.push(await readTrack(r, trak));
  const videos = tracks.filter((t) => t.video);
  const track = videos.find((t) => t.enabled) ?? videos[0];
  if (!track) throw new MediaRefused('noVideoTrack', mimeType === 'video/mp4' ? 'MP4' : 'MOV');
  if (!track.width || !track.height) throw damaged('MP4', 'video track without a picture size');
  return { mimeType, kind: 'video', width: track.width, height: track.height, durationMs };
}
