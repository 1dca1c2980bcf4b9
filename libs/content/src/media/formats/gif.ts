import { ByteSource } from '../byte-source';
import { MediaFacts, damaged } from '../media-facts';

const MAX_BLOCKS = 2_000_000;

/** GIF: header, logical screen, optional colour table, then extension and image blocks up to the trailer (or the end, after one image). */
export async function probeGif(src: ByteSource): Promise<MediaFacts | null> {
  const h = await src.read(0, 13);
  const magic = h.toString('latin1', 0, 6);
  if (magic !== 'GIF87a' && magic !== 'GIF89a') return null;
  if (h.length < 13) throw damaged('GIF', 'truncated header');
  let [width, height] = [h.readUInt16LE(6), h.readUInt16LE(8)];
  let at = 13 + (h[10] & 0x80 ? 3 * 2 ** ((h[10] & 7) + 1) : 0);
  let images = 0;
  let blocks = 0;
  const subBlocks = async () => {
    for (;;) {
      if (++blocks > MAX_BLOCKS) throw damaged('GIF', 'too many blocks');
      const [len] = await src.read(at, 1);
      if (len === undefined) throw damaged('GIF', 'truncated data block');
      at += 1 + len;
      if (len === 0) return;
    }
  };
  for (;;) {
    const [kind] = await src.read(at, 1);
    if (kind === undefined) {
      if (images) break; // no trailer: accepted once an image is complete
      throw damaged('GIF', 'no image');
    }
    if (kind === 0x3b) {
      if (!images) throw damaged('GIF', 'no image');
      break;
    }
    if (kind === 0x21) {
      at += 2;
      await subBlocks();
    } else if (kind === 0x2c) {
      const d = await src.read(at, 11);
      if (d.length < 11) throw damaged('GIF', 'truncated image descriptor');
      if (!images && (!width || !height)) [width, height] = [d.readUInt16LE(5), d.readUInt16LE(7)];
      at += 10 + (d[9] & 0x80 ? 3 * 2 ** ((d[9] & 7) + 1) : 0);
      const [codeSize] = await src.read(at, 1);
      if (codeSize === undefined || codeSize < 1 || codeSize > 11) throw damaged('GIF', 'invalid image data');
      at += 1;
      await subBlocks();
      images++;
    } else {
      throw damaged('GIF', `unknown block at byte ${at}`);
    }
    if (at > src.size) throw damaged('GIF', 'truncated');
  }
  if (!width || !height) throw damaged('GIF', 'invalid image size');
  return { mimeType: 'image/gif', kind: 'image', width, height, durationMs: null };
}
