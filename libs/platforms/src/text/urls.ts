const TLDS =
  'com|net|org|id|co|io|gov|edu|info|biz|me|app|dev|ly|tv|xyz|ai|us|uk|sg|my|au|jp|de|fr|nl|news|online|site|web|blog|link|social|go\\.id|or\\.id|ac\\.id|co\\.id|sch\\.id|desa\\.id|web\\.id|my\\.id';

/** URLs with a scheme. */
export const SCHEME_URL = /\bhttps?:\/\/[^\s<>"]+/giu;
/** URLs with a scheme or bare domains on a known TLD (twitter-text counts `bogorkota.go.id` too). */
export const ANY_URL = new RegExp(
  `(?:\\bhttps?:\\/\\/[^\\s<>"]+)|(?:(?<![\\w@.\\/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})\\b(?::\\d+)?(?:\\/[^\\s<>"]*)?)`,
  'giu',
);

/** Trailing punctuation is not part of a URL in running text. */
export function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]'"]+$/u, '');
}

export function findUrls(text: string, withBare = true): string[] {
  return (text.match(withBare ? ANY_URL : SCHEME_URL) ?? []).map(trimUrl);
}

export const HASHTAG = /(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;
export const MENTION = /(?:^|[^\p{L}\p{N}_])@([A-Za-z0-9_.]{1,30})/gu;

export function countMatches(re: RegExp, text: string): number {
  return Array.from(text.matchAll(re)).length;
}
