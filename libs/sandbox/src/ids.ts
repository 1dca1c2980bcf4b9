import { randomBytes } from 'node:crypto';

let last = 0n;

/** Strictly increasing numeric ids shaped like the platforms' snowflakes (time-ordered, 19 digits). */
export function snowflake(): string {
  const candidate = 1_700_000_000_000_000_000n + BigInt(Date.now()) * 64n;
  last = candidate > last ? candidate : last + 1n;
  return last.toString();
}

export function token(prefix: string, bytes = 18): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function shortcode(): string {
  return randomBytes(8).toString('base64url').slice(0, 11);
}
