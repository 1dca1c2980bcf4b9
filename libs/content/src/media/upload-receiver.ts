import busboy from 'busboy';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import type { IncomingMessage } from 'http';
import type { Readable } from 'stream';
import { AppError } from '@kabar/common';
import { SNIFF_BYTES, sniffKind } from './media-sniff';

export type MediaKind = 'image' | 'video';
/** Asked after every chunk once the kind is known: an error stops the upload there. */
export type SizeCheck = (kind: MediaKind, bytes: number) => AppError | null;

export interface ReceiveOptions {
  /** A fresh local path for the file (MediaStorage.incomingPath). */
  tempPath(): Promise<string>;
  /** Runs when the file part starts, with the fields sent before it (access, quota); answers the size check. */
  beforeFile(fields: Record<string, string>): Promise<SizeCheck>;
}

export interface ReceivedUpload {
  /** The complete file on local disk: the caller moves it into storage or removes it. */
  path: string;
  bytes: number;
  sha256: string;
  originalName: string;
  fields: Record<string, string>;
}

const LIMITS = { fields: 8, fieldSize: 8192, fieldNameSize: 100, files: 1, parts: 10, headerPairs: 20 };
/** After a refusal the rest of the body is read and dropped for at most this long, so the client can read the answer; then the connection is cut. */
export const LINGER_MS = 10_000;

const fileError = (code: string, params?: Record<string, unknown>) => AppError.validation([{ field: 'file', code, params }]);
const STOPPED = new Error('upload stopped');

/**
 * Receives `multipart/form-data` with one `file` part, streaming it to a local file while hashing it (sha256)
 * and counting its bytes: memory stays a few chunks whatever the size. The first bytes tell the kind it claims,
 * and the size check stops the upload at its limit. On any failure (refusal, bad form, client gone) the file is
 * removed before the promise rejects.
 */
export function receiveUpload(req: IncomingMessage, opts: ReceiveOptions): Promise<ReceivedUpload> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '') || req.readableEnded) return Promise.reject(fileError('content.media.fileRequired'));
  return new Reception(req, opts).done;
}

interface Written {
  path: string;
  bytes: number;
  sha256: string;
  originalName: string;
}

class Reception {
  readonly done: Promise<ReceivedUpload>;
  private resolve!: (r: ReceivedUpload) => void;
  private reject!: (e: unknown) => void;
  private settled = false;
  private readonly fields: Record<string, string> = {};
  private fileStream: Readable | null = null;
  /** The file being written; null once its writing failed (the file is gone then). */
  private writing: Promise<Written | null> | null = null;
  private readonly bb: busboy.Busboy;

  constructor(
    private readonly req: IncomingMessage,
    private readonly opts: ReceiveOptions,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.bb = busboy({ headers: req.headers, limits: LIMITS, defParamCharset: 'utf8' });
    req.on('close', () => {
      if (!req.complete) this.fail(AppError.badRequest('content.media.interrupted'));
    });
    req.on('error', () => this.fail(AppError.badRequest('content.media.interrupted')));
    this.bb.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated)
        return this.fail(AppError.validation([{ field: name, code: 'validation.maxLength', params: { max: LIMITS.fieldSize } }]));
      this.fields[name] = value;
    });
    this.bb.on('file', (name, stream, info) => this.onFile(name, stream, info.filename ?? ''));
    for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const)
      this.bb.on(limit, () => this.fail(AppError.badRequest('content.media.malformed')));
    this.bb.on('error', () => this.fail(AppError.badRequest('content.media.malformed')));
    this.bb.on('close', () => void this.finish());
    req.pipe(this.bb);
  }

  private onFile(name: string, stream: Readable, filename: string): void {
    if (this.settled) return void stream.resume();
    if (name !== 'file' || this.fileStream) {
      stream.resume();
      return this.fail(AppError.validation([{ field: name, code: 'validation.unknownField' }]));
    }
    this.fileStream = stream;
    this.writing = this.write(stream, filename).catch((e) => {
      this.fail(e);
      return null;
    });
  }

  private async write(stream: Readable, originalName: string): Promise<Written> {
    const check = await this.opts.beforeFile({ ...this.fields }); // the part waits meanwhile: busboy and the socket stay paused
    if (this.settled) throw STOPPED;
    const path = await this.opts.tempPath();
    let handle: fs.FileHandle | null = await fs.open(path, 'wx');
    let kept = false;
    try {
      const hash = createHash('sha256');
      let bytes = 0;
      let head = Buffer.alloc(0);
      let kind: MediaKind | null = null;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (this.settled) throw STOPPED;
        bytes += chunk.length;
        if (!kind) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          if (head.length >= SNIFF_BYTES) kind = claim(head);
        }
        const refused = kind && check(kind, bytes);
        if (refused) throw refused;
        hash.update(chunk);
        for (let at = 0; at < chunk.length;) at += (await handle.write(chunk, at)).bytesWritten;
      }
      if (this.settled) throw STOPPED;
      if (!bytes) throw fileError('content.media.fileRequired');
      if (!kind) {
        const refused = check(claim(head), bytes);
        if (refused) throw refused;
      }
      await handle.sync();
      await handle.close();
      handle = null;
      kept = true;
      return { path, bytes, sha256: hash.digest('hex'), originalName };
    } finally {
      await handle?.close().catch(() => undefined);
      if (!kept) await fs.rm(path, { force: true });
    }
  }

  private async finish(): Promise<void> {
    if (this.settled) return;
    if (!this.writing) return this.fail(fileError('content.media.fileRequired'));
    const written = await this.writing;
    if (!written || this.settled) return; // fail() has removed the file and answered
    this.settled = true;
    this.resolve({ ...written, fields: { ...this.fields } });
  }

  /** Stops reading the upload (the rest of the body is dropped), removes the file, then rejects. */
  private fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.req.unpipe(this.bb);
    this.bb.removeAllListeners();
    this.bb.on('error', () => undefined);
    this.fileStream?.destroy();
    discardRest(this.req);
    const writing = this.writing;
    void (async () => {
      const written = await writing;
      if (written) await fs.rm(written.path, { force: true });
      this.reject(err === STOPPED ? AppError.badRequest('content.media.interrupted') : err);
    })();
  }
}

function claim(head: Buffer): MediaKind {
  const kind = sniffKind(head);
  if (!kind) throw fileError('content.media.unsupportedType');
  return kind;
}

/** Drops the rest of the body so the answer can be read, and cuts the connection if the client goes on sending for long. */
function discardRest(req: IncomingMessage): void {
  req.resume();
  if (req.complete || req.destroyed) return;
  const timer = setTimeout(() => req.socket?.destroy(), LINGER_MS);
  timer.unref();
  const stop = () => clearTimeout(timer);
  req.once('end', stop);
  req.once('close', stop);
}
