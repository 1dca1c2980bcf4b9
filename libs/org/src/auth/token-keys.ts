import { hkdfSync } from 'crypto';

/** Separate keys for separate uses, all derived from KABAR_SECRET_KEY. */
export function deriveKey(secretKeyBase64: string, purpose: 'jwt' | 'credentials' | 'feeds' | 'media' | 'oauth-state' | 'webhooks'): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKeyBase64, 'base64'), Buffer.alloc(0), `kabar:${purpose}`, 32));
}
