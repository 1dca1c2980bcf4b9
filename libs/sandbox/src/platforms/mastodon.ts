import { mastodonLength, toHtml } from '../counting';
import { token as newToken } from '../ids';
import { addReply, isReply } from '../replies';
import { mastodonNotifications } from './mastodon-notifications';
import { json, PlatformModule, routeMatch, SandboxEnv, tokenAccount } from '../module';
import { authorizePage, bearer, consumeCode } from '../oauth';
import { Ctx, Reply, SandboxAccount, SandboxPost } from '../types';

interface Media {
  id: string;
  owner: string;
  type: string;
  url: string | null;
  description: string | null;
  pollsLeft: number;
}

/** How long Mastodon keeps an Idempotency-Key (PostStatusService: `redis.setex(idempotency_key, 3_600, …)`). */
export const IDEMPOTENCY_TTL_MS = 3_600_000;

const err = (status: number, error: string, headers?: Record<string, string>) => json(status, { error }, headers);

function status(env: SandboxEnv, ctx: Ctx, a: SandboxAccount, p: SandboxPost): Record<string, unknown> {
  const media = env.store.bag<Media>('mastodon:media');
  return {
    id: p.externalId,
    created_at: p.createdAt.toISOString(),
    visibility: 'public',
    language: 'id',
    url: p.url,
    uri: `${ctx.base}/users/${a.handle}/statuses/${p.externalId}`,
    replies_count: p.comments,
    reblogs_count: p.shares,
    favourites_count: p.likes,
    content: toHtml(p.text),
    media_attachments: p.media
      .map((m) => media.get(String(m.url)))
      .filter(Boolean)
      .map((m) => ({ id: m!.id, type: m!.type, url: m!.url, description: m!.description })),
    account: accountJson(a),
  };
}

const accountJson = (a: SandboxAccount) => ({
  id: a.externalId,
  username: a.handle,
  acct: a.handle,
  display_name: a.name,
  followers_count: a.followers,
  following_count: a.following,
  statuses_count: 0,
});

