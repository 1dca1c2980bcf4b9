import { IncomingMessage } from 'node:http';
import { UploadedFile } from './types';

export interface ParsedBody {
  raw: Buffer;
  body: Record<string, any>;
  files: UploadedFile[];
}

export function readRaw(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Form keys like `media_ids[]` collect into arrays, as Rails/Rack do. */
function put(target: Record<string, any>, key: string, value: string): void {
  if (key.endsWith('[]')) {
    const k = key.slice(0, -2);
    (target[k] ??= []).push(value);
  } else target[key] = value;
}

export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  const type = (contentType ?? '').toLowerCase();
  const body: Record<string, any> = {};
  const files: UploadedFile[] = [];
  if (!raw.length) return { raw, body, files };
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(body, parsed);
    } catch {
      body.__invalidJson = true;
    }
  } else if (type.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) put(body, k, v);
  } else if (type.includes('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    if (boundary) parseMultipart(raw, boundary[1] ?? boundary[2], body, files);
  }
  return { raw, body, files };
}

function parseMultipart(raw: Buffer, boundary: string, body: Record<string, any>, files: UploadedFile[]): void {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = raw.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const part = raw.subarray(start + 2, next - 2); // skip CRLF after delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const ctype = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
      if (filename !== undefined) files.push({ field: name, filename, contentType: ctype.trim(), data: Buffer.from(data) });
      else put(body, name, data.toString('utf8'));
    }
    pos = next;
  }
}
