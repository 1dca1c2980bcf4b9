import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

/**
 * AES-256-GCM for credentials at rest: "v1." + base64(iv | tag | ciphertext).
 * The account id is bound as additional data, so a ciphertext copied onto another row does not decrypt.
 */
export class CredentialCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('credential key must be 32 bytes');
  }

  encrypt(plain: unknown, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
    return 'v1.' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt<T>(enc: string, aad: string): T {
    if (!enc.startsWith('v1.')) throw new Error('unknown credential format');
    const raw = Buffer.from(enc.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
  }
}

/** What is kept encrypted for an account. */
export interface StoredCredentials {
  accessToken: string;
  refreshToken?: string;
  instanceUrl?: string;
  scopes?: string[];
}
