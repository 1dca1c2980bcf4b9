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
 * YouTube comment threads) and `since`-capable chronological ones (Facebook).
 */
export async function readByTime<C>(cursor: string | null, fetchPage: (page: C | undefined) => Promise<Page<C>>): Promise<CommentRead> {
  const items: CitizenComment[] = [];
  let page: C | undefined;
  for (let i = 0; i < COMMENT_PAGE_BUDGET; i++) {
    const res = await fetchPage(page);
    items.push(...res.items);
    if (!res.next || res.reachedOld) return { items, cursor: newestTime(cursor, items), more: false };
    page = res.next;
  }
  // Chronological: the next run continues after the newest item read. Newest first: the newest item read too (a
  // burst larger than the budget leaves its older part unread: keeping the old cursor would only read the same
  // newest pages again on every run).
  return { items, cursor: newestTime(cursor, items), more: true };
}

/** Items strictly older than the time cursor are skipped. */
export const notOlder = (cursor: string | null) => {
  const t = cursor ? Date.parse(cursor) : -Infinity;
  return (c: CitizenComment) => c.writtenAt.getTime() >= t;
};
