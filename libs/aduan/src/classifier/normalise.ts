import { emojiToken } from './emoji';
import { SLANG, SLANG_PAIRS } from './slang-lexicon';
import { stem } from './stemmer';

/** One word of a comment: as written, as normalised (standard Indonesian), and its stem. */
export interface Token {
  surface: string;
  norm: string;
  stem: string;
}

/** What the text looks like beyond its words (counted before the words are normalised). */
export interface TextMarks {
  questionMarks: number;
  exclamations: number;
  urls: number;
  mentions: number;
  hashtags: number;
  phoneNumbers: number;
  /** Words of 3+ letters written in capitals. */
  shouted: number;
  emoji: number;
}

export interface NormalisedText {
  tokens: Token[];
  marks: TextMarks;
}

const URL_LIKE = /^(?:https?:\/\/|www\.)|^[a-z0-9-]+\.(?:com|net|org|id|co|xyz|io|me|ly|link|site|online|vip|club|top|info|bet|asia|pro|app)(?:[/?#]|$)/;
const PHONE_START = /^(?:\+?62|0)8[\d-]{2,}$/;
const DIGITS = /^[\d-]+$/;
const PIECES = /\p{Extended_Pictographic}|[\p{L}\p{N}]+/gu;
const ASCII_WORD = /^[a-z]+$/;
const LAUGH = /^(?:(?:wk)+w?|(?:kw)+k?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|(?:xi)+|(?:awok)+(?:wok)*|a?(?:ck)+)$/;

/** Runs of 3+ identical letters become one ("macettt" → "macet"); a doubled final letter too ("parahh"). */
export function squeezeRepeats(word: string): string {
  let w = word.replace(/(\p{L})\1{2,}/gu, '$1');
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/\d/.test(w)) w = w.slice(0, -1);
  return w;
}

function lookupSlang(word: string): string[] {
  const direct = SLANG[word];
  if (direct !== undefined) return direct.split(' ');
  if (LAUGH.test(word) && word.length >= 4) return [word.startsWith('ck') || word.startsWith('ack') ? 'ckck' : 'tawa'];
  return [word];
}

function push(out: Token[], surface: string, norm: string) {
  const s = SLANG[stem(norm)];
  const stemmed = stem(norm);
  out.push({ surface, norm, stem: s !== undefined && !s.includes(' ') ? s : stemmed });
}

function addWord(out: Token[], surface: string, lower: string) {
  // "jalan2" → "jalan jalan" (reduplication written with a 2)
  const redup = /^(\p{L}{3,})2$/u.exec(lower);
  if (redup) {
    for (const w of lookupSlang(squeezeRepeats(redup[1]))) {
      push(out, surface, w);
      push(out, surface, w);
    }
    return;
  }
  // letters and digits glued together ("3bulan", "rw05"): split; a number becomes "num"
  const parts = lower.match(/\p{L}+|\p{N}+/gu) ?? [];
  for (const part of parts) {
    if (/^\p{N}+$/u.test(part)) {
      out.push({ surface, norm: 'num', stem: 'num' });
      continue;
    }
    for (const w of lookupSlang(squeezeRepeats(part))) push(out, surface, w);
  }
}

const PAIR_FIRSTS = new Set(Object.keys(SLANG_PAIRS).map((k) => k.split(' ')[0]));

function joinPairs(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = i + 1 < tokens.length && PAIR_FIRSTS.has(tokens[i].norm) ? SLANG_PAIRS[`${tokens[i].norm} ${tokens[i + 1].norm}`] : undefined;
    if (pair) {
      out.push({ surface: tokens[i].surface + ' ' + tokens[i + 1].surface, norm: pair, stem: stem(pair) });
      i++;
    } else out.push(tokens[i]);
  }
  return out;
}

const pieceCache = new Map<string, Token[]>();

type Chunk = { kind: 'url' | 'phone' | 'digits' | 'mention' | 'hashtag' | 'words' | 'empty'; tokens: Token[] };
const rawCache = new Map<string, Chunk>();

