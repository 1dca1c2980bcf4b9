import { graphObjectRead } from '../graph/graph-object-gone';
import { PlatformHttp } from '../http/http-client';
import { readByTime } from '../comments/paged-read';
import { CommentRead, CommentScope } from '../comments/types';
import { AccountCredentials } from '../types';

interface FbComment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  parent?: { id: string };
  permalink_url?: string;
}

interface FbCommentsPage {
  data: FbComment[];
  paging?: { cursors?: { after?: string }; next?: string };
}

/**
 * GET /{post-id}/comments?filter=stream&order=chronological&since={cursor}: every comment and reply of a
 * post, oldest first, from the scope's time cursor on (`since` is inclusive: the last second is read again and
 * deduplicated), 100 a page following `after` while Graph gives a `next` page. The Page's own comments
 * (`from.id` = the Page) are skipped; `from` may be absent for people who did not allow it (kept as "anonim").
 */
export function readFacebookComments(
  http: PlatformHttp,
  apiUrl: string,
  account: AccountCredentials,
  scope: CommentScope,
  cursor: string | null,
): Promise<CommentRead> {
  const postId = scope.postExternalId!;
  return readByTime<string>(cursor, async (after) => {
    const res = await http.send<FbCommentsPage>(
      account,
      {
        method: 'GET',
        url: `${apiUrl}/${encodeURIComponent(postId)}/comments`,
        params: {
          access_token: account.accessToken,
          fields: 'id,message,created_time,from{id,name},parent{id},permalink_url',
          filter: 'stream',
          order: 'chronological',
          limit: 100,
          ...(cursor ? { since: Math.floor(Date.parse(cursor) / 1000) } : {}),
          ...(after ? { after } : {}),
        },
      },
      { classify: graphObjectRead('facebook') },
    );
    const items = res.data.data
      .filter((c) => c.from?.id !== account.externalId)
      .map((c) => ({
        externalId: c.id,
        kind: c.parent ? ('reply' as const) : ('comment' as const),
        postExternalId: postId,
        parentExternalId: c.parent?.id,
        authorExternalId: c.from?.id,
        authorHandle: c.from?.name ?? 'anonim',
        authorName: c.from?.name,
        text: c.message ?? '',
        url: c.permalink_url,
        writtenAt: new Date(c.created_time.replace(/\+0000$/, 'Z')),
      }));
    const next = res.data.paging?.next ? res.data.paging.cursors?.after : undefined;
    return { items, next: res.data.data.length ? next : undefined };
  });
}
