import { token as newToken } from '../ids';
import { youtubeCommentThreads } from './youtube-comments';
import { json, PlatformModule, routeMatch, SandboxEnv, tokenAccount } from '../module';
import { addReply, SandboxReply, sandboxReplies } from '../replies';
import { authorizePage, bearer, consumeCode } from '../oauth';
import { Ctx, FaultSpec, Reply, SandboxAccount, SandboxPost } from '../types';

interface Session {
  owner: string;
  total: number;
  type: string;
  snippet: Record<string, any>;
  status: Record<string, any>;
  createdAt: number;
  /** Bytes received so far (resumed uploads append where the last PUT stopped). */
  received: number;
  /** First byte of every PUT that carried bytes (tests read how an upload was resumed). */
  puts: number[];
  videoId?: string;
}

/** Uploaded videos still processing: `uploadStatus` stays `uploaded` until then (`slow_processing`). */
const processedAt = (env: SandboxEnv) => env.store.bag<number>('youtube:processedAt');
/** Session URI lifetime: unverified for YouTube (platform-apis.md §10.4); Google's upload sessions last a week. */
const SESSION_TTL_MS = 7 * 86_400_000;
const statusQuery = (ctx: Ctx) => /^bytes \*\/(\d+|\*)$/.test(String(ctx.headers['content-range'] ?? ''));

function googleError(code: number, reason: string, message: string, domain = 'youtube.video', headers?: Record<string, string>): Reply {
  const status = code === 401 ? 'UNAUTHENTICATED' : code === 403 ? 'PERMISSION_DENIED' : code >= 500 ? 'UNAVAILABLE' : 'INVALID_ARGUMENT';
  return json(code, { error: { code, message, errors: [{ message, domain, reason }], status } }, headers);
}

function videoJson(p: SandboxPost, a: SandboxAccount, env: SandboxEnv) {
  const processed = env.store.now() >= (processedAt(env).get(p.externalId) ?? 0);
  return {
    kind: 'youtube#video',
    id: p.externalId,
    snippet: { publishedAt: p.createdAt.toISOString(), channelId: a.externalId, title: p.title ?? '', description: p.text },
    status: { uploadStatus: processed ? 'processed' : 'uploaded', privacyStatus: 'public' },
    statistics: { viewCount: String(p.views), likeCount: String(p.likes), favoriteCount: '0', commentCount: String(p.comments) },
  };
}

function startUpload(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  if (ctx.query.uploadType !== 'resumable') return googleError(400, 'invalidParameter', "Invalid value for uploadType: expected 'resumable'", 'global');
  const snippet = ctx.body.snippet ?? {};
  const title = String(snippet.title ?? '');
  const description = String(snippet.description ?? '');
  if (!title.trim() || [...title].length > 100 || /[<>]/.test(title))
    return googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.');
  if (Buffer.byteLength(description) > 5000 || /[<>]/.test(description))
    return googleError(400, 'invalidDescription', 'The request metadata specifies an invalid video description.');
  const total = Number(ctx.headers['x-upload-content-length'] ?? 0);
  const type = String(ctx.headers['x-upload-content-type'] ?? '');
  if (!type.startsWith('video/'))
    return googleError(400, 'invalidVideoMetadata', 'The request metadata is invalid: X-Upload-Content-Type must be a video type.');
  const uploadId = newToken('AEnB2U', 24);
  env.store
    .bag<Session>('youtube:sessions')
    .set(uploadId, { owner: a.externalId, total, type, snippet, status: ctx.body.status ?? {}, createdAt: env.store.now(), received: 0, puts: [] });
  return { status: 200, raw: '', headers: { location: `${ctx.base}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${uploadId}` } };
}

/** 308 Resume Incomplete, with `Range: bytes=0-<last>` once some bytes arrived (resumable upload guide, step 4.2). */
const incomplete = (s: Session): Reply => ({ status: 308, raw: '', headers: s.received ? { range: `bytes=0-${s.received - 1}` } : {} });

/**
 * PUT on a session URI. `Content-Range: bytes *\/N` asks its status: 200 + the video when complete, else 308.
 * Bytes (whole file, or `Content-Range: bytes a-b/N` resuming at the received offset) append; the last byte
 * creates the video. An expired session answers 404.
 */
