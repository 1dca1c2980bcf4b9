import { createHash } from 'node:crypto';
import { htmlToText } from './compose';
import { ANY_URL } from './urls';

/**
 * Text as a platform may give it back: NFC, HTML removed, URLs dropped (t.co and link shorteners
 * rewrite them), whitespace collapsed.
 */
export function normalizeForFingerprint(text: string): string {
  const plain = /<\/?(p|br|a|span)\b/i.test(text) ? htmlToText(text) : text;
  return plain.normalize('NFC').replace(ANY_URL, ' ').replace(/\s+/gu, ' ').trim();
}

export function contentFingerprint(text: string): string {
  return createHash('sha256').update(normalizeForFingerprint(text), 'utf8').digest('hex');
}

/**
 * True when `postedText` (as read back by findRecent) is the post made from `originalText`.
 * Accepts hashtags appended by the adapter after the original text, nothing else.
 */
export function matchesFingerprint(postedText: string, originalText: string): boolean {
  const posted = normalizeForFingerprint(postedText);
  const original = normalizeForFingerprint(originalText);
  if (posted === original) return true;
  if (!original || !posted.startsWith(original)) return false;
  const rest = posted.slice(original.length).trim();
  return /^(#[\p{L}\p{N}_]+\s*)+$/u.test(rest);
}
