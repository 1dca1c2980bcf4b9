import { syncComments } from '../citizens/comments';
import { byId, othersOnly, withMention } from '../citizens/render';
import { json, SandboxEnv } from '../module';
import { Ctx, Reply, SandboxAccount } from '../types';

/**
 * GET /2/users/:id/mentions: the authenticated user's mentions (replies to its tweets included), newest first,
 * `since_id`/`until_id`, `start_time`, `max_results` 5–100, `pagination_token` = meta.next_token; `tweet.fields`
 * (created_at, author_id, conversation_id, in_reply_to_user_id, referenced_tweets) and `expansions=author_id`
 * (includes.users). Another user's mentions: 403 as for a user context that may not read them.
 */
export function xMentions(ctx: Ctx, a: SandboxAccount, env: SandboxEnv, userId: string): Reply {
  if (userId !== a.externalId)
    return json(403, { title: 'Forbidden', detail: 'You are not permitted to perform this action.', type: 'about:blank', status: 403 });
  const q = ctx.query;
  const max = Math.min(100, Math.max(5, Number(q.max_results ?? 10)));
  const all = syncComments(env.store, a);
  let list = othersOnly(all).sort(byId).reverse();
  if (q.since_id) list = list.filter((c) => BigInt(c.id) > BigInt(q.since_id));
  if (q.until_id) list = list.filter((c) => BigInt(c.id) < BigInt(q.until_id));
  if (q.start_time) list = list.filter((c) => c.createdAt >= Math.floor(Date.parse(q.start_time) / 1000) * 1000);
  if (q.pagination_token) {
    const below = Buffer.from(q.pagination_token, 'base64url').toString('utf8');
    if (!/^\d+$/.test(below))
      return json(400, {
        errors: [{ parameters: { pagination_token: [q.pagination_token] }, message: 'The `pagination_token` query parameter value is not valid' }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      });
    list = list.filter((c) => BigInt(c.id) < BigInt(below));
  }
  const page = list.slice(0, max);
  const fields = String(q['tweet.fields'] ?? '');
  const data = page.map((c) => {
    const parent = c.parentId ? all.find((p) => p.id === c.parentId) : undefined;
    const repliedTo = c.kind === 'mention' ? undefined : (c.parentId ?? c.postExternalId);
    const t: Record<string, unknown> = { id: c.id, text: withMention(a, c), edit_history_tweet_ids: [c.id] };
    if (fields.includes('created_at')) t.created_at = new Date(c.createdAt).toISOString();
    if (fields.includes('author_id')) t.author_id = c.author.id;
    if (fields.includes('conversation_id')) t.conversation_id = c.postExternalId ?? c.id;
    if (fields.includes('in_reply_to_user_id') && repliedTo) t.in_reply_to_user_id = parent && !parent.own ? parent.author.id : a.externalId;
    if (fields.includes('referenced_tweets') && repliedTo) t.referenced_tweets = [{ type: 'replied_to', id: repliedTo }];
    return t;
  });
  const users = [...new Map(page.map((c) => [c.author.id, { id: c.author.id, name: c.author.name, username: c.author.handle }])).values()];
  const more = list.length > page.length;
  return json(200, {
    ...(data.length ? { data } : {}),
    ...(data.length && String(q.expansions ?? '').includes('author_id') ? { includes: { users } } : {}),
    meta: {
      result_count: page.length,
      ...(page.length ? { newest_id: page[0].id, oldest_id: page[page.length - 1].id } : {}),
      ...(more ? { next_token: Buffer.from(page[page.length - 1].id).toString('base64url') } : {}),
    },
  });
}
