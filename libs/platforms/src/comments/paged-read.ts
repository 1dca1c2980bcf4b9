import { CitizenComment, COMMENT_PAGE_BUDGET, CommentRead, newestTime } from './types';

export interface Page<C> {
  items: CitizenComment[];
  /** The next page's cursor; undefined at the end. */
  next?: C;
  /** Items older than the stored cursor were reached (newest-first listings): stop. */
  reachedOld?: boolean;
}

/**
 * Reads pages until the end, an item older than the scope's time cursor (newest-first listings), or the page
 * budget; the new cursor is the newest item's time. Used by listings without an id cursor (Graph edges,
 * YouTube comment threads); a `since`-capable chronological listing passes `continueAfterBudget` so the next
 * run starts after the last item read.
 */
export async function readByTime<C>(cursor: string | null, fetchPage: (page: C | undefined) => Promise<Page<C>>, chronological = false): Promise<CommentRead> {
  const items: CitizenComment[] = [];
  let page: C | undefined;
  for (let i = 0; i < COMMENT_PAGE_BUDGET; i++) {
    const res = await fetchPage(page);
    items.push(...res.items);
    if (!res.next || res.reachedOld) return { items, cursor: newestTime(cursor, items), more: false };
    page = res.next;
  }
  // Chronological: the newest item read is where the next run continues. Newest first: the older part not yet
  // read would be skipped by a newer cursor, so the cursor stays and the next run reads again (deduplicated).
  return { items, cursor: chronological ? newestTime(cursor, items) : cursor, more: true };
}

/** Items strictly older than the time cursor are skipped. */
export const notOlder = (cursor: string | null) => {
  const t = cursor ? Date.parse(cursor) : -Infinity;
  return (c: CitizenComment) => c.writtenAt.getTime() >= t;
};
