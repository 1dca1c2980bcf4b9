import { syncComments } from '../citizens/comments';
import { sandboxReplies } from '../replies';
import { afterCursor, cursorOf } from '../citizens/paging';
import { json } from '../module';
import { Ctx, Reply, SandboxAccount, SandboxPost } from '../types';
import { SandboxEnv } from '../module';
import { graphTime, invalidParam, sinceMs } from './graph';

const commentId = (post: SandboxPost, id: string) => `${post.externalId.split('_')[1] ?? post.externalId}_${id}`;

/**
 * GET /{post-id}/comments: `filter=toplevel` (default) or `stream` (replies too, each with `parent`),
 * `order=chronological` (default) or `reverse_chronological`, `since`/`until`, `limit` ≤ 100, cursor paging.
 * Fields: id, message, created_time, from{id,name} (the Page's own comments always; others' as Graph gives them
 * to a Page token), parent{id}, permalink_url.
 */
export function facebookComments(ctx: Ctx, a: SandboxAccount, post: SandboxPost, env: SandboxEnv): Reply {
  const p = ctx.params;
  const since = sinceMs(p.since);
  const until = p.until === undefined ? Infinity : sinceMs(p.until);
  const limit = Math.min(100, Math.max(1, Number(p.limit ?? 25)));
  if (p.filter !== undefined && !['toplevel', 'stream'].includes(String(p.filter)))
    return invalidParam('(#100) param filter must be one of {toplevel, stream}');
  let list = syncComments(env.store, a)
    .filter((c) => c.postExternalId === post.externalId && (p.filter === 'stream' || !c.parentId))
    .filter((c) => c.createdAt >= since && c.createdAt <= until)
    .sort((x, y) => x.createdAt - y.createdAt || (BigInt(x.id) < BigInt(y.id) ? -1 : 1));
  if (p.order === 'reverse_chronological') list.reverse();
  const rest = afterCursor(list, p.after);
  if (!rest) return invalidParam('(#100) The after cursor is invalid');
  list = rest;
  const page = list.slice(0, limit);
  const fields = String(p.fields ?? 'id,message,created_time,from');
  const data = page.map((c) => {
    const out: Record<string, unknown> = { id: commentId(post, c.id), created_time: graphTime(new Date(c.createdAt)) };
    if (fields.includes('message')) out.message = c.text;
    if (fields.includes('from')) out.from = { id: c.own ? a.externalId : c.author.id, name: c.own ? a.name : c.author.name };
    if (fields.includes('parent') && c.parentId) out.parent = { id: commentId(post, c.parentId) };
    if (fields.includes('permalink_url')) out.permalink_url = `${post.url}?comment_id=${c.id}`;
    return out;
  });
  const paging: Record<string, unknown> = page.length ? { cursors: { before: cursorOf(page[0].id), after: cursorOf(page[page.length - 1].id) } } : {};
  if (list.length > page.length) {
    const q = new URLSearchParams({ ...(p as Record<string, string>), limit: String(limit), after: cursorOf(page[page.length - 1].id) });
    q.delete('access_token');
    paging.next = `${ctx.base}/v23.0/${post.externalId}/comments?${q.toString()}`;
  }
  return json(200, { data, paging });
}

/** Whether `id` names a comment (a citizen's, the Page's own reply, or one the Page replied to) on the Page. */
export function facebookCommentExists(env: SandboxEnv, a: SandboxAccount, id: string): boolean {
  const posts = new Map(env.store.posts('facebook', a.externalId).map((p) => [p.externalId, p]));
  // the Page replied to it or under it (the sandbox takes replies to a comment it did not write itself)
  if (sandboxReplies(env.store, { platform: 'facebook' }).some((r) => r.externalId === id || r.parentExternalId === id)) return true;
  return syncComments(env.store, a).some((c) => {
    const post = c.postExternalId ? posts.get(c.postExternalId) : undefined;
    return !!post && commentId(post, c.id) === id;
  });
}
