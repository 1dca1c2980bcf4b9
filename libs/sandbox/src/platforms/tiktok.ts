import { token as newToken } from '../ids';
import { json, PlatformModule, routeMatch, SandboxEnv, tokenAccount } from '../module';
import { authorizePage, bearer, consumeCode } from '../oauth';
import { Ctx, FaultSpec, Reply, SandboxAccount, SandboxPost } from '../types';

interface Publish {
  id: string;
  owner: string;
  postId: string;
  privacy: string;
  /** Status reads answered PROCESSING_DOWNLOAD before the publish can complete. */
  polls: number;
  /** Sandbox time before which processing cannot complete (`slow_processing` adds its delay). */
  readyAt: number;
  failReason?: string;
}

const processing = (pub: Publish, env: SandboxEnv) => env.store.now() < pub.readyAt;

const PRIVACY = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'];
const logId = () =>
  `2025${newToken('', 9)
    .replace(/[^A-Za-z0-9]/g, 'A')
    .toUpperCase()}`;
const ok = (data: unknown): Reply => json(200, { data, error: { code: 'ok', message: '', log_id: logId() } });
const fail = (status: number, code: string, message: string): Reply => json(status, { data: {}, error: { code, message, log_id: logId() } });

function videoJson(p: SandboxPost, handle: string, fields: string[]) {
  const all: Record<string, unknown> = {
    id: p.externalId,
    title: p.title ?? '',
    video_description: p.text,
    create_time: Math.floor(p.createdAt.getTime() / 1000),
    share_url: p.url.replace('{handle}', handle),
    view_count: p.views,
    like_count: p.likes,
    comment_count: p.comments,
    share_count: p.shares,
  };
  return Object.fromEntries(Object.entries(all).filter(([k]) => fields.includes(k) || k === 'id'));
}

async function init(ctx: Ctx, a: SandboxAccount, env: SandboxEnv, kind: 'photo' | 'video', fault?: FaultSpec): Promise<Reply> {
  const inits = env.store.bag<number[]>('tiktok:inits');
  const recent = (inits.get(a.externalId) ?? []).filter((t) => t > env.store.now() - 60_000);
  if (recent.length >= 6) return fail(429, 'rate_limit_exceeded', 'API rate limit exceeded, please try again later.');
  inits.set(a.externalId, [...recent, env.store.now()]);
  const b = ctx.body;
  const info = b.post_info ?? {};
  const src = b.source_info ?? {};
  if (!PRIVACY.includes(info.privacy_level)) return fail(400, 'privacy_level_option_mismatch', 'privacy_level is not one of the creator privacy options.');
  const title = String(info.title ?? '');
  const description = String(info.description ?? '');
  let urls: string[];
  if (kind === 'photo') {
    if (b.media_type !== 'PHOTO' || !['DIRECT_POST', 'MEDIA_UPLOAD'].includes(b.post_mode))
      return fail(400, 'invalid_params', 'media_type must be PHOTO and post_mode DIRECT_POST or MEDIA_UPLOAD.');
    if (title.length > 90 || description.length > 4000) return fail(400, 'invalid_params', 'title must be at most 90 and description at most 4000 characters.');
    urls = Array.isArray(src.photo_images) ? src.photo_images.map(String) : [];
    if (src.source !== 'PULL_FROM_URL' || urls.length < 1 || urls.length > 35) return fail(400, 'invalid_params', 'photo_images must hold 1 to 35 URLs.');
  } else {
    if (title.length > 2200) return fail(400, 'invalid_params', 'title must be at most 2200 characters.');
    if (src.source !== 'PULL_FROM_URL' || !src.video_url) return fail(400, 'invalid_params', 'source_info.video_url is required.');
    urls = [String(src.video_url)];
  }
  const fetched = await Promise.all(urls.map((u) => env.fetchMedia(u)));
  const bad = fetched.findIndex((f) => !f.ok);
  const id = `p_pub_url~v2.${env.store.newId()}`;
  const postId = env.store.newId();
  const pub: Publish = {
    id,
    owner: a.externalId,
    postId,
    privacy: info.privacy_level,
    polls: 1,
    readyAt: env.store.now() + (fault?.kind === 'slow_processing' ? (fault.delayMs ?? 60_000) : 0),
    failReason: bad >= 0 ? (kind === 'photo' ? 'photo_pull_failed' : 'video_pull_failed') : undefined,
  };
  env.store.bag<Publish>('tiktok:publish').set(id, pub);
  if (!pub.failReason)
    env.store.addPost({
      platform: 'tiktok',
      accountExternalId: a.externalId,
      externalId: postId,
      url: `https://www.tiktok.com/@${a.handle}/${kind}/${postId}`,
      title,
      text: kind === 'photo' ? description : title,
      media: urls.map((u, i) => ({ url: u, mimeType: fetched[i].contentType, bytes: fetched[i].bytes })),
    });
  return ok({ publish_id: id });
}

