import { SandboxComment, syncComments } from '../citizens/comments';
import { afterCursor, cursorOf } from '../citizens/paging';
import { json, SandboxEnv } from '../module';
import { Ctx, Reply, SandboxAccount, SandboxPost } from '../types';
import { graphTime, invalidParam } from './graph';

const ISO = (ms: number) => graphTime(new Date(ms));

/** Newest first (ties: newest id first), as Instagram's and Threads' reply edges list by default. */
const newestFirst = (x: SandboxComment, y: SandboxComment) => y.createdAt - x.createdAt || (BigInt(y.id) > BigInt(x.id) ? 1 : -1);

function page(ctx: Ctx, list: SandboxComment[], render: (c: SandboxComment) => Record<string, unknown>, maxLimit: number, edge: string, id: string): Reply {
  const limit = Math.min(maxLimit, Math.max(1, Number(ctx.params.limit ?? 25)));
  const rest = afterCursor(list, ctx.params.after);
  if (!rest) return invalidParam('(#100) The after cursor is invalid');
  const items = rest.slice(0, limit);
  const paging: Record<string, unknown> = items.length ? { cursors: { before: cursorOf(items[0].id), after: cursorOf(items[items.length - 1].id) } } : {};
  if (rest.length > items.length) paging.next = `${ctx.base}/v1.0/${id}/${edge}?limit=${limit}&after=${cursorOf(items[items.length - 1].id)}`;
  return json(200, { data: items.map(render), paging });
}

/**
 * Instagram GET /{ig-media-id}/comments: top-level comments newest first, `limit` ≤ 50, cursor paging; fields
 * id, text, timestamp, username, from{id,username}, like_count, replies{…} (the replies of each, oldest first).
 */
export function instagramComments(ctx: Ctx, a: SandboxAccount, post: SandboxPost, env: SandboxEnv): Reply {
  const all = syncComments(env.store, a).filter((c) => c.postExternalId === post.externalId);
  const fields = String(ctx.params.fields ?? 'id,text,timestamp');
  const render = (c: SandboxComment): Record<string, unknown> => {
    const out: Record<string, unknown> = { id: c.id, timestamp: ISO(c.createdAt) };
    if (fields.includes('text')) out.text = c.text;
    if (fields.includes('username')) out.username = c.author.handle;
    if (fields.includes('from')) out.from = { id: c.own ? a.externalId : c.author.id, username: c.author.handle };
    if (fields.includes('like_count')) out.like_count = 0;
    if (c.parentId) out.parent_id = c.parentId;
    return out;
  };
  return page(
    ctx,
    all.filter((c) => !c.parentId).sort(newestFirst),
    (c) => {
      const out = render(c);
      const replies = all.filter((r) => r.parentId === c.id).sort((x, y) => x.createdAt - y.createdAt);
      if (fields.includes('replies') && replies.length) out.replies = { data: replies.map(render) };
      return out;
    },
    50,
    'comments',
    post.externalId,
  );
}

/**
 * Threads GET /{media-id}/replies (top-level) and /conversation (every depth, flattened): `reverse` (true,
 * the default: newest first), `limit` ≤ 100, cursor paging; fields id, text, username, timestamp, permalink,
 * replied_to{id}, root_post{id}, is_reply, is_reply_owned_by_me.
 */
export function threadsReplies(ctx: Ctx, a: SandboxAccount, post: SandboxPost, env: SandboxEnv, edge: 'replies' | 'conversation'): Reply {
  let list = syncComments(env.store, a)
    .filter((c) => c.postExternalId === post.externalId && (edge === 'conversation' || !c.parentId))
    .sort(newestFirst);
  if (String(ctx.params.reverse) === 'false') list = list.reverse();
  const fields = String(ctx.params.fields ?? 'id');
  return page(
    ctx,
    list,
    (c) => {
      const out: Record<string, unknown> = { id: c.id };
      if (fields.includes('text')) out.text = c.text;
      if (fields.includes('username')) out.username = c.own ? a.handle : c.author.handle;
      if (fields.includes('timestamp')) out.timestamp = ISO(c.createdAt);
      if (fields.includes('permalink')) out.permalink = `https://www.threads.net/@${c.author.handle}/post/${c.id}`;
      if (fields.includes('replied_to')) out.replied_to = { id: c.parentId ?? post.externalId };
      if (fields.includes('root_post')) out.root_post = { id: post.externalId };
      if (fields.includes('is_reply_owned_by_me')) out.is_reply_owned_by_me = c.own;
      if (fields.includes('is_reply')) out.is_reply = true;
      return out;
    },
    100,
    edge,
    post.externalId,
  );
}
