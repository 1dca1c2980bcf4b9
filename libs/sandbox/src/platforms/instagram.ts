import { countHashtags, countMentions } from '../counting';
import { json, PlatformModule, SandboxEnv } from '../module';
import { authorizePage, consumeCode } from '../oauth';
import { Ctx, Reply, SandboxAccount, SandboxPost } from '../types';
import { createContainer, publishedInWindow, readContainer, takeSlowProcessing } from './containers';
import { instagramComments } from './graph-comments';
import { graphAuth, graphError, graphFault, graphTime, invalidParam, longLivedToken, unversion, usageHeader } from './graph';
import { addReply, sandboxReplies } from '../replies';

const QUOTA = 100;
const notFound = (id: string) =>
  graphError(
    400,
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { error_subcode: 33 },
  );

function mediaJson(p: SandboxPost, fields: string) {
  const out: Record<string, unknown> = { id: p.externalId };
  const f = fields.split(',');
  if (f.includes('caption')) out.caption = p.text;
  if (f.includes('media_type')) out.media_type = p.media[0]?.mimeType?.startsWith('video/') ? 'VIDEO' : 'IMAGE';
  if (f.includes('permalink')) out.permalink = p.url;
  if (f.includes('shortcode')) out.shortcode = p.url.split('/').at(-2);
  if (f.includes('timestamp')) out.timestamp = graphTime(p.createdAt);
  if (f.includes('like_count')) out.like_count = p.likes;
  if (f.includes('comments_count')) out.comments_count = p.comments;
  return out;
}

