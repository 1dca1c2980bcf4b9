import { json, PlatformModule, SandboxEnv } from '../module';
import { authorizePage, consumeCode } from '../oauth';
import { Ctx, Reply, SandboxAccount, SandboxPost } from '../types';
import { addReply, sandboxReplies } from '../replies';
import { facebookCommentExists, facebookComments } from './facebook-comments';
import { graphAuth, graphError, graphFault, graphTime, invalidParam, sinceMs, unversion, usageHeader } from './graph';

const permalink = (pageId: string, postId: string) => `https://www.facebook.com/${pageId}/posts/${postId.split('_')[1] ?? postId}`;

function echo(fields: unknown, post: SandboxPost): Record<string, unknown> {
  const wanted = String(fields ?? '').split(',');
  return wanted.includes('permalink_url') ? { permalink_url: post.url } : {};
}

async function createPost(ctx: Ctx, a: SandboxAccount, env: SandboxEnv, kind: 'feed' | 'photos'): Promise<Reply> {
  const p = ctx.params;
  const message = String((kind === 'photos' ? (p.caption ?? p.message) : p.message) ?? '');
  if (message.length > 63_206) return invalidParam('(#100) Param message must be at most 63206 characters long.');
  let media: SandboxPost['media'] = [];
  if (kind === 'photos') {
    const file = ctx.files.find((f) => f.field === 'source');
    if (file) media = [{ mimeType: file.contentType, bytes: file.data.length }];
    else if (p.url) {
      const fetched = await env.fetchMedia(String(p.url));
      if (!fetched.ok) return invalidParam('(#100) url should represent a valid URL', 2069019, 'The photo could not be downloaded.');
      media = [{ url: String(p.url), mimeType: fetched.contentType, bytes: fetched.bytes }];
    } else return invalidParam('(#324) Requires upload file', 2069019);
    if ((media[0].bytes ?? 0) > 4 * 1024 * 1024)
      return graphError(400, 100, 'Photo is too large', { error_subcode: 1366046, error_user_msg: 'The photo exceeds the 4 MB limit.' });
  } else if (!message.trim() && !p.link) return invalidParam('(#100) The parameter message or link is required');
  if (kind === 'photos' && String(p.published) === 'false') {
    const photoId = env.store.newId();
    env.store.bag<SandboxPost['media'][number]>('facebook:photos').set(`${a.externalId}:${photoId}`, media[0]);
    return json(200, { id: photoId });
  }
  if (kind === 'feed' && p.attached_media) {
    const list: Array<{ media_fbid?: string }> = typeof p.attached_media === 'string' ? JSON.parse(p.attached_media) : Object.values(p.attached_media);
    for (const item of list) {
      const photo = env.store.bag<SandboxPost['media'][number]>('facebook:photos').get(`${a.externalId}:${item.media_fbid}`);
      if (!photo) return invalidParam(`(#100) Invalid media_fbid ${item.media_fbid}`);
      media.push(photo);
    }
  }
  const last = env.store.posts('facebook', a.externalId).at(-1);
  if (message && last?.text === message && media.length === 0) return graphError(400, 506, '(#506) Duplicate status message', { is_transient: false });
  const postId = `${a.externalId}_${env.store.newId()}`;
  const post = env.store.addPost({
    platform: 'facebook',
    accountExternalId: a.externalId,
    externalId: postId,
    url: permalink(a.externalId, postId),
    text: message,
    media,
  });
  if (kind === 'photos') return json(200, { id: env.store.newId(), post_id: postId });
  return json(200, { id: postId, ...echo(p.fields, post) });
}

function readPost(ctx: Ctx, post: SandboxPost): Reply {
  const fields = String(ctx.params.fields ?? 'id');
  const out: Record<string, unknown> = { id: post.externalId };
  if (fields.includes('message')) out.message = post.text;
  if (fields.includes('created_time')) out.created_time = graphTime(post.createdAt);
  if (fields.includes('permalink_url')) out.permalink_url = post.url;
  if (fields.includes('shares') && post.shares > 0) out.shares = { count: post.shares };
  if (fields.includes('reactions')) out.reactions = { data: [], summary: { total_count: post.likes } };
  if (fields.includes('comments')) out.comments = { data: [], summary: { total_count: post.comments } };
  return json(200, out);
}

const cursor = (postId: string) => Buffer.from(postId).toString('base64url');

