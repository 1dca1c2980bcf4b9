import { syncComments } from '../citizens/comments';
import { byId, othersOnly, withMention } from '../citizens/render';
import { toHtml } from '../counting';
import { json, SandboxEnv } from '../module';
import { Ctx, Reply, SandboxAccount } from '../types';

/**
 * GET /api/v1/notifications (Mastodon 4.x): `types[]` (only `mention` notifications exist here), `since_id`,
 * `min_id` (the page right after it, oldest part first), `max_id`, `limit` ≤ 80 (default 40); newest first in
 * the page; Link header `next` (max_id) and `prev` (min_id). Each mention carries its status with
 * in_reply_to_id / in_reply_to_account_id.
 */
export function mastodonNotifications(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  const q = ctx.query;
  const types = q['types[]'] ?? q.types;
  const excluded = q['exclude_types[]'] ?? q.exclude_types;
  if ((types && types !== 'mention') || excluded === 'mention') return json(200, []);
  const limit = Math.min(80, Math.max(1, Number(q.limit ?? 40)));
  let list = othersOnly(syncComments(env.store, a)).sort(byId);
  const gt = q.min_id ?? q.since_id;
  if (gt) list = list.filter((c) => BigInt(c.id) > BigInt(gt));
  if (q.max_id) list = list.filter((c) => BigInt(c.id) < BigInt(q.max_id));
  // min_id: the page adjacent to it (oldest first); otherwise the newest page
  const page = (q.min_id ? list.slice(0, limit) : list.slice(-limit)).reverse();
  const all = syncComments(env.store, a);
  const body = page.map((c) => {
    const parent = c.parentId ? all.find((p) => p.id === c.parentId) : undefined;
    const inReplyTo = c.kind === 'mention' ? null : (c.parentId ?? c.postExternalId ?? null);
    const replyAccount = c.kind === 'mention' ? null : parent && !parent.own ? parent.author.id : a.externalId;
    const author = { id: c.author.id, username: c.author.handle, acct: `${c.author.handle}@warga.example`, display_name: c.author.name };
    return {
      id: c.id,
      type: 'mention',
      created_at: new Date(c.createdAt).toISOString(),
      account: author,
      status: {
        id: c.id,
        created_at: new Date(c.createdAt).toISOString(),
        in_reply_to_id: inReplyTo,
        in_reply_to_account_id: replyAccount,
        visibility: 'public',
        language: 'id',
        url: `https://warga.example/@${c.author.handle}/${c.id}`,
        uri: `https://warga.example/users/${c.author.handle}/statuses/${c.id}`,
        content: toHtml(withMention(a, c)),
        account: author,
        mentions: [{ id: a.externalId, username: a.handle, acct: a.handle }],
      },
    };
  });
  const headers: Record<string, string> = {};
  if (page.length) {
    const links = [`<${ctx.base}/api/v1/notifications?limit=${limit}&max_id=${page[page.length - 1].id}>; rel="next"`];
    links.push(`<${ctx.base}/api/v1/notifications?limit=${limit}&min_id=${page[0].id}>; rel="prev"`);
    headers.link = links.join(', ');
  }
  return json(200, body, headers);
}
