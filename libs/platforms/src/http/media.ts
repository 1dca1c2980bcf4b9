import { PlatformError } from '../errors';
import { Platform } from '../types';
import type { HttpTransport } from './http-client';
import { networkError } from './network-errors';
import { isResponseTooLarge } from './outbound-guard';

export interface DownloadedMedia {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
}

/** Redirects a media download follows; each target is checked by the guard like the first URL. */
export const MEDIA_MAX_REDIRECTS = 3;
/** Cap of a download when the platform states no limit for the file type. */
export const DEFAULT_MEDIA_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Downloads a public media URL (no credentials sent) for platforms that want the bytes uploaded. Reads at most
 * `maxBytes` (the platform's limit for the type): a longer file is refused without being read to the end.
 */
export async function downloadMedia(
  transport: HttpTransport,
  platform: Platform,
  url: string,
  mimeType: string,
  maxBytes = DEFAULT_MEDIA_MAX_BYTES,
): Promise<DownloadedMedia> {
  let current = url;
  for (let hop = 0; ; hop++) {
    let res;
    try {
      res = await transport.media.get<ArrayBuffer>(current, { responseType: 'arraybuffer', maxRedirects: 0, maxContentLength: maxBytes });
    } catch (err) {
      if (isResponseTooLarge(err)) throw tooLarge(platform, maxBytes);
      throw networkError(platform, err, false, []);
    }
    const location = res.headers['location'];
    if (res.status >= 300 && res.status < 400 && typeof location === 'string') {
      if (hop >= MEDIA_MAX_REDIRECTS) throw failed(platform, res.status, `media download redirected more than ${MEDIA_MAX_REDIRECTS} times`);
      current = new URL(location, current).toString();
      continue;
    }
    if (res.status >= 300) throw failed(platform, res.status, `media download failed with HTTP ${res.status}`);
    const fileName = decodeURIComponent(new URL(current).pathname.split('/').pop() || 'media');
    const type = String(res.headers['content-type'] ?? mimeType).split(';')[0] || mimeType;
    return { bytes: Buffer.from(res.data), mimeType: mimeType || type, fileName };
  }
}

function failed(platform: Platform, status: number, message: string): PlatformError {
  return new PlatformError({
    platform,
    kind: status >= 500 || status === 429 ? 'transient' : 'rejected',
    httpStatus: status,
    platformCode: 'media_download_failed',
    platformMessage: message,
  });
}

function tooLarge(platform: Platform, maxBytes: number): PlatformError {
  return new PlatformError({
    platform,
    kind: 'rejected',
    platformCode: 'media_too_large',
    platformMessage: `media file is larger than ${maxBytes} bytes`,
  });
}

/** Multipart body with one file part (Node's FormData + Blob, sent by axios as a stream). */
export function fileForm(field: string, media: DownloadedMedia, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(field, new Blob([media.bytes], { type: media.mimeType }), media.fileName);
  return form;
}