/**
 * GET /{page-id}/published_posts: newest first, `since`/`until` (unix seconds or ISO), `limit` ≤ 100, cursor
 * paging (`after` = `paging.cursors.after`; `paging.next` only while more follow). Posts made through /photos
 * are listed with their caption as `message`, as on Graph.
 */
function publishedPosts(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  const since = sinceMs(ctx.params.since);
  const until = ctx.params.until === undefined ? Infinity : sinceMs(ctx.params.until);
  const limit = Math.min(100, Number(ctx.params.limit ?? 25));
  let posts = env.store
    .posts('facebook', a.externalId)
    .filter((p) => p.createdAt.getTime() >= since && p.createdAt.getTime() <= until)
    .reverse();
  if (ctx.params.after) {
    const i = posts.findIndex((p) => cursor(p.externalId) === String(ctx.params.after));
    if (i < 0) return invalidParam('(#100) The after cursor is invalid');
    posts = posts.slice(i + 1);
  }
  const page = posts.slice(0, limit);
  const fields = String(ctx.params.fields ?? 'id,message,created_time,permalink_url');
  const paging: Record<string, unknown> = page.length
    ? { cursors: { before: cursor(page[0].externalId), after: cursor(page[page.length - 1].externalId) } }
    : {};
  if (posts.length > page.length)
    paging.next = `${ctx.base}/v23.0/${a.externalId}/published_posts?fields=${encodeURIComponent(fields)}&limit=${limit}&after=${cursor(page[page.length - 1].externalId)}`;
  return json(200, { data: page.map((p) => readPost({ ...ctx, params: { fields } }, p).body), paging });
}

/**
 * The `comments` edge of a comment: `POST /{comment-id}/comments` (`message`) is the Page's reply (answers `{id}`,
 * plus `permalink_url` when asked in `fields`); `GET` lists the comment's replies (`order=reverse_chronological`
 * newest first, else oldest first), `limit` ≤ 100, cursor paging as published_posts.
 */
function commentReplies(ctx: Ctx, a: SandboxAccount, env: SandboxEnv, commentId: string): Reply {
  const permalink = (id: string) => `https://www.facebook.com/${a.externalId}?comment_id=${id.split('_')[1] ?? id}`;
  if (ctx.method === 'POST') {
    const message = String(ctx.params.message ?? '');
    if (!message.trim()) return invalidParam('(#100) The parameter message is required');
    if (message.length > 8000) return invalidParam('(#100) Param message must be at most 8000 characters long.');
    const id = `${commentId.split('_')[0]}_${env.store.newId()}`;
    addReply(env.store, {
      platform: 'facebook',
      accountExternalId: a.externalId,
      externalId: id,
      parentExternalId: commentId,
      text: message,
      url: permalink(id),
    });
    return json(200, { id, ...(String(ctx.params.fields ?? '').includes('permalink_url') ? { permalink_url: permalink(id) } : {}) });
  }
  let list = sandboxReplies(env.store, { platform: 'facebook', parent: commentId });
  if (ctx.params.order === 'reverse_chronological') list = list.slice().reverse();
  const limit = Math.min(100, Number(ctx.params.limit ?? 25));
  if (ctx.params.after) {
    const i = list.findIndex((r) => cursor(r.externalId) === String(ctx.params.after));
    if (i < 0) return invalidParam('(#100) The after cursor is invalid');
    list = list.slice(i + 1);
  }
  const page = list.slice(0, limit);
  const paging: Record<string, unknown> = page.length
    ? { cursors: { before: cursor(page[0].externalId), after: cursor(page[page.length - 1].externalId) } }
    : {};
  if (list.length > page.length) paging.next = `${ctx.base}/v23.0/${commentId}/comments?limit=${limit}&after=${cursor(page[page.length - 1].externalId)}`;
  return json(200, {
    data: page.map((r) => ({
      id: r.externalId,
      message: r.text,
      created_time: graphTime(r.createdAt),
      permalink_url: r.url,
      from: { id: r.accountExternalId, name: env.store.account('facebook', r.accountExternalId)?.name },
    })),
    paging,
  });
}