function status(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  const pub = env.store.bag<Publish>('tiktok:publish').get(String(ctx.body.publish_id ?? ''));
  if (!pub || pub.owner !== a.externalId) return fail(400, 'invalid_publish_id', 'The publish_id does not exist.');
  if (pub.polls-- > 0 || processing(pub, env)) return ok({ status: 'PROCESSING_DOWNLOAD', uploaded_bytes: 0 });
  if (pub.failReason) return ok({ status: 'FAILED', fail_reason: pub.failReason, uploaded_bytes: 0 });
  const visible = pub.privacy !== 'SELF_ONLY';
  // int64 ids as bare JSON numbers, like TikTok (beyond Number precision: clients must not JSON.parse them naively)
  const raw = `{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[${visible ? pub.postId : ''}],"uploaded_bytes":0},"error":{"code":"ok","message":"","log_id":"${logId()}"}}`;
  return { status: 200, raw, contentType: 'application/json; charset=UTF-8' };
}

function oauthToken(ctx: Ctx, env: SandboxEnv): Reply {
  const p = ctx.params;
  const bad = (d: string) => json(400, { error: 'invalid_grant', error_description: d, log_id: logId() });
  let externalId: string;
  if (p.grant_type === 'authorization_code') {
    if (!p.client_secret) return json(400, { error: 'invalid_client', error_description: 'Client secret is missing.', log_id: logId() });
    const check = consumeCode(env.store, 'tiktok', { code: p.code, clientId: p.client_key, redirectUri: p.redirect_uri, codeVerifier: p.code_verifier });
    if (!check.ok) return bad('Authorization code is expired.');
    externalId = check.record.externalId;
  } else if (p.grant_type === 'refresh_token') {
    const rec = env.store.tokenRecord(p.refresh_token);
    if (!rec || rec.kind !== 'refresh' || rec.revoked || rec.platform !== 'tiktok') return bad('Refresh token is invalid or expired.');
    env.store.revokeToken(rec.token);
    externalId = rec.externalId;
  } else return bad('Unsupported grant_type.');
  const acc = env.store.account('tiktok', externalId)!;
  const t = env.store.issueTokens(acc);
  return json(200, {
    access_token: t.accessToken,
    expires_in: 86400,
    open_id: acc.externalId,
    refresh_expires_in: 31_536_000,
    refresh_token: t.refreshToken,
    scope: acc.scopes.join(',') || 'user.info.basic,video.publish',
    token_type: 'Bearer',
  });
}

