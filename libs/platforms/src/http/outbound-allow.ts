import { isIP } from 'node:net';
import { Cidr, inCidr, IpBytes, parseCidr } from './address-class';

/**
 * One entry of the operator's allow list (KABAR_OUTBOUND_ALLOW): a host name (`mastodon.lan`, `*.pemkot.lan`),
 * an address (`127.0.0.1`, `::1`) or a range (`10.0.0.0/8`, `fd00::/8`); names and addresses may carry a port
 * (`127.0.0.1:4000`, `[::1]:4000`, `mastodon.lan:8443`), which then must match too.
 */
export type AllowEntry = { kind: 'cidr'; cidr: Cidr; port?: number; text: string } | { kind: 'host'; host: string; port?: number; text: string };

const HOST = /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

export class AllowListError extends Error {}

function port(text: string | undefined, entry: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d{1,5}$/.test(text) || n < 1 || n > 65535) throw new AllowListError(`bad port in "${entry}"`);
  return n;
}

/** Parses one entry; throws AllowListError with the entry in the message when it is malformed. */
export function parseAllowEntry(raw: string): AllowEntry {
  const text = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    const cidr = isIP(bracketed[1]) === 6 ? parseCidr(bracketed[1]) : null;
    if (!cidr) throw new AllowListError(`"${raw}" is not an IPv6 address`);
    return { kind: 'cidr', cidr, port: port(bracketed[2], raw), text };
  }
  if (text.includes('/') || isIP(text)) {
    const cidr = parseCidr(text);
    if (!cidr) throw new AllowListError(`"${raw}" is not an address or a range such as 10.0.0.0/8`);
    return { kind: 'cidr', cidr, text };
  }
  const [, host, portText] = /^([^:]+)(?::(\d+))?$/.exec(text) ?? [];
  if (host && isIP(host) === 4) return { kind: 'cidr', cidr: parseCidr(host)!, port: port(portText, raw), text };
  const name = host?.replace(/\.$/, '');
  // a name whose last label is a number is a malformed address (300.1.1.1, 10.1), not a host name
  if (!name || !HOST.test(name) || /(^|\.)\d+$/.test(name)) throw new AllowListError(`"${raw}" is not a host name, an address or a range`);
  return { kind: 'host', host: name, port: port(portText, raw), text };
}

/** Comma- or space-separated entries; empty input is an empty list. */
export function parseAllowList(raw: string | readonly string[] | undefined): AllowEntry[] {
  const items = typeof raw === 'string' ? raw.split(/[,\s]+/) : (raw ?? []);
  return items.filter((s) => s.trim()).map(parseAllowEntry);
}

/** Whether the entry lets a connection to `host` (as written in the URL) at `address` and `port` through. */
export function allows(entry: AllowEntry, host: string, address: IpBytes, port: number): boolean {
  if (entry.port !== undefined && entry.port !== port) return false;
  if (entry.kind === 'cidr') return inCidr(address, entry.cidr);
  const name = host.toLowerCase().replace(/\.$/, '');
  return entry.host.startsWith('*.') ? name.endsWith(entry.host.slice(1)) : name === entry.host;
}

/** The allow entry that admits exactly one origin (`http://127.0.0.1:4000/x` → `127.0.0.1:4000`). */
export function allowEntryFor(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`;
}
