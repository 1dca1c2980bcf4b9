import { promises as fs } from 'fs';

/** Random access to a file's bytes, so parsers read headers without holding the file in memory. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(data: Buffer): ByteSource {
  return { size: data.length, read: async (offset, length) => data.subarray(offset, Math.min(data.length, offset + length)) };
}

const WINDOW = 64 * 1024;

/** A file read through one 64 KiB window: headers that lie close together cost one read. */
export async function openFileSource(file: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await fs.open(file, 'r');
  const { size } = await handle.stat();
  let windowStart = 0;
  let window = Buffer.alloc(0);
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      if (offset < windowStart || end > windowStart + window.length) {
        const want = Math.max(length, WINDOW);
        const buf = Buffer.alloc(Math.min(want, Math.max(0, size - offset)));
        const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
        windowStart = offset;
        window = buf.subarray(0, bytesRead);
      }
      return window.subarray(offset - windowStart, Math.max(offset - windowStart, end - windowStart));
    },
    close: () => handle.close(),
  };
}
