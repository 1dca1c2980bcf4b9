/** Deterministic hashing for the growth model: the same key and seed give the same numbers on every run. */

// bound once: global lookups are slow inside vm contexts (jest), and these run in tight loops
const { imul, floor, sqrt, log, cos, max, PI } = Math;
const { isSafeInteger } = Number;

/** 32-bit hash of the parts (FNV-1a over characters and integer words, then a murmur3 finaliser for good low bits). */
export function hash32(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    if (typeof part === 'number' && isSafeInteger(part)) {
      h = imul(h ^ (part >>> 0), 0x01000193);
      h = imul(h ^ floor(part / 4_294_967_296), 0x01000193);
    } else {
      const text = String(part);
      for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), 0x01000193);
    }
    h = imul(h ^ 0xff, 0x01000193); // part separator
  }
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) from the parts. */
export function unit(...parts: Array<string | number>): number {
  return hash32(...parts) / 4_294_967_296;
}

/** A standard normal draw from the parts (Box–Muller over two hashed uniforms). */
export function normal(...parts: Array<string | number>): number {
  const u1 = max(unit(...parts, 'n1'), 1e-12);
  const u2 = unit(...parts, 'n2');
  return sqrt(-2 * log(u1)) * cos(2 * PI * u2);
}
