import { findUrls } from './urls';

export type CountingMode = 'utf16' | 'codepoints' | 'x-weighted' | 'mastodon' | 'threads' | 'utf8-bytes';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** UTF-8 byte counts without Node's Buffer, so the console counts as the server does (it imports this file). */
const utf8 = new TextEncoder();
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** twitter-text v3: scale 100, default weight 200, ranges of weight 100, URL = 23, emoji = 2. */
const LIGHT_RANGES: Array<[number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

function codePointWeight(cp: number): number {
  for (const [lo, hi] of LIGHT_RANGES) if (cp >= lo && cp <= hi) return 1;
  return 2;
}

function maskUrls(text: string, withBare: boolean, each: (url: string) => void): string {
  let out = text;
  for (const url of findUrls(text, withBare)) {
    each(url);
    out = out.replace(url, '');
  }
  return out;
}

export function xWeightedLength(input: string): number {
  let total = 0;
  const rest = maskUrls(input.normalize('NFC'), true, () => (total += 23));
  for (const { segment } of segmenter.segment(rest)) {
    if (EMOJI.test(segment) && !(segment.length === 1 && segment.charCodeAt(0) <= 0x10ff)) {
      total += 2;
      continue;
    }
    for (const ch of segment) total += codePointWeight(ch.codePointAt(0) ?? 0);
  }
  return total;
}

/** Mastodon: code points, every http(s) URL = 23 (characters_reserved_per_url). */
export function mastodonLength(input: string, perUrl = 23): number {
  let total = 0;
  const rest = maskUrls(input, false, () => (total += perUrl));
  return total + Array.from(rest).length;
}

/** Threads: characters, but an emoji counts as its UTF-8 bytes (😀 = 4). */
export function threadsLength(input: string): number {
  let total = 0;
  for (const { segment } of segmenter.segment(input)) total += EMOJI.test(segment) ? utf8.encode(segment).length : Array.from(segment).length;
  return total;
}

export function textLength(text: string, mode: CountingMode): number {
  switch (mode) {
    case 'x-weighted':
      return xWeightedLength(text);
    case 'mastodon':
      return mastodonLength(text);
    case 'threads':
      return threadsLength(text);
    case 'codepoints':
      return Array.from(text).length;
    case 'utf8-bytes':
      return utf8.encode(text).length;
    case 'utf16':
    default:
      return text.length;
  }
}
