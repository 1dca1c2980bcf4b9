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

/** Sizes: "2GB", "500MB", "64KB" (multiples of 1024) or plain bytes. Returned in bytes. */
export const byteSize: Parser<number> = (raw, name) => {
  const m = /^(\d+)\s*(B|KB|MB|GB|TB)?$/i.exec(raw.trim());
  if (!m) throw new ConfigError(name, `must be a size like 500MB or 2GB, got "${raw}"`);
  const unit = (m[2] ?? 'B').toUpperCase() as 'B' | 'KB' | 'MB' | 'GB' | 'TB';
  const n = Number(m[1]) * 1024 ** ['B', 'KB', 'MB', 'GB', 'TB'].indexOf(unit);
  if (!Number.isSafeInteger(n)) throw new ConfigError(name, `is too large, got "${raw}"`);
  return n;
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

/**
 * Comma-separated outbound allow entries: host names (`mastodon.lan`, `*.pemkot.lan`), addresses (`127.0.0.1`,
 * `::1`) or ranges (`10.0.0.0/8`, `fd00::/8`); names and addresses may carry a port (`127.0.0.1:4000`,
 * `[::1]:4000`). The same syntax as libs/platforms outbound-allow.ts, which applies them.
 */
export const hostList: Parser<string[]> = (raw, name) => {
  const entries = raw
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of entries) if (!validAllowEntry(e)) throw new ConfigError(name, `must list host names, addresses or ranges such as 10.0.0.0/8, got "${e}"`);
  return entries;
};

function validAllowEntry(entry: string): boolean {
  const validPort = (p: string | undefined) => p === undefined || (/^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535);
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (v6) return isIP(v6[1]) === 6 && validPort(v6[2]);
  if (entry.includes('/')) {
    const [ip, prefix, ...rest] = entry.split('/');
    const kind = isIP(ip);
    return kind !== 0 && !rest.length && /^\d{1,3}$/.test(prefix) && Number(prefix) <= (kind === 4 ? 32 : 128);
  }
  if (isIP(entry)) return true;
  const m = /^([^:]+)(?::(\d+))?$/.exec(entry);
  if (!m || !validPort(m[2])) return false;
  if (isIP(m[1]) === 4) return true;
  return !/(^|\.)\d+\.?$/.test(m[1]) && /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i.test(m[1]);
}

export function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}