function createStatus(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  const key = ctx.headers['idempotency-key'];
  const keys = env.store.bag<{ id: string; at: number }>('mastodon:idempotency');
  if (typeof key === 'string') {
    // PostStatusService#with_idempotency: redis key `idempotency:status:<account>:<key>` set for 3,600 s once
    // the status exists; a replay answers that status (`statuses.find`: 404 once it is deleted).
    const seen = keys.get(`${a.externalId}:${key}`);
    if (seen && env.store.now() - seen.at < IDEMPOTENCY_TTL_MS) {
      const post = env.store.post('mastodon', seen.id);
      return post ? json(200, status(env, ctx, a, post)) : err(404, 'Record not found');
    }
  }
  const text = String(ctx.params.status ?? '');
  const ids: string[] = ([] as unknown[]).concat(ctx.params.media_ids ?? []).map(String);
  if (!text.trim() && ids.length === 0) return err(422, "Validation failed: Text can't be blank");
  if (mastodonLength(text) > 500) return err(422, 'Validation failed: Text character limit of 500 exceeded');
  if (ids.length > 4) return err(422, 'Validation failed: Media attachments are limited to 4');
  const media = env.store.bag<Media>('mastodon:media');
  for (const id of ids) {
    const m = media.get(id);
    if (!m || m.owner !== a.externalId) return err(404, 'Record not found');
    if (!m.url) return err(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
  }
  const id = env.store.newId();
  const post = env.store.addPost({
    platform: 'mastodon',
    accountExternalId: a.externalId,
    externalId: id,
    url: `${ctx.base}/@${a.handle}/${id}`,
    text,
    media: ids.map((m) => ({ url: m, mimeType: media.get(m)!.type })),
  });
  if (ctx.params.in_reply_to_id)
    addReply(env.store, {
      platform: 'mastodon',
      accountExternalId: a.externalId,
      externalId: id,
      parentExternalId: String(ctx.params.in_reply_to_id),
      text,
      url: post.url,
    });
  if (typeof key === 'string') keys.set(`${a.externalId}:${key}`, { id, at: env.store.now() });
  return json(200, status(env, ctx, a, post));
}

function uploadMedia(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  const file = ctx.files.find((f) => f.field === 'file');
  if (!file) return err(422, "Validation failed: File can't be blank");
  if (!/^(image\/(jpeg|png|gif|webp)|video\/(mp4|quicktime|webm))$/.test(file.contentType)) return err(422, 'Validation failed: File content type is invalid');
  const id = env.store.newId();
  const isVideo = file.contentType.startsWith('video/');
  const m: Media = {
    id,
    owner: a.externalId,
    type: isVideo ? 'video' : 'image',
    url: isVideo ? null : `${ctx.base}/system/media/${id}`,
    description: ctx.params.description ?? null,
    pollsLeft: isVideo ? 1 : 0,
  };
  env.store.bag<Media>('mastodon:media').set(id, m);
  return json(isVideo ? 202 : 200, { id, type: m.type, url: m.url, preview_url: m.url, description: m.description });
}

function listStatuses(ctx: Ctx, a: SandboxAccount, env: SandboxEnv, id: string): Reply {
  const account = env.store.account('mastodon', id);
  if (!account) return err(404, 'Record not found');
  const limit = Math.min(40, Number(ctx.query.limit ?? 20));
  let posts = env.store.posts('mastodon', id).slice().reverse();
  if (String(ctx.query.exclude_replies) === 'true') posts = posts.filter((p) => !isReply(env.store, 'mastodon', p.externalId));
  if (ctx.query.max_id) posts = posts.filter((p) => BigInt(p.externalId) < BigInt(ctx.query.max_id));
  if (ctx.query.since_id) posts = posts.filter((p) => BigInt(p.externalId) > BigInt(ctx.query.since_id));
  const page = posts.slice(0, limit);
  const headers: Record<string, string> = {};
  if (page.length === limit && posts.length > limit)
    headers.link = `<${ctx.base}/api/v1/accounts/${id}/statuses?limit=${limit}&max_id=${page[page.length - 1].externalId}>; rel="next"`;
  return json(
    200,
    page.map((p) => status(env, ctx, account, p)),
    headers,
  );
}

/** Mastodon 4.x: /api/v1|v2, Bearer tokens without expiry, Idempotency-Key kept 1 h, X-RateLimit-* with ISO reset. */
export const mastodon: PlatformModule = {
  platform: 'mastodon',
  authenticate(ctx, env) {
    if (/^\/(oauth\/|api\/v1\/apps$|api\/v2\/instance$)/.test(ctx.path)) return {};
    const t = tokenAccount(env, 'mastodon', bearer(ctx));
    if (t.state === 'ok') return { account: t.account };
    return { reply: err(401, t.state === 'expired' ? 'The access token expired' : 'The access token is invalid') };
  },
  isCreate: (ctx) => ctx.method === 'POST' && ctx.path === '/api/v1/statuses',
  handle(ctx, account, env) {
    const a = account!;
    let m: RegExpExecArray | null;
    if (routeMatch(/^\/api\/v1\/apps$/, ctx, 'POST')) {
      const app = {
        id: env.store.newId(),
        name: String(ctx.params.client_name ?? 'app'),
        client_id: newToken('', 24),
        client_secret: newToken('', 32),
        redirect_uri: String(ctx.params.redirect_uris ?? ''),
      };
      env.store.bag<typeof app>('mastodon:apps').set(app.client_id, app);
      return json(200, app);
    }
    if (routeMatch(/^\/oauth\/authorize$/, ctx, 'GET')) return authorizePage(env.store, 'mastodon', ctx, { scopeSep: /[\s+]+/ });
    if (routeMatch(/^\/oauth\/token$/, ctx, 'POST')) {
      const p = ctx.params;
      const app = env.store.bag<{ client_secret: string }>('mastodon:apps').get(String(p.client_id));
      if (app && app.client_secret !== p.client_secret)
        return json(401, {
          error: 'invalid_client',
          error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
        });
      const check = consumeCode(env.store, 'mastodon', { code: p.code, clientId: p.client_id, redirectUri: p.redirect_uri, codeVerifier: p.code_verifier });
      if (!check.ok)
        return json(400, {
          error: 'invalid_grant',
          error_description:
            'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
        });
      const acc = env.store.account('mastodon', check.record.externalId)!;
      const t = env.store.issueTokens(acc);
      return json(200, {
        access_token: t.accessToken,
        token_type: 'Bearer',
        scope: check.record.scopes.join(' ') || 'read write',
        created_at: Math.floor(env.store.now() / 1000),
      });
    }
    if (routeMatch(/^\/api\/v2\/instance$/, ctx, 'GET'))
      return json(200, {
        domain: '127.0.0.1',
        configuration: {
          statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 },
          media_attachments: {
            supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4'],
            image_size_limit: 16777216,
            description_limit: 1500,
          },
        },
      });
    if (routeMatch(/^\/api\/v1\/accounts\/verify_credentials$/, ctx, 'GET'))
      return json(200, { ...accountJson(a), statuses_count: env.store.posts('mastodon', a.externalId).length });
    if ((m = routeMatch(/^\/api\/v1\/accounts\/([^/]+)\/statuses$/, ctx, 'GET'))) return listStatuses(ctx, a, env, m[1]);
    if (routeMatch(/^\/api\/v1\/statuses$/, ctx, 'POST')) return createStatus(ctx, a, env);
    if (routeMatch(/^\/api\/v1\/notifications$/, ctx, 'GET')) return mastodonNotifications(ctx, a, env);
    if ((m = routeMatch(/^\/api\/v1\/statuses\/(\d+)$/, ctx, 'GET'))) {
      const post = env.store.post('mastodon', m[1]);
      const owner = post && env.store.account('mastodon', post.accountExternalId);
      return post && owner ? json(200, status(env, ctx, owner, post)) : err(404, 'Record not found');
    }
    if (routeMatch(/^\/api\/v2\/media$/, ctx, 'POST')) return uploadMedia(ctx, a, env);
    if ((m = routeMatch(/^\/api\/v1\/media\/(\d+)$/, ctx, 'GET'))) {
      const media = env.store.bag<Media>('mastodon:media').get(m[1]);
      if (!media || media.owner !== a.externalId) return err(404, 'Record not found');
      if (!media.url && media.pollsLeft-- > 0) return { status: 206, raw: '' };
      media.url ??= `${ctx.base}/system/media/${media.id}`;
      return json(200, { id: media.id, type: media.type, url: media.url, description: media.description });
    }
    return err(404, 'Record not found');
  },
  faultReply(kind, _ctx, fault, env) {
    if (kind === 'server') return err(503, 'Service Unavailable');
    if (kind === 'rate') {
      const reset = new Date(env.store.now() + (fault.resetInSeconds ?? 300) * 1000).toISOString();
      return err(429, 'Too many requests', { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
    }
    if (kind === 'expired') return err(401, 'The access token expired');
    return err(422, fault.message ?? 'Validation failed: Text character limit of 500 exceeded');
  },
  headers(_ctx, account, env): Record<string, string> {
    if (!account) return {};
    const windowMs = 300_000;
    const now = env.store.now();
    const counters = env.store.bag<{ start: number; used: number }>('mastodon:rate');
    let c = counters.get(account.externalId);
    if (!c || now - c.start >= windowMs) counters.set(account.externalId, (c = { start: now - (now % windowMs), used: 0 }));
    c.used += 1;
    return {
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': String(Math.max(0, 300 - c.used)),
      'x-ratelimit-reset': new Date(c.start + windowMs).toISOString(),
    };
  },
};