async function createMedia(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Promise<Reply> {
  const p = ctx.params;
  const caption = String(p.caption ?? '');
  if (caption.length > 2200)
    return graphError(400, 100, 'Invalid parameter', {
      error_subcode: 2207010,
      error_user_title: 'Caption too long',
      error_user_msg: 'The caption must be at most 2200 characters.',
    });
  if (countHashtags(caption) > 30)
    return graphError(400, 100, 'Invalid parameter', { error_subcode: 2207010, error_user_msg: 'The caption has more than 30 hashtags.' });
  if (countMentions(caption) > 20)
    return graphError(400, 100, 'Invalid parameter', { error_subcode: 2207010, error_user_msg: 'The caption has more than 20 @ mentions.' });
  if (p.media_type === 'CAROUSEL') {
    const ids = String(p.children ?? '')
      .split(',')
      .filter(Boolean);
    const children = ids.map((id) => readContainer(env, id, false));
    if (ids.length < 2 || ids.length > 10 || children.some((c) => !c || c.owner !== a.externalId))
      return graphError(400, 100, 'Invalid parameter', { error_subcode: 2207028, error_user_msg: 'A carousel needs 2 to 10 valid children.' });
    const c = createContainer(
      env,
      { platform: 'instagram', owner: a.externalId, text: caption, media: children.flatMap((x) => x!.media), pollsLeft: 1 },
      takeSlowProcessing(env, 'instagram', a.externalId),
    );
    return json(200, { id: c.id });
  }
  const url = p.image_url ?? p.video_url;
  if (!url) return graphError(400, 100, 'The parameter image_url is required.', { error_subcode: 2207001 });
  const fetched = await env.fetchMedia(String(url));
  if (!fetched.ok)
    return graphError(400, 9004, 'Only photo or video can be accepted as media type.', {
      error_subcode: 2207052,
      error_user_title: 'Media download has failed',
      error_user_msg: 'The media could not be fetched from this URI: ' + String(url),
    });
  if (p.image_url && fetched.contentType !== 'image/jpeg')
    return graphError(400, 36001, 'Invalid image format', { error_subcode: 2207005, error_user_msg: 'Only JPEG images are supported.' });
  if (p.image_url && fetched.bytes > 8 * 1024 * 1024)
    return graphError(400, 36000, 'The image size is too large.', {
      error_subcode: 2207004,
      error_user_title: 'Image size too large',
      error_user_msg: 'The image is too large to download. It should be less than 8 MiB.',
    });
  const c = createContainer(
    env,
    {
      platform: 'instagram',
      owner: a.externalId,
      text: caption,
      media: [{ url: String(url), mimeType: fetched.contentType, bytes: fetched.bytes }],
      pollsLeft: p.video_url ? 3 : 1,
    },
    // Carousel items are processed as part of their carousel container, which the client polls.
    p.is_carousel_item === 'true' ? undefined : takeSlowProcessing(env, 'instagram', a.externalId),
  );
  return json(200, { id: c.id });
}

/**
 * Error codes reference: 24/2207008 "The media builder with creation id = … does not exist or has been
 * expired". Graph documents no answer for publishing a PUBLISHED container again; a container publishes one
 * media object, so the sandbox refuses with this documented "no such builder" envelope.
 */
const noBuilder = (id: string) =>
  graphError(400, 24, 'Media ID is not available', {
    error_subcode: 2207008,
    is_transient: false,
    error_user_title: 'Media builder not found',
    error_user_msg: `The media builder with creation id = ${id} does not exist or has been expired.`,
  });

function publish(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  const creationId = String(ctx.params.creation_id ?? '');
  const c = readContainer(env, creationId, false);
  if (!c || c.owner !== a.externalId) return noBuilder(creationId);
  if (c.status === 'IN_PROGRESS')
    return graphError(400, 9007, 'Media ID is not available', {
      error_subcode: 2207027,
      error_user_msg: 'The media is not ready for publishing, please wait for a moment',
    });
  if (c.status === 'EXPIRED')
    return graphError(400, -2, 'Media expired', {
      error_subcode: 2207020,
      error_user_msg: 'The media you are trying to access has expired. Please try to upload again.',
    });
  if (c.status === 'PUBLISHED') return noBuilder(creationId);
  if (publishedInWindow(env, 'instagram', a.externalId) >= QUOTA)
    return graphError(400, 9, 'Application request limit reached', {
      error_subcode: 2207042,
      error_user_msg: 'You have reached the maximum of 100 posts per day.',
    });
  const id = env.store.newId();
  c.status = 'PUBLISHED';
  c.mediaId = id;
  env.store.addPost({
    platform: 'instagram',
    accountExternalId: a.externalId,
    externalId: id,
    url: `https://www.instagram.com/p/${Buffer.from(id).toString('base64url').slice(0, 11)}/`,
    text: c.text,
    media: c.media,
  });
  return json(200, { id });
}

function tokenRoutes(ctx: Ctx, env: SandboxEnv, path: string): Reply | undefined {
  if (path === '/oauth/authorize' && ctx.method === 'GET') return authorizePage(env.store, 'instagram', ctx);
  if (path === '/oauth/access_token' && ctx.method === 'POST') {
    const p = ctx.params;
    if (p.grant_type !== 'authorization_code' || !p.client_secret)
      return json(400, { error_type: 'OAuthException', code: 400, error_message: 'Invalid platform app' });
    const check = consumeCode(env.store, 'instagram', { code: p.code, clientId: p.client_id, redirectUri: p.redirect_uri });
    if (!check.ok)
      return json(400, {
        error_type: 'OAuthException',
        code: 400,
        error_message: 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      });
    const t = env.store.issueTokens(env.store.account('instagram', check.record.externalId)!, 'short', 3600);
    return json(200, { data: [{ access_token: t.accessToken, user_id: check.record.externalId, permissions: check.record.scopes.join(',') }] });
  }
  if (path === '/access_token') return longLivedToken(ctx, env, 'instagram', 'exchange');
  if (path === '/refresh_access_token') return longLivedToken(ctx, env, 'instagram', 'refresh');
  return undefined;
}

/**
 * IG Comment replies: `POST /{ig-comment-id}/replies?message=…` answers `{id}`; `GET` lists the comment's replies
 * (id, text, timestamp, username, from), oldest first, cursor paging.
 */
function commentReplies(ctx: Ctx, a: SandboxAccount, env: SandboxEnv, commentId: string): Reply {
  if (ctx.method === 'POST') {
    const message = String(ctx.params.message ?? '');
    if (!message.trim()) return invalidParam('(#100) The parameter message is required');
    if (message.length > 2200) return invalidParam('(#100) Param message must be at most 2200 characters long.');
    const id = env.store.newId();
    addReply(env.store, { platform: 'instagram', accountExternalId: a.externalId, externalId: id, parentExternalId: commentId, text: message, url: '' });
    return json(200, { id });
  }
  let list = sandboxReplies(env.store, { platform: 'instagram', parent: commentId });
  const cur = (id: string) => Buffer.from(id).toString('base64url');
  if (ctx.params.after) list = list.slice(list.findIndex((r) => cur(r.externalId) === String(ctx.params.after)) + 1);
  const limit = Math.min(50, Number(ctx.params.limit ?? 25));
  const page = list.slice(0, limit);
  const last = page[page.length - 1];
  return json(200, {
    data: page.map((r) => {
      const owner = env.store.account('instagram', r.accountExternalId);
      return {
        id: r.externalId,
        text: r.text,
        timestamp: graphTime(r.createdAt),
        username: owner?.handle,
        from: { id: r.accountExternalId, username: owner?.handle },
      };
    }),
    paging: last
      ? {
          cursors: { after: cur(last.externalId) },
          ...(list.length > page.length ? { next: `${ctx.base}/${commentId}/replies?after=${cur(last.externalId)}` } : {}),
        }
      : {},
  });
}

/** Instagram API with Instagram Login (graph.instagram.com): containers, publish, media, insights, tokens. */
export const instagram: PlatformModule = {
  platform: 'instagram',
  authenticate(ctx, env) {
    if (/^\/(oauth\/|access_token$|refresh_access_token$)/.test(ctx.path)) return {};
    return graphAuth(ctx, env, 'instagram');
  },
  isCreate: (ctx) => ctx.method === 'POST' && /\/(media_publish|replies|mentions)$/.test(ctx.path),
  async handle(ctx, account, env) {
    const early = tokenRoutes(ctx, env, ctx.path);
    if (early) return early;
    const a = account!;
    const path = unversion(ctx.path);
    const fields = String(ctx.params.fields ?? 'id');
    if (path === '/me') return json(200, { id: a.externalId, user_id: a.externalId, username: a.handle });
    const m = /^\/([^/]+)(?:\/([a-z_]+))?$/.exec(path);
    if (!m) return notFound(path);
    const [, id, edge] = m;
    const own = id === a.externalId;
    if (own && edge === 'media' && ctx.method === 'POST') return createMedia(ctx, a, env);
    if (own && edge === 'media_publish' && ctx.method === 'POST') return publish(ctx, a, env);
    if (!own && edge === 'replies') return commentReplies(ctx, a, env, id);
    if (own && edge === 'mentions' && ctx.method === 'POST') {
      // A comment on the media (or under the comment) where another user @mentioned the account.
      const message = String(ctx.params.message ?? '');
      if (!ctx.params.media_id) return invalidParam('(#100) The parameter media_id is required');
      if (!message.trim()) return invalidParam('(#100) The parameter message is required');
      const rid = env.store.newId();
      const parent = String(ctx.params.comment_id ?? ctx.params.media_id);
      addReply(env.store, { platform: 'instagram', accountExternalId: a.externalId, externalId: rid, parentExternalId: parent, text: message, url: '' });
      return json(200, { id: rid });
    }
    if (ctx.method !== 'GET') return notFound(id);
    if (own && !edge) {
      const out: Record<string, unknown> = {
        id,
        username: a.handle,
        followers_count: a.followers,
        follows_count: a.following,
        media_count: env.store.posts('instagram', id).length,
      };
      return json(200, out);
    }
    if (own && edge === 'media') {
      const limit = Math.min(100, Number(ctx.params.limit ?? 25));
      return json(200, {
        data: env.store
          .posts('instagram', id)
          .slice()
          .reverse()
          .slice(0, limit)
          .map((p) => mediaJson(p, fields)),
        paging: { cursors: { before: 'b', after: 'a' } },
      });
    }
    if (own && edge === 'content_publishing_limit')
      return json(200, { data: [{ quota_usage: publishedInWindow(env, 'instagram', id), config: { quota_total: QUOTA, quota_duration: 86400 } }] });
    const container = readContainer(env, id);
    if (container && container.owner === a.externalId && !edge)
      return json(200, {
        id,
        status_code: container.status,
        status:
          container.status === 'ERROR'
            ? 'Error: 2207001'
            : container.status === 'FINISHED'
              ? 'Finished: Media has been uploaded and it is ready to be published.'
              : container.status,
      });
    const post = env.store.post('instagram', id);
    if (!post || post.accountExternalId !== a.externalId) return notFound(id);
    if (!edge) return json(200, mediaJson(post, fields));
    if (edge === 'comments') return instagramComments(ctx, a, post, env);
    if (edge === 'insights') {
      const values: Record<string, number> = {
        views: post.views,
        reach: post.reach,
        likes: post.likes,
        comments: post.comments,
        shares: post.shares,
        saved: 0,
        total_interactions: post.likes + post.comments + post.shares,
      };
      const metrics = String(ctx.params.metric ?? '')
        .split(',')
        .filter(Boolean);
      const unknown = metrics.find((x) => !(x in values));
      if (unknown) return graphError(400, 100, `(#100) metric[0] must be one of the following values: ${Object.keys(values).join(', ')}`);
      return json(200, {
        data: metrics.map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: values[name] }],
          title: name,
          description: name,
          id: `${id}/insights/${name}/lifetime`,
        })),
      });
    }
    return notFound(`${id}/${edge}`);
  },
  faultReply: (kind, _ctx, fault) =>
    graphFault(
      kind,
      fault,
      () => graphError(400, 36003, 'Invalid parameter', { error_subcode: 2207009, error_user_msg: 'The aspect ratio is not supported.' }),
      4,
    ),
  headers: (_ctx, account, env) => usageHeader(account, env),
};