function putUpload(ctx: Ctx, a: SandboxAccount, env: SandboxEnv, fault?: FaultSpec): Reply {
  const s = env.store.bag<Session>('youtube:sessions').get(String(ctx.query.upload_id ?? ''));
  if (!s || s.owner !== a.externalId || env.store.now() - s.createdAt > SESSION_TTL_MS)
    return googleError(404, 'notFound', 'The upload session does not exist or has expired.', 'global');
  const done = () => json(200, videoJson(env.store.post('youtube', s.videoId!)!, a, env));
  if (statusQuery(ctx)) return s.videoId ? done() : incomplete(s);
  if (s.videoId) return done();
  if (ctx.raw.length === 0) return googleError(400, 'mediaBodyRequired', 'The request does not include the video content.');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(ctx.headers['content-range'] ?? ''));
  const from = range ? Number(range[1]) : 0;
  // Bytes must continue where the session stopped; otherwise the client is told where that is.
  if (from !== s.received || (range && Number(range[2]) - from + 1 !== ctx.raw.length)) return incomplete(s);
  s.puts.push(from);
  s.received += ctx.raw.length;
  if (s.total && s.received < s.total) return incomplete(s);
  const id = newToken('', 8)
    .replace(/[^A-Za-z0-9_-]/g, 'x')
    .slice(0, 11);
  s.videoId = id;
  const post = env.store.addPost({
    platform: 'youtube',
    accountExternalId: a.externalId,
    externalId: id,
    url: `https://www.youtube.com/watch?v=${id}`,
    title: String(s.snippet.title),
    text: String(s.snippet.description ?? ''),
    media: [{ mimeType: s.type, bytes: s.received }],
  });
  if (fault?.kind === 'slow_processing') processedAt(env).set(id, env.store.now() + (fault.delayMs ?? 60_000));
  return json(201, { ...videoJson(post, a, env), status: { uploadStatus: 'uploaded', privacyStatus: s.status.privacyStatus ?? 'public' } });
}