function oauthToken(ctx: Ctx, env: SandboxEnv): Reply {
  const p = ctx.params;
  if (p.grant_type === 'fb_exchange_token') {
    const rec = env.store.tokenRecord(String(p.fb_exchange_token ?? ''));
    if (!rec || rec.platform !== 'facebook' || rec.kind !== 'short' || !p.client_secret)
      return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    const t = env.store.issueTokens(env.store.account('facebook', rec.externalId)!, 'user', 5_183_944);
    return json(200, { access_token: t.accessToken, token_type: 'bearer', expires_in: 5_183_944 });
  }
  if (!p.client_secret) return invalidParam('Missing client_secret parameter.');
  const check = consumeCode(env.store, 'facebook', { code: p.code, clientId: p.client_id, redirectUri: p.redirect_uri });
  if (!check.ok) return graphError(400, 100, 'Invalid verification code format.', { error_subcode: 36007 });
  const t = env.store.issueTokens(env.store.account('facebook', check.record.externalId)!, 'short', 5400);
  return json(200, { access_token: t.accessToken, token_type: 'bearer', expires_in: 5400 });
}

/** Facebook Pages (Graph v23.0): feed/photos, published_posts, Page and post fields, insights, OAuth. */
export const facebook: PlatformModule = {
  platform: 'facebook',
  authenticate(ctx, env) {
    const path = unversion(ctx.path);
    if (path === '/dialog/oauth' || path === '/oauth/access_token') return {};
    return graphAuth(ctx, env, 'facebook');
  },
  // An unpublished photo (published=false, for attached_media) is an upload, not a post.
  isCreate: (ctx) => ctx.method === 'POST' && /^\/[^/]+\/(feed|photos|comments)$/.test(unversion(ctx.path)) && String(ctx.params.published) !== 'false',
  async handle(ctx, account, env) {
    const path = unversion(ctx.path);
    if (path === '/dialog/oauth' && ctx.method === 'GET') return authorizePage(env.store, 'facebook', ctx);
    if (path === '/oauth/access_token') return oauthToken(ctx, env);
    const a = account!;
    const rec = env.store.tokenRecord(String(ctx.params.access_token ?? ctx.headers.authorization?.slice(7)));
    if (path === '/me/accounts' && ctx.method === 'GET') {
      const page = env.store.issueTokens(a, 'access');
      return json(200, {
        data: [
          {
            id: a.externalId,
            name: a.name,
            access_token: page.accessToken,
            category: 'Government Organization',
            tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
          },
        ],
        paging: { cursors: { before: 'b', after: 'a' } },
      });
    }
    const m = /^\/([^/]+)(?:\/([a-z_]+))?$/.exec(path);
    if (!m) return graphError(400, 2500, 'Unknown path components');
    const [, id, edge] = m;
    const onPage = id === a.externalId || id === 'me';
    // a comment's replies; a GET on an id that is neither a post nor a comment is Graph's "does not exist" below
    if (edge === 'comments' && !onPage && !env.store.post('facebook', id) && (ctx.method === 'POST' || facebookCommentExists(env, a, id)))
      return commentReplies(ctx, a, env, id);
    if ((edge === 'feed' || edge === 'photos') && ctx.method === 'POST') {
      if (!onPage)
        return graphError(
          403,
          200,
          '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission',
        );
      if (rec?.kind !== 'access') return graphError(403, 200, '(#200) Publishing to a Page requires a Page access token');
      return createPost(ctx, a, env, edge);
    }
    if (ctx.method !== 'GET')
      return graphError(
        400,
        100,
        `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        { error_subcode: 33 },
      );
    if (onPage && !edge) {
      return json(200, { id: a.externalId, name: a.name, followers_count: a.followers, fan_count: Math.round(a.followers * 0.97) });
    }
    if (onPage && edge === 'published_posts') return publishedPosts(ctx, a, env);
    const post = env.store.post('facebook', id);
    if (!post || post.accountExternalId !== a.externalId)
      return graphError(
        400,
        100,
        `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        { error_subcode: 33 },
      );
    if (!edge) return readPost(ctx, post);
    if (edge === 'comments') return facebookComments(ctx, a, post, env);
    if (edge === 'insights') {
      const metrics = String(ctx.params.metric ?? '')
        .split(',')
        .filter(Boolean);
      const value = (name: string) => (name.includes('view') ? post.reach : name.includes('click') ? post.comments : post.likes);
      return json(200, {
        data: metrics.map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: value(name) }],
          title: name,
          description: name,
          id: `${id}/insights/${name}/lifetime`,
        })),
      });
    }
    return graphError(400, 100, `Tried accessing nonexisting field (${edge})`);
  },
  faultReply: (kind, _ctx, fault) =>
    graphFault(kind, fault, () =>
      graphError(400, 368, 'The action attempted has been deemed abusive or is otherwise disallowed', {
        error_subcode: 1346003,
        error_user_msg: 'This content goes against our Community Standards.',
      }),
    ),
  headers: (_ctx, account, env) => usageHeader(account, env),
};
