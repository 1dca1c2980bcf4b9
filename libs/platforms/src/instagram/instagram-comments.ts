import { readByTime } from '../comments/paged-read';
import { CitizenComment, CommentRead, CommentScope } from '../comments/types';
import { graphObjectRead } from '../graph/graph-object-gone';
import { PlatformHttp } from '../http/http-client';
import { AccountCredentials } from '../types';

interface IgComment {
  id: string;
  text?: string;
  timestamp: string;
  username?: string;
  from?: { id: string; username?: string };
  parent_id?: string;
  replies?: { data: IgComment[] };
}

/** Comments started this long before the cursor are still read: their new replies come with them. */
const REPLY_LOOKBACK_MS = 2 * 86_400_000;

/**
 * GET /{ig-media-id}/comments?fields=id,text,timestamp,username,from{id,username},replies{…}&limit=50: the post's
 * comments newest first, each with its replies, following `after` until comments older than the cursor (less a
 * lookback for late replies). The account's own comments (from.id or username = the account) are skipped.
 */
export function readInstagramComments(
  http: PlatformHttp,
  apiUrl: string,
  account: AccountCredentials,
  scope: CommentScope,
  cursor: string | null,
): Promise<CommentRead> {
  const postId = scope.postExternalId!;
  const oldest = cursor ? Date.parse(cursor) - REPLY_LOOKBACK_MS : -Infinity;
  const own = (c: IgComment) => c.from?.id === account.externalId || (!!account.handle && c.username === account.handle);
  const toItem = (c: IgComment, parent?: string): CitizenComment => ({
    externalId: c.id,
    kind: parent ? 'reply' : 'comment',
    postExternalId: postId,
    parentExternalId: parent,
    authorExternalId: c.from?.id,
    authorHandle: c.username ?? c.from?.username ?? 'unknown',
    text: c.text ?? '',
    writtenAt: new Date(c.timestamp.replace(/\+0000$/, 'Z')),
  });
  return readByTime<string>(cursor, async (after) => {
    const res = await http.send<{ data: IgComment[]; paging?: { cursors?: { after?: string }; next?: string } }>(
      account,
      {
        method: 'GET',
        url: `${apiUrl}/${encodeURIComponent(postId)}/comments`,
        params: {
          access_token: account.accessToken,
          fields: 'id,text,timestamp,username,from{id,username},replies{id,text,timestamp,username,from{id,username},parent_id}',
          limit: 50,
          ...(after ? { after } : {}),
        },
      },
      { classify: graphObjectRead('instagram') },
    );
    const items: CitizenComment[] = [];
    let reachedOld = false;
    for (const c of res.data.data) {
      if (Date.parse(c.timestamp.replace(/\+0000$/, 'Z')) < oldest) {
        reachedOld = true;
        break;
      }
      if (!own(c)) items.push(toItem(c));
      for (const r of c.replies?.data ?? []) if (!own(r)) items.push(toItem(r, c.id));
    }
    return { items, next: res.data.paging?.next ? res.data.paging.cursors?.after : undefined, reachedOld };
  });
}