function token(ctx: Ctx, env: SandboxEnv): Reply {
  const p = ctx.params;
  const bad = (d: string) => json(400, { error: 'invalid_grant', error_description: d });
  if (!p.client_id || !p.client_secret) return json(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
  if (p.grant_type === 'authorization_code') {
    const check = consumeCode(env.store, 'youtube', { code: p.code, clientId: p.client_id, redirectUri: p.redirect_uri, codeVerifier: p.code_verifier });
    if (!check.ok) return bad('Bad Request');
    const t = env.store.issueTokens(env.store.account('youtube', check.record.externalId)!);
    return json(200, {
      access_token: t.accessToken,
      expires_in: 3599,
      refresh_token: t.refreshToken,
      scope: check.record.scopes.join(' '),
      token_type: 'Bearer',
    });
  }
  if (p.grant_type === 'refresh_token') {
    const rec = env.store.tokenRecord(p.refresh_token);
    if (!rec || rec.kind !== 'refresh' || rec.revoked || rec.platform !== 'youtube') return bad('Token has been expired or revoked.');
    const acc = env.store.account('youtube', rec.externalId)!;
    const t = env.store.issueTokens(acc, 'access');
    env.store.revokeToken(t.refreshToken!); // Google keeps the original refresh token
    return json(200, { access_token: t.accessToken, expires_in: 3599, scope: rec.scopes.join(' '), token_type: 'Bearer' });
  }
  return json(400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type' });
}

/** YouTube Data API v3: resumable videos.insert, channels/playlistItems/videos lists, Google OAuth. */
/**
 * `comments.insert` (POST, `part=snippet`, body `snippet.parentId` + `snippet.textOriginal`): a reply to a top-level
 * comment, answered with the comment resource; `comments.list` with `parentId`: its replies, `maxResults` ≤ 100,
 * `pageToken` paging.
 */
function comments(ctx: Ctx, a: SandboxAccount, env: SandboxEnv): Reply {
  const resource = (r: SandboxReply) => ({
    kind: 'youtube#comment',
    id: r.externalId,
    snippet: {
      channelId: r.accountExternalId,
      parentId: r.parentExternalId,
      textOriginal: r.text,
      textDisplay: r.text,
      authorChannelId: { value: r.accountExternalId },
      authorDisplayName: env.store.account('youtube', r.accountExternalId)?.name,
      publishedAt: r.createdAt.toISOString(),
      updatedAt: r.createdAt.toISOString(),
    },
  });
  if (ctx.method === 'POST') {
    if (ctx.query.part !== 'snippet' && ctx.query.part !== 'id,snippet')
      return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: part', 'youtube.parameter');
    const snippet = (ctx.body.snippet ?? {}) as { parentId?: string; textOriginal?: string };
    if (!snippet.parentId) return googleError(400, 'parentIdMissing', 'The comment must be linked to a parent comment.', 'youtube.comment');
    const text = String(snippet.textOriginal ?? '');
    if (!text.trim()) return googleError(400, 'commentTextRequired', 'The comment resource must specify a value for snippet.textOriginal.', 'youtube.comment');
    if (text.length > 10_000) return googleError(400, 'commentTextTooLong', 'The comment text is too long.', 'youtube.comment');
    const id = `${snippet.parentId}.${env.store.newId()}`;
    const r = addReply(env.store, { platform: 'youtube', accountExternalId: a.externalId, externalId: id, parentExternalId: snippet.parentId, text, url: '' });
    return json(200, resource(r));
  }
  if (ctx.method !== 'GET') return googleError(404, 'notFound', 'Not Found', 'global');
  if (!ctx.query.parentId && !ctx.query.id) return googleError(400, 'missingRequiredParameter', 'No filter selected.', 'youtube.parameter');
  const max = Math.min(100, Number(ctx.query.maxResults ?? 20));
  const all = sandboxReplies(env.store, { platform: 'youtube', parent: ctx.query.parentId }).filter((r) => !ctx.query.id || r.externalId === ctx.query.id);
  const start = ctx.query.pageToken ? Number(Buffer.from(String(ctx.query.pageToken), 'base64url').toString('utf8')) : 0;
  const page = all.slice(start, start + max);
  const more = all.length > start + max;
  return json(200, {
    kind: 'youtube#commentListResponse',
    items: page.map(resource),
    ...(more ? { nextPageToken: Buffer.from(String(start + max)).toString('base64url') } : {}),
  });
}

export const youtube: PlatformModule = {
  platform: 'youtube',
  authenticate(ctx, env) {
    if (ctx.path === '/o/oauth2/v2/auth' || ctx.path === '/token') return {};
    const t = tokenAccount(env, 'youtube', bearer(ctx));
    return t.state === 'ok'
      ? { account: t.account }
      : {
          reply: googleError(
            401,
            'authError',
            'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
            'global',
          ),
        };
  },
  // A status query (`Content-Range: bytes *\/N`) carries no bytes and creates nothing.
  isCreate: (ctx) =>
    (ctx.method === 'PUT' && ctx.path === '/upload/youtube/v3/videos' && !statusQuery(ctx)) || (ctx.method === 'POST' && ctx.path === '/youtube/v3/comments'),
  handle(ctx, account, env, fault) {
    if (routeMatch(/^\/o\/oauth2\/v2\/auth$/, ctx, 'GET')) return authorizePage(env.store, 'youtube', ctx, { scopeSep: /\s+/ });
    if (routeMatch(/^\/token$/, ctx, 'POST')) return token(ctx, env);
    const a = account!;
    if (routeMatch(/^\/upload\/youtube\/v3\/videos$/, ctx, 'POST')) return startUpload(ctx, a, env);
    if (routeMatch(/^\/upload\/youtube\/v3\/videos$/, ctx, 'PUT')) return putUpload(ctx, a, env, fault);
    if (routeMatch(/^\/youtube\/v3\/comments$/, ctx)) return comments(ctx, a, env);
    if (routeMatch(/^\/youtube\/v3\/channels$/, ctx, 'GET')) {
      if (ctx.query.mine !== 'true') return googleError(400, 'missingRequiredParameter', 'No filter selected.', 'youtube.parameter');
      const posts = env.store.posts('youtube', a.externalId);
      return json(200, {
        kind: 'youtube#channelListResponse',
        items: [
          {
            kind: 'youtube#channel',
            id: a.externalId,
            snippet: { title: a.name, customUrl: `@${a.handle}` },
            statistics: {
              viewCount: String(posts.reduce((s, p) => s + p.views, 0)),
              subscriberCount: String(a.followers),
              hiddenSubscriberCount: false,
              videoCount: String(posts.length),
            },
            contentDetails: { relatedPlaylists: { uploads: `UU${a.externalId.slice(2)}` } },
          },
        ],
      });
    }
    if (routeMatch(/^\/youtube\/v3\/playlistItems$/, ctx, 'GET')) {
      if (ctx.query.playlistId !== `UU${a.externalId.slice(2)}`)
        return googleError(404, 'playlistNotFound', "The playlist identified with the request's playlistId parameter cannot be found.", 'youtube.playlistItem');
      const max = Math.min(50, Number(ctx.query.maxResults ?? 5));
      const items = env.store.posts('youtube', a.externalId).slice().reverse().slice(0, max);
      return json(200, {
        items: items.map((p) => ({
          kind: 'youtube#playlistItem',
          snippet: { title: p.title, description: p.text, publishedAt: p.createdAt.toISOString() },
          contentDetails: { videoId: p.externalId, videoPublishedAt: p.createdAt.toISOString() },
        })),
      });
    }
    if (routeMatch(/^\/youtube\/v3\/commentThreads$/, ctx, 'GET')) return youtubeCommentThreads(ctx, a, env, googleError);
    if (routeMatch(/^\/youtube\/v3\/videos$/, ctx, 'GET')) {
      const ids = String(ctx.query.id ?? '')
        .split(',')
        .filter(Boolean)
        .slice(0, 50);
      return json(200, {
        items: ids
          .map((id) => env.store.post('youtube', id))
          .filter((p): p is SandboxPost => !!p)
          .map((p) => videoJson(p, a, env)),
      });
    }
    return googleError(404, 'notFound', 'Not Found', 'global');
  },
  faultReply(kind, _ctx, fault) {
    if (kind === 'server') return googleError(503, 'backendError', 'Backend Error', 'global');
    if (kind === 'rate')
      return googleError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
        'youtube.quota',
      );
    if (kind === 'expired') return googleError(401, 'authError', 'Request had invalid authentication credentials.', 'global');
    return googleError(400, 'invalidVideoMetadata', fault.message ?? 'The request metadata is invalid.');
  },
};
