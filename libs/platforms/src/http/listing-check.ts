import { composeText } from '../text/compose';
import { matchesFingerprint, normalizeForFingerprint } from '../text/fingerprint';
import { CheckRequest, CheckResult, RecentPost } from '../types';

/** Posts a little older than the first try still count (clock skew between Kabar and the platform). */
export const LISTING_MARGIN_MS = 2 * 60_000;

export interface ListingCheckOptions {
  /** Name of the proof, stored with the answer (`how`). */
  how: string;
  /**
   * How long after the lost answer a listing is trusted to show every post created by then (the request may
   * still be carried out after the answer was lost, and some listings are eventually consistent).
   */
  settleMs: number;
  /** Pages read at most; a listing longer than that since the first try ends `unknown` ('listing_too_long'). */
  maxPages: number;
}

/**
 * Answers a check from the account's own listing, read newest first from `since - LISTING_MARGIN_MS` on:
 * a post with the sent text that Kabar does not know yet is `found`; a complete listing without it is `absent`
 * once `req.now` is `settleMs` past `req.lostAt`, `pending` before that. `pages` yields one page at a time and
 * ends when the listing is exhausted or older than the window.
 */
export async function checkListing(pages: AsyncIterable<RecentPost[]>, req: CheckRequest, opts: ListingCheckOptions): Promise<CheckResult> {
  const text = composeText(req.content);
  // Media-only posts have no text to tell them apart (X adds a t.co link, which the fingerprint drops).
  if (!normalizeForFingerprint(text)) return { state: 'unknown', reason: 'no_text_to_match' };
  const known = new Set(req.known.map((k) => k.externalId));
  const from = req.since.getTime() - LISTING_MARGIN_MS;
  let read = 0;
  let oldest: RecentPost | undefined;
  for await (const page of pages) {
    if (++read > opts.maxPages) break;
    for (const p of page)
      if (p.createdAt.getTime() >= from && !known.has(p.externalId) && matchesFingerprint(p.text, text) && (!oldest || p.createdAt < oldest.createdAt))
        oldest = p;
  }
  // The oldest match in the window: the first try's post, should a person have posted the same text again since.
  if (oldest) return { state: 'found', post: { externalId: oldest.externalId, url: oldest.url }, how: opts.how };
  if (read > opts.maxPages) return { state: 'unknown', reason: 'listing_too_long' };
  const wait = req.lostAt.getTime() + opts.settleMs - req.now.getTime();
  if (wait > 0) return { state: 'pending', how: `${opts.how}_settling`, retryAfterMs: wait };
  return { state: 'absent', how: opts.how };
}
