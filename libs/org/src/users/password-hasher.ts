import { createHash, randomBytes, randomInt } from 'crypto';
import * as argon2 from 'argon2';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** argon2id with the library's defaults (64 MiB, t=3); passwords never leave this file in any other form. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

let dummy: Promise<string> | undefined;

/**
 * Verifies a password. With no hash (unknown email) it still runs one verification against a dummy hash,
 * so an unknown email takes as long as a wrong password.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  const target = hash ?? (await dummy);
  try {
    const ok = await argon2.verify(target, password);
    return ok && !!hash;
  } catch {
    return false;
  }
}

/** Refresh and reset tokens: 32 random bytes for the caller, only their sha256 stored. */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A random password for the first admin when none is configured: 20 characters from an unambiguous alphabet. */
export function randomPassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
