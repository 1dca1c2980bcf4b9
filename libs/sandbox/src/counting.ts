// The sandbox's own length rules (independent of libs/platforms, so contract tests compare two implementations).

const URL_RE = /https?:\/\/\S+/g;
const BARE_RE = /(?<![\w@./-])(?:[a-z0-9-]+\.)+(?:com|net|org|id|co|io|gov|go\.id|ac\.id|co\.id|info|biz|app|dev|me)\b(?:\/\S*)?/gi;
const seg = new Intl.Segmenter('en', { granularity: 'grapheme' });
const isEmoji = (g: string) => /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(g) && !(g.length === 1 && g.charCodeAt(0) < 0x1100);

/** twitter-text v3 weighted length. */
export function xLength(text: string): number {
  let n = 0;
  const rest = text
    .normalize('NFC')
    .replace(URL_RE, () => ((n += 23), ''))
    .replace(BARE_RE, () => ((n += 23), ''));
  for (const { segment } of seg.segment(rest)) {
    if (isEmoji(segment)) n += 2;
    else
      for (const ch of segment) {
        const cp = ch.codePointAt(0)!;
        n += cp <= 0x10ff || (cp >= 0x2000 && cp <= 0x200d) || (cp >= 0x2010 && cp <= 0x201f) || (cp >= 0x2032 && cp <= 0x2037) ? 1 : 2;
      }
  }
  return n;
}

export function mastodonLength(text: string): number {
  let n = 0;
  const rest = text.replace(URL_RE, () => ((n += 23), ''));
  return n + [...rest].length;
}

export function threadsLength(text: string): number {
  let n = 0;
  for (const { segment } of seg.segment(text)) n += isEmoji(segment) ? Buffer.byteLength(segment) : [...segment].length;
  return n;
}

export const countLinks = (text: string) => (text.match(URL_RE) ?? []).length + (text.replace(URL_RE, '').match(BARE_RE) ?? []).length;
export const countHashtags = (text: string) => (text.match(/(?:^|\s)#[\p{L}\p{N}_]+/gu) ?? []).length;
export const countMentions = (text: string) => (text.match(/(?:^|\s)@[\w.]+/gu) ?? []).length;

export function toHtml(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br />')}</p>`)
    .join('');
}
