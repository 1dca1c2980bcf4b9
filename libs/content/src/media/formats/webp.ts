import { ByteSource } from '../byte-source';
import { MediaFacts, damaged } from '../media-facts';

const MAX_CHUNKS = 100_000;

async function bitstreamSize(src: ByteSource, type: string, at: number, len: number): Promise<[number, number]> {
  const d = await src.read(at, 10);
  if (type === 'VP8 ') {
    // frame tag (3 bytes, key frame: bit 0 clear), start code 9d 01 2a, then 14-bit width and height
    if (len < 10 || d[0] & 1 || d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) throw damaged('WebP', 'invalid VP8 key frame');
    return [d.readUInt16LE(6) & 0x3fff, d.readUInt16LE(8) & 0x3fff];
  }
  // VP8L: signature 0x2f, then width-1 and height-1 in 14 bits each, and a 3-bit version that must be 0
  if (len < 5 || d[0] !== 0x2f) throw damaged('WebP', 'invalid VP8L header');
  const bits = d.readUInt32LE(1);
  if (bits >>> 29 !== 0) throw damaged('WebP', 'unknown VP8L version');
  return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
}

/** WebP: a RIFF container whose chunks fit it; VP8 (lossy), VP8L (lossless) or VP8X (extended, then image or animation chunks). */
export async function probeWebp(src: ByteSource): Promise<MediaFacts | null> {
  const h = await src.read(0, 12);
  if (h.length < 12 || h.toString('latin1', 0, 4) !== 'RIFF' || h.toString('latin1', 8, 12) !== 'WEBP') return null;
  const end = 8 + h.readUInt32LE(4);
  if (end > src.size || end < 20) throw damaged('WebP', 'RIFF size does not match the file');
  let at = 12;
  let size: [number, number] | null = null;
  let extended = false;
  let image = false;
  for (let n = 0; at < end; n++) {
    if (n > MAX_CHUNKS) throw damaged('WebP', 'too many chunks');
    const c = await src.read(at, 8);
    if (c.length < 8) throw damaged('WebP', 'truncated chunk');
    const [type, len] = [c.toString('latin1', 0, 4), c.readUInt32LE(4)];
    if (at + 8 + len > end) throw damaged('WebP', `chunk ${JSON.stringify(type)} runs past the end`);
    if (n === 0) {
      if (type === 'VP8X') {
        const x = await src.read(at + 8, 10);
        if (len < 10) throw damaged('WebP', 'invalid VP8X chunk');
        size = [x.readUIntLE(4, 3) + 1, x.readUIntLE(7, 3) + 1];
        extended = true;
      } else if (type === 'VP8 ' || type === 'VP8L') {
        size = await bitstreamSize(src, type, at + 8, len);
        image = true;
      } else {
        throw damaged('WebP', 'first chunk is not VP8, VP8L or VP8X');
      }
    } else if (extended && (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF')) {
      if (type !== 'ANMF') await bitstreamSize(src, type, at + 8, len);
      image = true;
    }
    at += 8 + len + (len & 1);
  }
  if (!image || !size || !size[0] || !size[1]) throw damaged('WebP', 'no image data');
  return { mimeType: 'image/webp', kind: 'image', width: size[0], height: size[1], durationMs: null };
}
