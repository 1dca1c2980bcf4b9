import { countLinks, threadsLength } from '../counting';
import { json, PlatformModule, SandboxEnv } from '../module';
import { authorizePage, consumeCode } from '../oauth';
import { Ctx, Reply, SandboxAccount, SandboxPost } from '../types';
import { addReply, sandboxReplies } from '../replies';
import { createContainer, publishedInWindow, readContainer, takeSlowProcessing } from './containers';
import { threadsReplies } from './graph-comments';
import { graphAuth, graphError, graphFault, graphTime, invalidParam, longLivedToken, sinceMs, unversion, usageHeader } from './graph';

const QUOTA = 250;
const notFound = (id: string) =>
  graphError(
    400,
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { error_subcode: 33 },
  );

function threadJson(p: SandboxPost, fields: string, handle: string) {
  const f = fields.split(',');
  const out: Record<string, unknown> = { id: p.externalId };
  if (f.includes('text')) out.text = p.text;
  if (f.includes('media_type')) out.media_type = p.media.length ? 'IMAGE' : 'TEXT_POST';
  if (f.includes('permalink')) out.permalink = p.url;
  if (f.includes('timestamp')) out.timestamp = graphTime(p.createdAt);
  if (f.includes('username')) out.username = handle;
  return out;
}

