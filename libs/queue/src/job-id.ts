import { createHash } from 'crypto';

/**
 * A deterministic job id: the SHA-1 of `key` shaped as a version-5 UUID (pg-boss ids are UUIDs). Two
 * producers enqueuing the same key insert one job (pg-boss inserts ON CONFLICT DO NOTHING).
 */
export function deterministicJobId(key: string): string {
  const h = createHash('sha1').update(key).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