/** TikTok Content Posting + Display API (v2): every body carries error.code/message/log_id. */
export const tiktok: PlatformModule = {
  platform: 'tiktok',
  authenticate(ctx, env) {
    if (ctx.path === '/v2/auth/authorize/' || ctx.path === '/v2/oauth/token/') return {};
    const t = tokenAccount(env, 'tiktok', bearer(ctx));
    return t.state === 'ok' ? { account: t.account } : { reply: fail(401, 'access_token_invalid', 'The access token is invalid or not found in the request.') };
  },
  isCreate: (ctx) => ctx.method === 'POST' && /^\/v2\/post\/publish\/(content|video)\/init\/$/.test(ctx.path),
  handle(ctx, account, env, fault) {
    if (routeMatch(/^\/v2\/auth\/authorize\/$/, ctx, 'GET')) return authorizePage(env.store, 'tiktok', ctx, { clientIdParam: 'client_key' });
    if (routeMatch(/^\/v2\/oauth\/token\/$/, ctx, 'POST')) return oauthToken(ctx, env);
    const a = account!;
    const fields = String(ctx.query.fields ?? '').split(',');
    if (routeMatch(/^\/v2\/user\/info\/$/, ctx, 'GET')) {
      const all: Record<string, unknown> = {
        open_id: a.externalId,
        union_id: a.externalId,
        username: a.handle,
        display_name: a.name,
        follower_count: a.followers,
        following_count: a.following,
        likes_count: env.store.posts('tiktok', a.externalId).reduce((s, p) => s + p.likes, 0),
        video_count: env.store.posts('tiktok', a.externalId).length,
      };
      return ok({ user: Object.fromEntries(Object.entries(all).filter(([k]) => fields.includes(k))) });
    }
    if (routeMatch(/^\/v2\/post\/publish\/creator_info\/query\/$/, ctx, 'POST'))
      return ok({
        creator_username: a.handle,
        creator_nickname: a.name,
        creator_avatar_url: '',
        privacy_level_options: PRIVACY,
        comment_disabled: false,
        duet_disabled: false,
        stitch_disabled: false,
        max_video_post_duration_sec: 600,
      });
    if (routeMatch(/^\/v2\/post\/publish\/content\/init\/$/, ctx, 'POST')) return init(ctx, a, env, 'photo', fault);
    if (routeMatch(/^\/v2\/post\/publish\/video\/init\/$/, ctx, 'POST')) return init(ctx, a, env, 'video', fault);
    if (routeMatch(/^\/v2\/post\/publish\/status\/fetch\/$/, ctx, 'POST')) return status(ctx, a, env);
    if (routeMatch(/^\/v2\/video\/list\/$/, ctx, 'POST')) {
      const max = Math.min(20, Number(ctx.body.max_count ?? 20));
      const cursor = Number(ctx.body.cursor ?? Number.MAX_SAFE_INTEGER);
      // Public posts only, and only once processing completed (a post still processing is not listed yet).
      const pubs = new Map([...env.store.bag<Publish>('tiktok:publish').values()].map((x) => [x.postId, x]));
      const listed = (p: SandboxPost) => {
        const pub = pubs.get(p.externalId);
        return !pub || (pub.privacy !== 'SELF_ONLY' && !processing(pub, env));
      };
      const list = env.store
        .posts('tiktok', a.externalId)
        .filter((p) => p.createdAt.getTime() < cursor && listed(p))
        .reverse();
      const page = list.slice(0, max);
      return ok({ videos: page.map((p) => videoJson(p, a.handle, fields)), cursor: page.at(-1)?.createdAt.getTime() ?? 0, has_more: list.length > max });
    }
    if (routeMatch(/^\/v2\/video\/query\/$/, ctx, 'POST')) {
      const ids: string[] = (ctx.body.filters?.video_ids ?? []).map(String);
      if (ids.length > 20) return fail(400, 'invalid_params', 'video_ids must hold at most 20 ids.');
      const videos = ids.map((id) => env.store.post('tiktok', id)).filter((p): p is SandboxPost => !!p && p.accountExternalId === a.externalId);
      return ok({ videos: videos.map((p) => videoJson(p, a.handle, fields)), cursor: 0, has_more: false });
    }
    return fail(404, 'invalid_params', 'The requested path does not exist.');
  },
  faultReply(kind, _ctx, fault) {
    if (kind === 'server') return fail(500, 'internal_error', 'Something went wrong. Please try again later.');
    if (kind === 'rate') return fail(429, 'rate_limit_exceeded', 'API rate limit exceeded, please try again later.');
    if (kind === 'expired') return fail(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    return fail(403, 'spam_risk_text', fault.message ?? 'The text of the post is considered spam.');
  },
};