async function createThread(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Promise<Reply> {
  const p = ctx.params;
  const type = String(p.media_type ?? '');
  const text = String(p.text ?? '');
  if (!['TEXT', 'IMAGE', 'VIDEO'].includes(type)) return invalidParam('Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}');
  if (threadsLength(text) > 500) return invalidParam('Param text must be at most 500 characters long.', 2207010);
  if (countLinks(text) > 5) return invalidParam('The text can contain at most 5 links.', 2207010);
  if (type === 'TEXT' && !text.trim()) return invalidParam('Param text is required for TEXT posts.');
  let media: SandboxPost['media'] = [];
  if (type !== 'TEXT') {
    const url = String(p.image_url ?? p.video_url ?? '');
    const fetched = await env.fetchMedia(url);
    if (!fetched.ok) return graphError(400, 100, 'The media could not be fetched from this URI', { error_subcode: 2207052, is_transient: false });
    media = [{ url, mimeType: fetched.contentType, bytes: fetched.bytes }];
  }
  const c = createContainer(
    env,
    { platform: 'threads', owner: a.externalId, text, media, pollsLeft: type === 'TEXT' ? 0 : 2 },
    takeSlowProcessing(env, 'threads', a.externalId),
  );
  // A reply container (`reply_to_id`): published as a reply to that thread or reply.
  if (p.reply_to_id) env.store.bag<string>('threads:reply_to').set(c.id, String(p.reply_to_id));
  return json(200, { id: c.id });
}

function publish(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  const c = readContainer(env, String(ctx.params.creation_id ?? ''), false);
  if (!c || c.owner !== a.externalId) return invalidParam('Invalid creation_id', 4279009);
  if (c.status === 'IN_PROGRESS')
    return graphError(400, 24, 'The requested resource does not exist', { error_subcode: 4279009, error_user_msg: 'The media is not ready to be published.' });
  // A container publishes once (Threads troubleshooting: PUBLISHED); a second publish is refused like an unknown one.
  if (c.status === 'EXPIRED' || c.status === 'PUBLISHED') return graphError(400, 24, 'The requested resource does not exist', { error_subcode: 4279009 });
  if (publishedInWindow(env, 'threads', a.externalId) >= QUOTA)
    return graphError(400, 9, 'Application request limit reached', {
      error_subcode: 2207042,
      error_user_msg: 'You have reached the maximum of 250 posts per day.',
    });
  const id = env.store.newId();
  c.status = 'PUBLISHED';
  c.mediaId = id;
  const replyTo = env.store.bag<string>('threads:reply_to').get(c.id);
  const url = `https://www.threads.net/@${a.handle}/post/${Buffer.from(id).toString('base64url').slice(0, 11)}`;
  if (replyTo) {
    // Replies are listed on /{user-id}/replies, not among the account's threads.
    addReply(env.store, { platform: 'threads', accountExternalId: a.externalId, externalId: id, parentExternalId: replyTo, text: c.text, url });
    return json(200, { id });
  }
  env.store.addPost({
    platform: 'threads',
    accountExternalId: a.externalId,
    externalId: id,
    url: `https://www.threads.net/@${a.handle}/post/${Buffer.from(id).toString('base64url').slice(0, 11)}`,
    text: c.text,
    media: c.media,
  });
  return json(200, { id });
}

function tokenRoutes(ctx: Ctx, env: SandboxEnv): Reply | undefined {
  if (ctx.path === '/oauth/authorize' && ctx.method === 'GET') return authorizePage(env.store, 'threads', ctx);
  if (ctx.path === '/oauth/access_token' && ctx.method === 'POST') {
    const p = ctx.params;
    if (!p.client_secret) return invalidParam('Missing client_secret parameter.');
    const check = consumeCode(env.store, 'threads', { code: p.code, clientId: p.client_id, redirectUri: p.redirect_uri });
    if (!check.ok) return graphError(400, 100, 'Invalid verification code format.', { error_subcode: 36007 });
    const t = env.store.issueTokens(env.store.account('threads', check.record.externalId)!, 'short', 3600);
    return json(200, { access_token: t.accessToken, user_id: Number(check.record.externalId) });
  }
  if (ctx.path === '/access_token') return longLivedToken(ctx, env, 'threads', 'exchange');
  if (ctx.path === '/refresh_access_token') return longLivedToken(ctx, env, 'threads', 'refresh');
  return undefined;
}

/** Threads API v1.0: TEXT/IMAGE containers, threads_publish, lists, insights, long-lived tokens. */
export const threads: PlatformModule = {
  platform: 'threads',
  authenticate(ctx, env) {
    if (/^\/(oauth\/|access_token$|refresh_access_token$)/.test(ctx.path)) return {};
    return graphAuth(ctx, env, 'threads');
  },
  isCreate: (ctx) => ctx.method === 'POST' && /\/threads_publish$/.test(ctx.path),
  async handle(ctx, account, env) {
    const early = tokenRoutes(ctx, env);
    if (early) return early;
    const a = account!;
    const path = unversion(ctx.path);
    const fields = String(ctx.params.fields ?? 'id');
    const m = /^\/([^/]+)(?:\/([a-z_]+))?$/.exec(path);
    if (!m) return notFound(path);
    const [, rawId, edge] = m;
    const id = rawId === 'me' ? a.externalId : rawId;
    const own = id === a.externalId;
    if (own && edge === 'threads' && ctx.method === 'POST') return createThread(ctx, a, env);
    if (own && edge === 'threads_publish' && ctx.method === 'POST') return publish(ctx, a, env);
    if (ctx.method !== 'GET') return notFound(id);
    if (own && !edge) return json(200, { id, username: a.handle, name: a.name });
    if (own && edge === 'replies') {
      const limit = Math.min(100, Number(ctx.params.limit ?? 25));
      const list = sandboxReplies(env.store, { platform: 'threads', account: a.externalId }).slice().reverse().slice(0, limit);
      return json(200, {
        data: list.map((r) => ({ id: r.externalId, text: r.text, permalink: r.url, timestamp: graphTime(r.createdAt), username: a.handle })),
        paging: { cursors: { before: 'b', after: 'a' } },
      });
    }
    if (own && edge === 'threads') {
      const since = sinceMs(ctx.params.since);
      const limit = Math.min(100, Number(ctx.params.limit ?? 25));
      const list = env.store
        .posts('threads', id)
        .filter((p) => p.createdAt.getTime() >= since)
        .reverse()
        .slice(0, limit);
      return json(200, { data: list.map((p) => threadJson(p, fields, a.handle)), paging: { cursors: { before: 'b', after: 'a' } } });
    }
    if (own && edge === 'threads_publishing_limit')
      return json(200, { data: [{ quota_usage: publishedInWindow(env, 'threads', id), config: { quota_total: QUOTA, quota_duration: 86400 } }] });
    if (own && edge === 'threads_insights') {
      const metrics = String(ctx.params.metric ?? '')
        .split(',')
        .filter(Boolean);
      return json(200, {
        data: metrics.map((name) =>
          name === 'followers_count'
            ? { name, period: 'day', title: 'followers_count', total_value: { value: a.followers }, id: `${id}/insights/${name}/day` }
            : { name, period: 'day', title: name, values: [{ value: 0, end_time: graphTime(new Date(env.store.now())) }], id: `${id}/insights/${name}/day` },
        ),
      });
    }
    const container = readContainer(env, id);
    if (container && container.owner === a.externalId && !edge)
      return json(200, { id, status: container.status, ...(container.errorMessage ? { error_message: container.errorMessage } : {}) });
    const reply = !edge && sandboxReplies(env.store, { platform: 'threads', account: a.externalId }).find((r) => r.externalId === id);
    if (reply) return json(200, { id, text: reply.text, permalink: reply.url, timestamp: graphTime(reply.createdAt) });
    const post = env.store.post('threads', id);
    if (!post || post.accountExternalId !== a.externalId) return notFound(id);
    if (!edge) return json(200, threadJson(post, fields, a.handle));
    if (edge === 'replies' || edge === 'conversation') return threadsReplies(ctx, a, post, env, edge);
    if (edge === 'insights') {
      const values: Record<string, number> = { views: post.views, likes: post.likes, replies: post.comments, reposts: post.shares, quotes: 0, shares: 0 };
      const metrics = String(ctx.params.metric ?? '')
        .split(',')
        .filter(Boolean);
      return json(200, {
        data: metrics
          .filter((n) => n in values)
          .map((name) => ({ name, period: 'lifetime', values: [{ value: values[name] }], title: name, id: `${id}/insights/${name}/lifetime` })),
      });
    }
    return notFound(`${id}/${edge}`);
  },
  faultReply: (kind, _ctx, fault) =>
    graphFault(kind, fault, () => graphError(400, 100, 'Param text must be at most 500 characters long.', { error_subcode: 2207010 }), 4),
  headers: (_ctx, account, env) => usageHeader(account, env),
};
