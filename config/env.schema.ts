/**
 * Every setting Kabar reads, with its default. Nothing outside this folder reads process.env.
 * A bad value stops the start with one line naming the variable (see ConfigError).
 */
import { isIP } from 'net';

export const PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

type Parser<T> = (raw: string, name: string) => T;

export interface EnvVar<T> {
  name: string;
  description: string;
  default: string | undefined;
  parse: Parser<T>;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

export const int =
  (min: number, max: number): Parser<number> =>
  (raw, name) => {
    if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new ConfigError(name, `must be from ${min} to ${max}, got ${n}`);
    return n;
  };

export const bool: Parser<boolean> = (raw, name) => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
};

export const str: Parser<string> = (raw) => raw;

export const url =
  (protocols: string[]): Parser<string> =>
  (raw, name) => {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new ConfigError(name, `must be a URL (${protocols.join(', ')}), got "${redactUrl(raw)}"`);
    }
    if (!protocols.includes(u.protocol.replace(':', ''))) {
      throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${u.protocol}"`);
    }
    return raw.replace(/\/+$/, '');
  };

export const oneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (raw, name) => {
    if (!values.includes(raw as T)) throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${raw}"`);
    return raw as T;
  };

/** Durations: "30m", "45s", "2h", or plain seconds. Returned in milliseconds. */
export const duration: Parser<number> = (raw, name) => {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(raw.trim());
  if (!m) throw new ConfigError(name, `must be a duration like 30m, 45s, 2h or 400d, got "${raw}"`);
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * factor;
};

export const timeZone: Parser<string> = (raw, name) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw new ConfigError(name, `must be an IANA time zone such as Asia/Jakarta, got "${raw}"`);
  }
  return raw;
};

/** An instant with its offset: "2099-06-17T10:00:00+07:00" or "…Z". */
export const instant: Parser<Date> = (raw, name) => {
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw.trim()) ? Date.parse(raw.trim()) : NaN;
  if (Number.isNaN(t)) throw new ConfigError(name, `must be an ISO 8601 instant with its offset such as 2099-06-17T10:00:00+07:00, got "${raw}"`);
  return new Date(t);
};

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Express's `trust proxy`: a hop count ("1"), "false" (trust none), or a comma-separated list of proxy
 * addresses, CIDRs and the presets loopback, linklocal, uniquelocal. "true" (trust anyone) is refused: any
 * client could then choose its own address.
 */
export const trustProxy: Parser<number | false | string[]> = (raw, name) => {
  const v = raw.trim();
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'false') return false;
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((entry) => {
    if (PROXY_PRESETS.includes(entry)) return false;
    const [addr, bits, ...rest] = entry.split('/');
    const family = isIP(addr);
    if (!family || rest.length) return true;
    return bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128));
  });
  if (!list.length || bad !== undefined)
    throw new ConfigError(
      name,
      `must be a hop count, false, or a comma-separated list of addresses, CIDRs, loopback, linklocal, uniquelocal; got "${bad ?? raw}"`,
    );
  return list;
};

export const secretKey: Parser<string> = (raw, name) => {
  const buf = Buffer.from(raw, 'base64');
  if (buf.length !== 32) throw new ConfigError(name, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return raw;
};

export function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}
