import { PlatformError } from '../errors';
import { Platform } from '../types';
import { HttpTransport } from './http-client';
import { networkError } from './network-errors';

export interface DownloadedMedia {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
}

/** Downloads a public media URL (no credentials sent) for platforms that want the bytes uploaded. */
export async function downloadMedia(transport: HttpTransport, platform: Platform, url: string, mimeType: string): Promise<DownloadedMedia> {
  let res;
  try {
    res = await transport.axios.get<ArrayBuffer>(url, { responseType: 'arraybuffer', maxRedirects: 5 });
  } catch (err) {
    throw networkError(platform, err, false, []);
  }
  if (res.status >= 400) {
    throw new PlatformError({
      platform,
      kind: res.status >= 500 || res.status === 429 ? 'transient' : 'rejected',
      httpStatus: res.status,
      platformCode: 'media_download_failed',
      platformMessage: `media download failed with HTTP ${res.status}`,
    });
  }
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'media');
  const type = String(res.headers['content-type'] ?? mimeType).split(';')[0] || mimeType;
  return { bytes: Buffer.from(res.data), mimeType: mimeType || type, fileName };
}

/** Multipart body with one file part (Node's FormData + Blob, sent by axios as a stream). */
export function fileForm(field: string, media: DownloadedMedia, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(field, new Blob([media.bytes], { type: media.mimeType }), media.fileName);
  return form;
}
