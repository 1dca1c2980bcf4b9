/** The first bytes of a file are enough to know what it claims to be (and so which size limit applies while it streams in). */
export const SNIFF_BYTES = 16;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BMFF_FIRST_BOXES = ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot'];

/**
 * 'image' or 'video' for a file that starts like one of the formats Kabar takes, otherwise null.
 * Only a claim: the whole file is checked by its parser (media-probe.ts) before it is accepted.
 */
export function sniffKind(head: Buffer): 'image' | 'video' | null {
  const ascii = (at: number, len: number) => head.toString('latin1', at, at + len);
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image';
  if (head.subarray(0, 8).equals(PNG)) return 'image';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'image';
  if (head.length >= 8 && BMFF_FIRST_BOXES.includes(ascii(4, 4))) return 'video';
  return null;
}

export const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
};
