import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Readable } from 'stream';

export interface StoredFile {
  stream: Readable;
  bytes: number;
}

/**
 * Where media bytes live. Disk by default; an object store can implement the same calls
 * (uploads always arrive in a local file first: `incomingPath`, then `adopt`).
 */
export abstract class MediaStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer | null>;
  abstract delete(key: string): Promise<void>;
  /** A new, unused local path for an upload in progress; whoever asked removes it unless it is adopted. */
  abstract incomingPath(): Promise<string>;
  /** Moves a finished upload (a local file) to `key`. */
  abstract adopt(key: string, localFile: string): Promise<void>;
  /** The bytes at `key` as a stream, with their count; null when there are none. */
  abstract open(key: string): Promise<StoredFile | null>;
  /** Removes uploads in progress older than `ageMs` (left behind by a process that was killed mid-upload). */
  abstract sweepIncoming(ageMs: number, now?: number): Promise<number>;
}

/** Files under a root directory (KABAR_DATA_DIR/media); keys never leave it. Uploads stream into root/.incoming. */
export class DiskStorage extends MediaStorage {
  readonly incomingDir: string;

  constructor(private readonly root: string) {
    super();
    this.incomingDir = path.join(root, '.incoming');
  }

  private file(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep) || key.startsWith('.')) throw new Error(`media key outside storage: ${key}`);
    return full;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.file(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }

  async incomingPath(): Promise<string> {
    await fs.mkdir(this.incomingDir, { recursive: true });
    return path.join(this.incomingDir, `${process.pid}-${randomUUID()}.part`);
  }

  async adopt(key: string, localFile: string): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.rename(localFile, file); // same file system: root/.incoming is inside root
  }

  async open(key: string): Promise<StoredFile | null> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.file(key), 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const { size } = await handle.stat();
    return { stream: handle.createReadStream(), bytes: size }; // closes the handle when it ends or is destroyed
  }

  async sweepIncoming(ageMs: number, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.incomingDir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith('.part'))) {
      const file = path.join(this.incomingDir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > ageMs) {
        await fs.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
