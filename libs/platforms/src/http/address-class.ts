import { isIP } from 'node:net';

/**
 * What an IP address is, for outbound requests: only `public` is reachable without the operator's say-so.
 * - loopback: 127/8, ::1
 * - private: RFC 1918, ULA fc00::/7 (incl. fd00:ec2::254, the EC2 metadata address), site-local fec0::/10
 * - link-local: 169.254/16 (incl. 169.254.169.254, cloud metadata), fe80::/10
 * - shared: CGNAT 100.64/10
 * - unspecified: 0/8, ::
 * - multicast: 224/4, ff00::/8
 * - reserved: documentation, benchmarking, protocol assignments, 240/4 and broadcast, IPv6 outside 2000::/3
 * IPv4 inside IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by its IPv4 address.
 */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'shared' | 'unspecified' | 'multicast' | 'reserved';

/** An address as bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = number[];

export interface Cidr {
  bytes: IpBytes;
  prefix: number;
}

/** `127.0.0.1`, `::1`, `[::1]`, `fe80::1%eth0` → bytes; null when it is not an IP address. */
export function parseIp(text: string): IpBytes | null {
  const s = text
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .split('%')[0];
  const kind = isIP(s);
  if (kind === 4) return s.split('.').map(Number);
  if (kind !== 6) return null;
  let v6 = s.toLowerCase();
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (dotted) {
    const [a, b, c, d] = dotted[2].split('.').map(Number);
    v6 = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = v6.includes('::') ? v6.split('::') : [v6, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : new Array(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups].map((g) => parseInt(g, 16));
  if (groups.length !== 8) return null;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** `10.0.0.0/8`, `fd00::/8`, or a single address (a /32 or /128). Null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [ip, prefixText, ...rest] = text.trim().split('/');
  const bytes = parseIp(ip);
  if (!bytes || rest.length) return null;
  const max = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { bytes, prefix: Number(prefixText) };
}

export function inCidr(bytes: IpBytes, cidr: Cidr): boolean {
  if (bytes.length !== cidr.bytes.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (cidr.bytes[i] & mask)) return false;
  }
  return true;
}

/** `::ffff:a.b.c.d` → the IPv4 bytes; anything else unchanged. */
export function unmapIpv4(bytes: IpBytes): IpBytes {
  return bytes.length === 16 && inCidr(bytes, MAPPED) ? bytes.slice(12) : bytes;
}

const table = (rows: Array<[string, AddressClass]>): Array<[Cidr, AddressClass]> => rows.map(([c, cls]) => [parseCidr(c)!, cls]);

const MAPPED = parseCidr('::ffff:0:0/96')!;
const NAT64 = parseCidr('64:ff9b::/96')!;
const SIX_TO_FOUR = parseCidr('2002::/16')!;
const GLOBAL_UNICAST = parseCidr('2000::/3')!;

const V4: Array<[Cidr, AddressClass]> = table([
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
]);

const V6: Array<[Cidr, AddressClass]> = table([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'reserved'],
  ['100::/64', 'reserved'],
  ['2001::/23', 'reserved'],
  ['2001:db8::/32', 'reserved'],
  ['3fff::/20', 'reserved'],
  ['5f00::/16', 'reserved'],
  ['fc00::/7', 'private'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'private'],
  ['ff00::/8', 'multicast'],
]);

/** The class of an address given as text or bytes; anything that is not an IP address counts as `reserved`. */
export function classifyAddress(address: string | IpBytes): AddressClass {
  const bytes = typeof address === 'string' ? parseIp(address) : address;
  if (!bytes) return 'reserved';
  if (bytes.length === 4) return V4.find(([c]) => inCidr(bytes, c))?.[1] ?? 'public';
  if (inCidr(bytes, MAPPED) || inCidr(bytes, NAT64)) return classifyAddress(bytes.slice(12));
  if (inCidr(bytes, SIX_TO_FOUR)) return classifyAddress(bytes.slice(2, 6));
  const special = V6.find(([c]) => inCidr(bytes, c))?.[1];
  if (special) return special;
  return inCidr(bytes, GLOBAL_UNICAST) ? 'public' : 'reserved';
}
