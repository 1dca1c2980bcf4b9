import { xLength } from '../counting';
import { addReply, isReply } from '../replies';
import { xMentions } from './x-mentions';
import { json, PlatformModule, routeMatch, SandboxEnv, tokenAccount } from '../module';
import { authorizePage, basicClientId, bearer, consumeCode } from '../oauth';
import { Ctx, Reply, SandboxAccount, SandboxPost } from '../types';

interface XMedia {
  id: string;
  owner: string;
  type: string;
  total: number;
  received: number;
  state: 'pending' | 'in_progress' | 'succeeded' | 'failed' | 'uploading';
}

const problem = (status: number, title: string, detail: string, type = 'about:blank', headers?: Record<string, string>): Reply =>
  json(status, { title, detail, type, status }, headers);
const invalid = (message: string, param = 'text'): Reply =>
  json(400, {
    errors: [{ parameters: { [param]: [message] }, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  });
const can = (a: SandboxAccount, scope: string) => a.scopes.length === 0 || a.scopes.includes(scope);

/** What X returns as text: URLs rewritten to t.co. */
const tco = (text: string) => text.replace(/https?:\/\/\S+/g, () => `https://t.co/${Math.random().toString(36).slice(2, 12)}`);

function tweetJson(p: SandboxPost, withMetrics: boolean) {
  return {
    id: p.externalId,
    text: tco(p.text),
    edit_history_tweet_ids: [p.externalId],
    created_at: p.createdAt.toISOString(),
    ...(withMetrics
      ? {
          public_metrics: {
            retweet_count: p.shares,
            reply_count: p.comments,
            like_count: p.likes,
            quote_count: 0,
            bookmark_count: 0,
            impression_count: p.views,
          },
        }
      : {}),
  };
}

function createTweet(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  if (!can(a, 'tweet.write')) return problem(403, 'Forbidden', 'You are not permitted to perform this action.');
  if (ctx.body.__invalidJson || (typeof ctx.body.text !== 'string' && !ctx.body.media)) return invalid('Your request must include text or media.');
  const text = String(ctx.body.text ?? '');
  if (xLength(text) > 280) return invalid(`The text of your tweet is too long (weighted length ${xLength(text)} > 280).`);
  const mediaIds: string[] = (ctx.body.media?.media_ids ?? []).map(String);
  const bag = env.store.bag<XMedia>('x:media');
  for (const id of mediaIds) {
    const m = bag.get(id);
    if (!m || m.owner !== a.externalId) return invalid(`Your media IDs are invalid.`, 'media.media_ids');
    if (m.state !== 'succeeded') return invalid('Your media is not ready yet.', 'media.media_ids');
  }
  if (text && env.store.posts('x', a.externalId).some((p) => p.text === text))
    return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
  const id = env.store.newId();
  env.store.addPost({
    platform: 'x',
    accountExternalId: a.externalId,
    externalId: id,
    url: `https://x.com/${a.handle}/status/${id}`,
    text,
    media: mediaIds.map((m) => ({ url: m, mimeType: bag.get(m)!.type })),
  });
  // A reply (`reply.in_reply_to_tweet_id`) is a tweet of the account too; kept as a reply for the judge and the timeline's `exclude=replies`.
  const inReplyTo = ctx.body.reply?.in_reply_to_tweet_id;
  if (inReplyTo)
    addReply(env.store, {
      platform: 'x',
      accountExternalId: a.externalId,
      externalId: id,
      parentExternalId: String(inReplyTo),
      text,
      url: `https://x.com/${a.handle}/status/${id}`,
    });
  return json(201, { data: { id, text, edit_history_tweet_ids: [id] } });
}

/**
 * GET /2/users/:id/tweets: newest first, start_time/end_time (second granularity, inclusive), max_results 5–100,
 * pagination_token = meta.next_token of the page before. Complete and consistent here (every stored tweet).
 */
function timeline(ctx: Ctx, env: SandboxEnv, userId: string): Reply {
  const start = ctx.query.start_time ? Math.floor(Date.parse(ctx.query.start_time) / 1000) * 1000 : 0;
  const end = ctx.query.end_time ? Date.parse(ctx.query.end_time) : Infinity;
  const max = Math.min(100, Math.max(5, Number(ctx.query.max_results ?? 10)));
  let list = env.store
    .posts('x', userId)
    .filter((p) => p.createdAt.getTime() >= start && p.createdAt.getTime() <= end)
    .filter((p) => !/\breplies\b/.test(ctx.query.exclude ?? '') || !isReply(env.store, 'x', p.externalId))
    .reverse();
  const token = ctx.query.pagination_token;
  if (token) {
    const below = Buffer.from(token, 'base64url').toString('utf8');
    if (!/^\d+$/.test(below)) return invalid(`The \`pagination_token\` query parameter value [${token}] is not valid`, 'pagination_token');
    list = list.filter((p) => BigInt(p.externalId) < BigInt(below));
  }
  const page = list.slice(0, max);
  const more = list.length > page.length;
  return json(200, {
    data: page.length ? page.map((p) => tweetJson(p, /public_metrics/.test(ctx.query['tweet.fields'] ?? ''))) : undefined,
    meta: {
      result_count: page.length,
      newest_id: page[0]?.externalId,
      oldest_id: page[page.length - 1]?.externalId,
      ...(more ? { next_token: Buffer.from(page[page.length - 1].externalId).toString('base64url') } : {}),
    },
  });
}

function media(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply | undefined {
  const bag = env.store.bag<XMedia>('x:media');
  let m: RegExpExecArray | null;
  const out = (x: XMedia, extra: Record<string, unknown> = {}) =>
    json(200, { data: { id: x.id, media_key: `3_${x.id}`, expires_after_secs: 86400, ...extra } });
  if (!/^\/2\/media\/upload/.test(ctx.path)) return undefined;
  if (!can(a, 'media.write'))
    return problem(403, 'Forbidden', 'You are not permitted to perform this action.', 'https://api.twitter.com/2/problems/client-forbidden');
  if (routeMatch(/^\/2\/media\/upload$/, ctx, 'POST')) {
    const file = ctx.files.find((f) => f.field === 'media');
    if (!file) return invalid('media is required', 'media');
    if (!/^image\/(jpeg|png|webp|gif)$/.test(file.contentType)) return invalid('Unsupported media type for one-shot upload', 'media');
    const x: XMedia = {
      id: env.store.newId(),
      owner: a.externalId,
      type: file.contentType,
      total: file.data.length,
      received: file.data.length,
      state: 'succeeded',
    };
    bag.set(x.id, x);
    return out(x, { size: x.total, image: { image_type: file.contentType, w: 1, h: 1 } });
  }
  if (routeMatch(/^\/2\/media\/upload\/initialize$/, ctx, 'POST')) {
    const x: XMedia = {
      id: env.store.newId(),
      owner: a.externalId,
      type: String(ctx.body.media_type),
      total: Number(ctx.body.total_bytes),
      received: 0,
      state: 'uploading',
    };
    bag.set(x.id, x);
    return out(x);
  }
  if ((m = routeMatch(/^\/2\/media\/upload\/(\d+)\/(append|finalize)$/, ctx, 'POST'))) {
    const x = bag.get(m[1]);
    if (!x || x.owner !== a.externalId) return invalid('Invalid media id', 'media_id');
    if (m[2] === 'append') {
      x.received += ctx.files.find((f) => f.field === 'media')?.data.length ?? 0;
      return json(200, { data: { expires_at: Math.floor(env.store.now() / 1000) + 86400 } });
    }
    if (x.received !== x.total) return invalid(`Segments do not add up to provided total file size.`, 'media_id');
    x.state = x.type.startsWith('video/') ? 'pending' : 'succeeded';
    return out(x, { size: x.total, ...(x.state === 'pending' ? { processing_info: { state: 'pending', check_after_secs: 1 } } : {}) });
  }
  if (routeMatch(/^\/2\/media\/upload$/, ctx, 'GET') && ctx.query.command === 'STATUS') {
    const x = bag.get(String(ctx.query.media_id));
    if (!x || x.owner !== a.externalId) return invalid('Invalid media id', 'media_id');
    x.state = x.state === 'pending' ? 'in_progress' : x.state === 'in_progress' ? 'succeeded' : x.state;
    return out(x, {
      processing_info: { state: x.state, ...(x.state === 'succeeded' ? {} : { check_after_secs: 1 }), progress_percent: x.state === 'succeeded' ? 100 : 50 },
    });
  }
  return problem(404, 'Not Found Error', 'Sorry, that page does not exist.');
}

function token(ctx: Ctx, env: SandboxEnv): Reply {
  const p = ctx.params;
  const bad = (d = 'Value passed for the token was invalid.') => json(400, { error: 'invalid_request', error_description: d });
  const clientId = basicClientId(ctx) ?? p.client_id;
  if (p.grant_type === 'authorization_code') {
    const check = consumeCode(env.store, 'x', { code: p.code, clientId, redirectUri: p.redirect_uri, codeVerifier: p.code_verifier });
    if (!check.ok) return bad(check.reason === 'code' ? 'Value passed for the authorization code was invalid.' : `Invalid ${check.reason}.`);
    const t = env.store.issueTokens(env.store.account('x', check.record.externalId)!);
    return json(200, {
      token_type: 'bearer',
      expires_in: 7200,
      access_token: t.accessToken,
      scope: check.record.scopes.join(' '),
      refresh_token: t.refreshToken,
    });
  }
  if (p.grant_type === 'refresh_token') {
    const rec = env.store.tokenRecord(p.refresh_token);
    if (!rec || rec.kind !== 'refresh' || rec.revoked || rec.platform !== 'x') return bad();
    env.store.revokeToken(rec.token); // rotation: the old refresh token is spent
    const t = env.store.issueTokens(env.store.account('x', rec.externalId)!);
    return json(200, { token_type: 'bearer', expires_in: 7200, access_token: t.accessToken, scope: rec.scopes.join(' '), refresh_token: t.refreshToken });
  }
  return json(400, { error: 'unsupported_grant_type', error_description: 'Grant type is not supported.' });
}

/** X API v2 with OAuth 2.0 PKCE, problem-details errors and x-rate-limit-* headers. */
export const x: PlatformModule = {
  platform: 'x',
  authenticate(ctx, env) {
    if (ctx.path === '/i/oauth2/authorize' || ctx.path === '/2/oauth2/token') return {};
    const t = tokenAccount(env, 'x', bearer(ctx));
    return t.state === 'ok' ? { account: t.account } : { reply: problem(401, 'Unauthorized', 'Unauthorized') };
  },
  isCreate: (ctx) => ctx.method === 'POST' && ctx.path === '/2/tweets',
  handle(ctx, account, env) {
    if (routeMatch(/^\/i\/oauth2\/authorize$/, ctx, 'GET')) return authorizePage(env.store, 'x', ctx, { requirePkce: true, scopeSep: /[\s+]+/ });
    if (routeMatch(/^\/2\/oauth2\/token$/, ctx, 'POST')) return token(ctx, env);
    const a = account!;
    let m: RegExpExecArray | null;
    if (routeMatch(/^\/2\/tweets$/, ctx, 'POST')) return createTweet(ctx, a, env);
    const mediaReply = media(ctx, a, env);
    if (mediaReply) return mediaReply;
    if (routeMatch(/^\/2\/users\/me$/, ctx, 'GET'))
      return json(200, {
        data: {
          id: a.externalId,
          name: a.name,
          username: a.handle,
          public_metrics: {
            followers_count: a.followers,
            following_count: a.following,
            tweet_count: env.store.posts('x', a.externalId).length,
            listed_count: 0,
          },
        },
      });
    if ((m = routeMatch(/^\/2\/users\/([^/]+)\/tweets$/, ctx, 'GET'))) return timeline(ctx, env, m[1]);
    if ((m = routeMatch(/^\/2\/users\/([^/]+)\/mentions$/, ctx, 'GET'))) return xMentions(ctx, a, env, m[1]);
    if (routeMatch(/^\/2\/tweets$/, ctx, 'GET')) {
      const ids = String(ctx.query.ids ?? '')
        .split(',')
        .filter(Boolean);
      if (!ids.length || ids.length > 100) return invalid('ids must have 1 to 100 items', 'ids');
      const found = ids.map((id) => env.store.post('x', id)).filter((p): p is SandboxPost => !!p);
      const missing = ids.filter((id) => !env.store.post('x', id));
      return json(200, {
        ...(found.length ? { data: found.map((p) => tweetJson(p, true)) } : {}),
        ...(missing.length
          ? {
              errors: missing.map((id) => ({
                value: id,
                detail: `Could not find tweet with ids: [${id}].`,
                title: 'Not Found Error',
                resource_type: 'tweet',
                parameter: 'ids',
                resource_id: id,
                type: 'https://api.twitter.com/2/problems/resource-not-found',
              })),
            }
          : {}),
      });
    }
    return problem(404, 'Not Found Error', 'Sorry, that page does not exist.');
  },
  faultReply(kind, _ctx, fault, env) {
    if (kind === 'server') return problem(503, 'Service Unavailable', 'Service Unavailable');
    if (kind === 'rate') {
      const reset = String(Math.floor(env.store.now() / 1000) + (fault.resetInSeconds ?? 900));
      return problem(429, 'Too Many Requests', 'Too Many Requests', 'about:blank', {
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': reset,
      });
    }
    if (kind === 'expired') return problem(401, 'Unauthorized', 'Unauthorized');
    return invalid(fault.message ?? 'Your Tweet text is invalid.');
  },
  headers(ctx, account, env) {
    if (!account) return {};
    const now = Math.floor(env.store.now() / 1000);
    const counters = env.store.bag<{ start: number; used: number }>('x:rate');
    const key = `${account.externalId}:${ctx.method}:${ctx.path}`;
    let c = counters.get(key);
    if (!c || now - c.start >= 900) counters.set(key, (c = { start: now, used: 0 }));
    c.used += 1;
    const h: Record<string, string> = {
      'x-rate-limit-limit': '900',
      'x-rate-limit-remaining': String(Math.max(0, 900 - c.used)),
      'x-rate-limit-reset': String(c.start + 900),
    };
    if (ctx.method === 'POST' && ctx.path === '/2/tweets') {
      const posted = env.store.posts('x', account.externalId).filter((p) => p.createdAt.getTime() > env.store.now() - 86_400_000).length;
      Object.assign(h, {
        'x-user-limit-24hour-limit': '2400',
        'x-user-limit-24hour-remaining': String(Math.max(0, 2400 - posted)),
        'x-user-limit-24hour-reset': String(now + 86400),
      });
    }
    return h;
  },
};
