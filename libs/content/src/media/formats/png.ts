import { crc32 } from 'zlib';
import { ByteSource } from '../byte-source';
import { MediaFacts, damaged } from '../media-facts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_CHUNKS = 1_000_000;
/** Allowed bit depths per colour type (PNG specification, table 11.1). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** PNG: the signature, an IHDR chunk first (checked against its CRC), then chunks that fit the file, with image data, up to IEND. */
export async function probePng(src: ByteSource): Promise<MediaFacts | null> {
  if (!(await src.read(0, 8)).equals(SIGNATURE)) return null;
  const ihdr = await src.read(8, 25);
  if (ihdr.length < 25 || ihdr.readUInt32BE(0) !== 13 || ihdr.toString('latin1', 4, 8) !== 'IHDR') throw damaged('PNG', 'no IHDR chunk first');
  if (crc32(ihdr.subarray(4, 21)) !== ihdr.readUInt32BE(21)) throw damaged('PNG', 'IHDR checksum mismatch');
  const [width, height, depth, colour] = [ihdr.readUInt32BE(8), ihdr.readUInt32BE(12), ihdr[16], ihdr[17]];
  if (!width || !height || width > 0x7fffffff || height > 0x7fffffff) throw damaged('PNG', 'invalid image size');
  if (!DEPTHS[colour]?.includes(depth) || ihdr[18] !== 0 || ihdr[19] !== 0 || ihdr[20] > 1) throw damaged('PNG', 'invalid IHDR fields');
  let at = 33;
  let sawData = false;
  for (let n = 0; n < MAX_CHUNKS; n++) {
    const h = await src.read(at, 8);
    if (h.length < 8) throw damaged('PNG', 'ends without IEND');
    const len = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    if (len > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type) || at + 12 + len > src.size) throw damaged('PNG', `invalid chunk at byte ${at}`);
    if (type === 'IHDR') throw damaged('PNG', 'second IHDR');
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) throw damaged('PNG', 'no image data');
      return { mimeType: 'image/png', kind: 'image', width, height, durationMs: null };
    }
    at += 12 + len;
  }
  throw damaged('PNG', 'too many chunks');
}