/** What one whitespace-separated piece of a comment is (memoised by the piece as written, lower case). */
function classifyChunk(raw: string): Chunk {
  const hit = rawCache.get(raw);
  if (hit) return hit;
  const chunk = raw.replace(/^[("'\[]+|[)"'\].,!?;:]+$/g, '');
  let c: Chunk;
  if (!chunk) c = { kind: 'empty', tokens: [] };
  else if (URL_LIKE.test(chunk)) c = { kind: 'url', tokens: [{ surface: raw, norm: 'urltoken', stem: 'urltoken' }] };
  else if (PHONE_START.test(chunk)) c = { kind: 'phone', tokens: [{ surface: raw, norm: 'phonetoken', stem: 'phonetoken' }] };
  else if (DIGITS.test(chunk)) c = { kind: 'digits', tokens: chunkTokens(chunk) };
  else if (chunk[0] === '@' && chunk.length > 1) c = { kind: 'mention', tokens: [{ surface: raw, norm: 'mentiontoken', stem: 'mentiontoken' }] };
  else c = { kind: chunk[0] === '#' && chunk.length > 1 ? 'hashtag' : 'words', tokens: chunkTokens(chunk) };
  if (rawCache.size < 100_000) rawCache.set(raw, c);
  return c;
}

/** The tokens of one whitespace-free chunk of lower-case text (memoised: comments reuse their words). */
function chunkTokens(chunk: string): Token[] {
  const hit = pieceCache.get(chunk);
  if (hit) return hit;
  const out: Token[] = [];
  if (ASCII_WORD.test(chunk)) addWord(out, chunk, chunk);
  else {
    for (const m of chunk.matchAll(PIECES)) {
      if (/\p{Extended_Pictographic}/u.test(m[0])) {
        const t = emojiToken(m[0]);
        out.push({ surface: m[0], norm: t, stem: t });
      } else addWord(out, m[0], m[0]);
    }
  }
  if (pieceCache.size < 100_000) pieceCache.set(chunk, out);
  return out;
}

/**
 * Normalises a comment as citizens write it: Unicode NFKC, lower case, links/mentions/phone numbers and
 * emoji turned into tokens, repeated letters squeezed, slang and Sundanese mapped to standard Indonesian,
 * reduplication ("jalan2") expanded, each word stemmed.
 */
export function normaliseText(text: string): NormalisedText {
  const nfkc = text.normalize('NFKC');
  const marks: TextMarks = { questionMarks: 0, exclamations: 0, urls: 0, mentions: 0, hashtags: 0, phoneNumbers: 0, shouted: 0, emoji: 0 };
  let upperRun = 0;
  for (let i = 0; i <= nfkc.length; i++) {
    const ch = nfkc[i];
    if (ch === '?' || ch === '\uFF1F') marks.questionMarks++;
    else if (ch === '!') marks.exclamations++;
    if (ch !== undefined && ch >= 'A' && ch <= 'Z') upperRun++;
    else {
      if (upperRun >= 3 && !(ch !== undefined && ch >= 'a' && ch <= 'z')) marks.shouted++;
      upperRun = 0;
    }
  }
  const tokens: Token[] = [];
  let afterPhone = false;
  for (const raw of nfkc.toLowerCase().split(/\s+/)) {
    if (!raw) continue;
    const c = classifyChunk(raw);
    if (c.kind === 'digits' && afterPhone) continue;
    afterPhone = c.kind === 'phone' || (afterPhone && c.kind === 'empty');
    if (c.kind === 'url') marks.urls++;
    else if (c.kind === 'phone') marks.phoneNumbers++;
    else if (c.kind === 'mention') marks.mentions++;
    else if (c.kind === 'hashtag') marks.hashtags++;
    for (const t of c.tokens) {
      if (t.norm === 'emo' || t.norm.startsWith('emo_')) marks.emoji++;
      tokens.push(t);
    }
  }
  return { tokens: joinPairs(tokens), marks };
}
