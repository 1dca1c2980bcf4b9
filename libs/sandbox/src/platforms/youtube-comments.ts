import { SandboxComment, syncComments } from '../citizens/comments';
import { afterCursor, cursorOf } from '../citizens/paging';
import { json, SandboxEnv } from '../module';
import { Ctx, Reply, SandboxAccount } from '../types';

type ErrorReply = (code: number, reason: string, message: string, domain?: string) => Reply;

const threadId = (c: SandboxComment) => `Ugz${c.id}`;

function commentJson(a: SandboxAccount, c: SandboxComment, parent?: SandboxComment) {
  const at = new Date(c.createdAt).toISOString();
  return {
    kind: 'youtube#comment',
    etag: `e${c.id}`,
    id: parent ? `${threadId(parent)}.${c.id}` : threadId(c),
    snippet: {
      channelId: a.externalId,
      videoId: c.postExternalId,
      textDisplay: c.text,
      textOriginal: c.text,
      ...(parent ? { parentId: threadId(parent) } : {}),
      authorDisplayName: `@${c.author.handle}`,
      authorChannelUrl: `http://www.youtube.com/@${c.author.handle}`,
      authorChannelId: { value: c.own ? a.externalId : `UC${c.author.id.padStart(22, '0')}` },
      canRate: true,
      viewerRating: 'none',
      likeCount: 0,
      publishedAt: at,
      updatedAt: at,
    },
  };
}

/**
 * GET /youtube/v3/commentThreads: `part` (snippet required; replies adds up to 5 replies per thread), exactly one
 * filter of `videoId` or `allThreadsRelatedToChannelId`, `order=time` (newest thread first, the default) or
 * `relevance`, `maxResults` 1–100 (default 20), `pageToken` = nextPageToken. The channel's own comments are listed
 * too (as on YouTube). 403 commentsDisabled / 404 videoNotFound as YouTube answers them.
 */
export function youtubeCommentThreads(ctx: Ctx, a: SandboxAccount, env: SandboxEnv, fail: ErrorReply): Reply {
  const q = ctx.query;
  const parts = String(q.part ?? '').split(',');
  if (!parts.includes('snippet') && !parts.includes('id')) return fail(400, 'invalidPart', "The 'part' parameter is invalid.", 'youtube.parameter');
  const filters = ['videoId', 'allThreadsRelatedToChannelId', 'id'].filter((f) => q[f]);
  if (filters.length !== 1) return fail(400, 'incompatibleParameters', 'The request specifies an invalid filter parameter.', 'youtube.parameter');
  if (q.videoId && env.store.post('youtube', q.videoId)?.accountExternalId !== a.externalId)
    return fail(
      404,
      'videoNotFound',
      'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter could not be found.',
      'youtube.commentThread',
    );
  if (q.allThreadsRelatedToChannelId && q.allThreadsRelatedToChannelId !== a.externalId)
    return fail(404, 'channelNotFound', 'The channel could not be found.', 'youtube.commentThread');
  const max = Math.min(100, Math.max(1, Number(q.maxResults ?? 20)));
  const all = syncComments(env.store, a).filter((c) => c.postExternalId && (!q.videoId || c.postExternalId === q.videoId));
  let threads = all.filter((c) => !c.parentId).sort((x, y) => y.createdAt - x.createdAt || (BigInt(y.id) > BigInt(x.id) ? 1 : -1));
  const rest = afterCursor(threads, q.pageToken);
  if (!rest) return fail(400, 'invalidPageToken', 'The request specifies an invalid page token.', 'youtube.parameter');
  threads = rest;
  const page = threads.slice(0, max);
  const items = page.map((t) => {
    const replies = all.filter((r) => r.parentId === t.id).sort((x, y) => x.createdAt - y.createdAt);
    return {
      kind: 'youtube#commentThread',
      etag: `t${t.id}`,
      id: threadId(t),
      snippet: {
        channelId: a.externalId,
        videoId: t.postExternalId,
        topLevelComment: commentJson(a, t),
        canReply: true,
        totalReplyCount: replies.length,
        isPublic: true,
      },
      ...(parts.includes('replies') && replies.length ? { replies: { comments: replies.slice(-5).map((r) => commentJson(a, r, t)) } } : {}),
    };
  });
  return json(200, {
    kind: 'youtube#commentThreadListResponse',
    etag: `l${page[0]?.id ?? 0}`,
    ...(threads.length > page.length ? { nextPageToken: cursorOf(page[page.length - 1].id) } : {}),
    pageInfo: { totalResults: page.length, resultsPerPage: max },
    items,
  });
}
