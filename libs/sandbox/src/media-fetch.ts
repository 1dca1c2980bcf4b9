import axios from 'axios';
import * as http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface FetchedMedia {
  ok: boolean;
  status: number;
  contentType: string;
  bytes: number;
}

/** The sandbox downloads media URLs like Meta/TikTok do; a bad URL gives the platform's media error. */
export async function fetchMedia(url: string, enabled: boolean): Promise<FetchedMedia> {
  if (!enabled) {
    const ext = url.split('?')[0].split('.').pop()?.toLowerCase();
    const contentType = ext === 'png' ? 'image/png' : ext === 'mp4' ? 'video/mp4' : ext === 'webp' ? 'image/webp' : 'image/jpeg';
    return { ok: /^https?:\/\//.test(url), status: 200, contentType, bytes: 1000 };
  }
  try {
    const res = await axios.get<ArrayBuffer>(url, {
      responseType: 'arraybuffer',
      timeout: 10_000,
      httpAgent: agent,
      validateStatus: () => true,
      maxRedirects: 5,
    });
    return {
      ok: res.status >= 200 && res.status < 300,
      status: res.status,
      contentType: String(res.headers['content-type'] ?? '').split(';')[0],
      bytes: res.data.byteLength,
    };
  } catch {
    return { ok: false, status: 0, contentType: '', bytes: 0 };
  }
}
