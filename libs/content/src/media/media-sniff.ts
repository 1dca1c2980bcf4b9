/** What a file is, read from its first bytes (never from its name), with the image size from its header. */
export interface Sniffed {
  mimeType: string;
  kind: 'image' | 'video';
  width: number | null;
  height: number | null;
}

const ascii = (b: Buffer, at: number, len: number) => b.toString('latin1', at, at + len);

function jpegSize(b: Buffer): [number, number] | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return [b.readUInt16BE(i + 7), b.readUInt16BE(i + 5)];
    i += 2 + len;
  }
  return null;
}

function webpSize(b: Buffer): [number, number] | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) return [b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff];
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b.readUInt32LE(21);
    return [(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X' && b.length >= 30) return [b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1];
  return null;
}

export function sniff(b: Buffer): Sniffed | null {
  if (b.length < 12) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const s = jpegSize(b);
    return { mimeType: 'image/jpeg', kind: 'image', width: s?.[0] ?? null, height: s?.[1] ?? null };
  }
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && b.length >= 24)
    return { mimeType: 'image/png', kind: 'image', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')
    return { mimeType: 'image/gif', kind: 'image', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const s = webpSize(b);
    return { mimeType: 'image/webp', kind: 'image', width: s?.[0] ?? null, height: s?.[1] ?? null };
  }
  const box = ascii(b, 4, 4);
  if (box === 'ftyp') {
    const brand = ascii(b, 8, 4);
    return { mimeType: brand === 'qt  ' ? 'video/quicktime' : 'video/mp4', kind: 'video', width: null, height: null };
  }
  if (['moov', 'mdat', 'wide', 'free'].includes(box)) return { mimeType: 'video/quicktime', kind: 'video', width: null, height: null };
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
