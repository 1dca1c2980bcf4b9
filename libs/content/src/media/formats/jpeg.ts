import { ByteSource } from '../byte-source';
import { MediaFacts, damaged } from '../media-facts';

/** Start-of-frame markers (SOF0–SOF15 without DHT, JPG and DAC), which carry the image size. */
const isFrameHeader = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const MAX_SEGMENTS = 10_000;

/**
 * JPEG: SOI, then marker segments up to the first scan (SOS). A frame header (SOF) must come before it and
 * gives the size; segment lengths must stay inside the file. The entropy-coded data itself is not decoded.
 */
export async function probeJpeg(src: ByteSource): Promise<MediaFacts | null> {
  const soi = await src.read(0, 3);
  if (soi.length < 3 || soi[0] !== 0xff || soi[1] !== 0xd8 || soi[2] !== 0xff) return null;
  let at = 2;
  let size: [number, number] | null = null;
  for (let n = 0; n < MAX_SEGMENTS; n++) {
    const h = await src.read(at, 4);
    if (h.length < 2) throw damaged('JPEG', 'ends before its first scan');
    if (h[0] !== 0xff) throw damaged('JPEG', `no marker at byte ${at}`);
    const marker = h[1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9) throw damaged('JPEG', 'image ends before its first scan');
    if (h.length < 4) throw damaged('JPEG', 'truncated segment');
    const len = h.readUInt16BE(2);
    if (len < 2 || at + 2 + len > src.size) throw damaged('JPEG', `segment at byte ${at} runs past the end`);
    if (marker === 0xda) {
      if (!size) throw damaged('JPEG', 'scan before any frame header');
      return { mimeType: 'image/jpeg', kind: 'image', width: size[0], height: size[1], durationMs: null };
    }
    if (isFrameHeader(marker)) {
      if (size) throw damaged('JPEG', 'two frame headers');
      const f = await src.read(at + 4, 6);
      const [height, width, components] = [f.readUInt16BE(1), f.readUInt16BE(3), f[5]];
      if (!width || !height || !components || len < 8 + 3 * components) throw damaged('JPEG', 'invalid frame header');
      size = [width, height];
    }
    at += 2 + len;
  }
  throw damaged('JPEG', 'too many segments');
}
