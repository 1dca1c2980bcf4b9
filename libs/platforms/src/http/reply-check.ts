import { RecentPost, ReplyTo } from '../types';

/**
 * Comment edges (Graph's `/{comment-id}/comments` and `/{ig-comment-id}/replies`, YouTube's `comments.list`)
 * document no read-after-write guarantee: a reply missing from its parent's listing this long after the lost answer
 * was not created (pending before, as for posts).
 */
export const REPLY_SETTLE_MS = 3 * 60_000;

/** Replies of one parent read at most by a check (a citizen's comment seldom has more than a few hundred). */
export const REPLY_MAX_PAGES = 10;

/** The comment a reply must be attached to: Instagram and YouTube take replies on top-level comments only. */
export function topLevelId(replyTo: ReplyTo): string {
  return replyTo.parentExternalId || replyTo.externalId;
}

/** Keeps the account's own replies: a citizen may write the same words under the same comment. */
export function ownReplies<T>(items: T[], isOwn: (item: T) => boolean, toPost: (item: T) => RecentPost): RecentPost[] {
  return items.filter(isOwn).map(toPost);
}
