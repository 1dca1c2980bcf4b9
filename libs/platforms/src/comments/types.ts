import { AccountCredentials } from '../types';

/** A comment on a post, a reply to a comment, a mention of the account, or a message in a discussion group. */
export type CitizenCommentKind = 'comment' | 'reply' | 'mention' | 'message';

/** One citizen's comment as the platform gives it (the account's own comments are never returned). */
export interface CitizenComment {
  externalId: string;
  kind: CitizenCommentKind;
  /** The account's post it answers (directly or through a thread), when the platform says so. */
  postExternalId?: string;
  /** The comment it replies to, for replies. */
  parentExternalId?: string;
  authorExternalId?: string;
  authorHandle: string;
  authorName?: string;
  text: string;
  url?: string;
  writtenAt: Date;
}

/**
 * What a platform lets an account read. `comments`: comments/replies on its posts; `mentions`: posts that
 * mention it; `perPost`: comments are read post by post (a scope per post) rather than account-wide.
 */
export interface CommentCapabilities {
  comments: boolean;
  mentions: boolean;
  perPost: boolean;
}

/** One incremental stream of an account: a post's comments (`post:<id>`), its mentions, its discussion group. */
export interface CommentScope {
  key: string;
  postExternalId?: string;
}

/** What one read of a scope gave: new items (maybe some already seen) and the cursor to store for next time. */
export interface CommentRead {
  items: CitizenComment[];
  /** The scope's next cursor (null: keep the previous one). */
  cursor: string | null;
  /** The page budget ran out before the end: the next read continues from `cursor`. */
  more: boolean;
}

/** Pages read per scope and run at most: within the platforms' hourly budgets for ~150 accounts every few minutes. */
export const COMMENT_PAGE_BUDGET = 5;

export interface CommentReader {
  readonly commentCapabilities: CommentCapabilities;
  /** The scopes to read for the account: one per post given (perPost platforms) and/or account-wide ones. */
  commentScopes(account: AccountCredentials, postExternalIds: string[]): CommentScope[];
  /** Reads the scope's items newer than `cursor` (null: the first read of this scope). */
  readComments(account: AccountCredentials, scope: CommentScope, cursor: string | null): Promise<CommentRead>;
}

export const NO_COMMENTS: CommentCapabilities = { comments: false, mentions: false, perPost: false };

/** Per-post scopes for the posts given. */
export const postScopes = (postExternalIds: string[]): CommentScope[] => postExternalIds.map((id) => ({ key: `post:${id}`, postExternalId: id }));

/** The newest of an ISO cursor and the items' times (ISO), for time-based cursors. */
export function newestTime(cursor: string | null, items: Array<{ writtenAt: Date }>): string | null {
  let best = cursor ? Date.parse(cursor) : -Infinity;
  for (const i of items) best = Math.max(best, i.writtenAt.getTime());
  return Number.isFinite(best) ? new Date(best).toISOString() : cursor;
}
