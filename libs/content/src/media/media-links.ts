import { createHmac, timingSafeEqual } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { deriveKey } from '@kabar/org';

/**
 * Unguessable, expiring links to media for platforms that fetch them (Instagram, Threads, …):
 * base64url(media id bytes | expiry seconds) "." base64url(HMAC-SHA256 truncated to 16 bytes).
 */
@Injectable()
export class MediaLinks {
  private readonly key: Buffer;

  constructor(@Inject(KABAR_CONFIG) private readonly config: KabarConfig) {
    this.key = deriveKey(config.secretKey!, 'media');
  }

  token(mediaId: string, ttlSeconds = 3600, now = Date.now()): string {
    const payload = Buffer.alloc(20);
    Buffer.from(mediaId.replace(/-/g, ''), 'hex').copy(payload, 0);
    payload.writeUInt32BE(Math.floor(now / 1000) + ttlSeconds, 16);
    return `${payload.toString('base64url')}.${this.sign(payload).toString('base64url')}`;
  }

  /** The public URL of a media item, valid for `ttlSeconds`. */
  publicUrl(mediaId: string, ttlSeconds = 3600): string {
    const base = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
    return `${base}/api/v1/media/public/${this.token(mediaId, ttlSeconds)}`;
  }

  /** The media id a token names, if the signature holds and it has not expired. */
  verify(token: string, now = Date.now()): string | null {
    const [p, s] = token.split('.');
    if (!p || !s) return null;
    const payload = Buffer.from(p, 'base64url');
    const sig = Buffer.from(s, 'base64url');
    // canonical encodings only: the last base64url character carries spare bits
    if (payload.toString('base64url') !== p || sig.toString('base64url') !== s) return null;
    if (payload.length !== 20 || sig.length !== 16 || !timingSafeEqual(sig, this.sign(payload))) return null;
    if (payload.readUInt32BE(16) * 1000 < now) return null;
    const hex = payload.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  private sign(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, 16);
  }
}
