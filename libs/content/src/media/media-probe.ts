import { ByteSource, bufferSource, openFileSource } from './byte-source';
import { MediaFacts, MediaRefused } from './media-facts';
import { probeGif } from './formats/gif';
import { probeIsoBmff } from './formats/isobmff';
import { probeJpeg } from './formats/jpeg';
import { probePng } from './formats/png';
import { probeWebp } from './formats/webp';

const PARSERS = [probeJpeg, probePng, probeGif, probeWebp, probeIsoBmff];

/** Reads a file's structure: its type, picture size and (videos) duration. Throws MediaRefused when it is not a usable image or video. */
export async function probeMedia(src: ByteSource): Promise<MediaFacts> {
  for (const parse of PARSERS) {
    const facts = await parse(src);
    if (facts) return facts;
  }
  throw new MediaRefused('unsupportedType');
}

export const probeBuffer = (data: Buffer) => probeMedia(bufferSource(data));

export async function probeFile(file: string): Promise<MediaFacts> {
  const src = await openFileSource(file);
  try {
    return await probeMedia(src);
  } finally {
    await src.close();
  }
}
