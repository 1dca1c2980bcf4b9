import { sniff } from './media-sniff';
import { tinyJpeg, tinyPng } from './media-samples';

describe('sniff', () => {
  it('reads type and size of a PNG from its header', () => {
    expect(sniff(tinyPng(640, 480))).toEqual({ mimeType: 'image/png', kind: 'image', width: 640, height: 480 });
  });

  it('reads a JPEG frame header', () => {
    expect(sniff(tinyJpeg(1080, 1350))).toEqual({ mimeType: 'image/jpeg', kind: 'image', width: 1080, height: 1350 });
  });

  it('knows GIF, WebP, MP4 and MOV, and refuses text whatever its name', () => {
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0x20, 0x03, 0x58, 0x02]), Buffer.alloc(8)]);
    expect(sniff(gif)).toMatchObject({ mimeType: 'image/gif', width: 800, height: 600 });
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.alloc(4),
      Buffer.from('WEBPVP8X'),
      Buffer.alloc(8),
      Buffer.from([0x7f, 0x02, 0x00, 0xdf, 0x01, 0x00]),
    ]);
    expect(sniff(webp)).toMatchObject({ mimeType: 'image/webp', width: 640, height: 480 });
    expect(sniff(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(8)]))?.mimeType).toBe('video/mp4');
    expect(sniff(Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from('ftypqt  '), Buffer.alloc(8)]))?.mimeType).toBe('video/quicktime');
    expect(sniff(Buffer.from('<html><body>not an image</body></html>'))).toBeNull();
  });
});
