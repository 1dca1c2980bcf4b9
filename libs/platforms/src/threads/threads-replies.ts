import { notOlder, readByTime } from '../comments/paged-read';
import { CommentRead, CommentScope } from '../comments/types';
import { graphObjectRead } from '../graph/graph-object-gone';
import { PlatformHttp } from '../http/http-client';
import { AccountCredentials } from '../types';

interface ThreadsReply {
  id: string;
  text?: string;
  username?: string;
  timestamp: string;
  permalink?: string;
  replied_to?: { id: string };
  is_reply_owned_by_me?: boolean;
}

/**
 * GET /{media-id}/conversation?reverse=true&limit=100: every reply of a post at any depth, newest first,
 * following `after` until replies older than the cursor. A reply to the post is a comment; a reply to a reply is
 * a reply. The account's own replies (is_reply_owned_by_me) are skipped.
 */
export function readThreadsReplies(
  http: PlatformHttp,
  apiUrl: string,
  account: AccountCredentials,
  scope: CommentScope,
  cursor: string | null,
): Promise<CommentRead> {
  const postId = scope.postExternalId!;
  const fresh = notOlder(cursor);
  return readByTime<string>(cursor, async (after) => {
    const res = await http.send<{ data: ThreadsReply[]; paging?: { cursors?: { after?: string }; next?: string } }>(
      account,
      {
        method: 'GET',
        url: `${apiUrl}/${encodeURIComponent(postId)}/conversation`,
        params: {
          access_token: account.accessToken,
          fields: 'id,text,username,timestamp,permalink,replied_to,is_reply_owned_by_me',
          reverse: true,
          limit: 100,
          ...(after ? { after } : {}),
        },
      },
      { classify: graphObjectRead('threads') },
    );
    const all = res.data.data
      .filter((r) => !r.is_reply_owned_by_me && r.username !== account.handle)
      .map((r) => {
        const parent = r.replied_to?.id && r.replied_to.id !== postId ? r.replied_to.id : undefined;
        return {
          externalId: r.id,
          kind: parent ? ('reply' as const) : ('comment' as const),
          postExternalId: postId,
          parentExternalId: parent,
          authorHandle: r.username ?? 'unknown',
          text: r.text ?? '',
          url: r.permalink,
          writtenAt: new Date(r.timestamp.replace(/\+0000$/, 'Z')),
        };
      });
    const items = all.filter(fresh);
    const last = res.data.data.at(-1);
    const reachedOld = !!last && !!cursor && Date.parse(last.timestamp.replace(/\+0000$/, 'Z')) < Date.parse(cursor);
    return { items, next: res.data.paging?.next ? res.data.paging.cursors?.after : undefined, reachedOld };
  });
}
