import { hashPassword, newOpaqueToken, randomPassword, sha256, verifyPassword } from './password-hasher';

describe('password hasher', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('kata-sandi-yang-panjang');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'kata-sandi-yang-panjang')).toBe(true);
    expect(await verifyPassword(hash, 'salah')).toBe(false);
  });

  it('refuses without a hash, after doing the same work', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('makes opaque tokens whose hash is their sha256, and random passwords', () => {
    const { token, hash } = newOpaqueToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(sha256(token));
    expect(randomPassword()).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(randomPassword()).not.toBe(randomPassword());
  });
});
