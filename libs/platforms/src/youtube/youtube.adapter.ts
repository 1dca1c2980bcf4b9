import { BaseAdapter } from '../adapter-base';
import { CommentCapabilities, CommentRead, CommentScope } from '../comments/types';
import { readYouTubeComments } from './youtube-comments';
import { PlatformError, PlatformErrorKind } from '../errors';
import { Classifier, HttpReply } from '../http/http-client';
import { expiresIn, form, splitScopes, withQuery } from '../http/oauth';
import { inSeconds, nextPacificMidnight } from '../http/retry-at';
import { composeText } from '../text/compose';
import { checkListing } from '../http/listing-check';
import { ownReplies, REPLY_MAX_PAGES, REPLY_SETTLE_MS, topLevelId } from '../http/reply-check';
import { isVideo } from '../validate';
import {
  AccountCredentials,
  AccountMetrics,
  AuthorizeUrlParams,
  CheckRequest,
  CheckResult,
  ExchangeCodeParams,
  OAuthClient,
  PostMetrics,
  PublishContent,
  PublishHandles,
  PublishOptions,
  PublishResult,
  RecentPost,
  TokenSet,
} from '../types';

const AUTH = new Set([
  'authError',
  'insufficientPermissions',
  'forbidden',
  'youtubeSignupRequired',
  'accountDelegationForbidden',
  'authenticatedUserAccountSuspended',
  'authenticatedUserAccountClosed',
]);

/** Google envelope `error.errors[0].reason` (and OAuth `invalid_grant`) → class (platform-apis.md §7.5). */
const classifyYouTube: Classifier = (reply: HttpReply) => {
  if (reply.status < 400) return null;
  const body = (reply.data ?? {}) as { error?: string | { message?: string; errors?: Array<{ reason?: string }> }; error_description?: string };
  if (typeof body.error === 'string')
    return new PlatformError({
      platform: 'youtube',
      kind: body.error === 'invalid_grant' || body.error === 'invalid_client' || reply.status === 401 ? 'auth' : 'rejected',
      httpStatus: reply.status,
      platformCode: body.error,
      platformMessage: body.error_description,
    });
  const reason = body.error?.errors?.[0]?.reason ?? String(reply.status);
  let kind: PlatformErrorKind = 'rejected';
  let retryAt: Date | undefined;
  if (AUTH.has(reason) || reply.status === 401) kind = 'auth';
  else if (reason === 'quotaExceeded') [kind, retryAt] = ['rate_limited', nextPacificMidnight()];
  else if (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded') [kind, retryAt] = ['rate_limited', inSeconds(60)];
  else if (reason === 'uploadLimitExceeded') [kind, retryAt] = ['rate_limited', inSeconds(86_400)];
  else if (reason === 'backendError' || reason === 'internalError' || reply.status >= 500) kind = 'transient';
  return new PlatformError({
    platform: 'youtube',
    kind,
    httpStatus: reply.status,
    platformCode: reason,
    platformMessage: body.error?.message?.replace(/<[^>]+>/g, ''),
    retryAt,
  });
};

interface YtComment {
  id: string;
  snippet?: {
    parentId?: string;
    videoId?: string;
    textOriginal?: string;
    textDisplay?: string;
    publishedAt?: string;
    authorChannelId?: { value: string };
  };
}

const commentUrl = (videoId: string | undefined, commentId: string) =>
  videoId ? `https://www.youtube.com/watch?v=${videoId}&lc=${commentId}` : `https://www.youtube.com/comments?lc=${commentId}`;

interface Video {
  id: string;
  statistics?: Record<string, string>;
}

function sessionOf(handles: PublishHandles | undefined): Session | undefined {
  return handles?.uploadUrl ? { uri: handles.uploadUrl, total: Number(handles.uploadBytes ?? 0) || 0 } : undefined;
}

/** An upload session as its status query tells it (resumable upload guide, step 4). */
type SessionState = { state: 'complete'; video: Video } | { state: 'incomplete'; received: number } | { state: 'gone'; httpStatus: number };

interface Session {
  uri: string;
  total: number;
}

/** 404 Not Found / 410 Gone on a session URI: the session expired or was cancelled; the caller decides. */
const classifySession: Classifier = (reply) => (reply.status === 404 || reply.status === 410 ? null : classifyYouTube(reply));

/** YouTube Data API v3: video uploads only (no text, image or community posts in the API). */
export class YouTubeAdapter extends BaseAdapter {
  readonly platform = 'youtube' as const;
  protected readonly classify = classifyYouTube;

  /** Comment threads of every video of the channel in one account-wide scope (no mentions API). */
  readonly commentCapabilities: CommentCapabilities = { comments: true, mentions: false, perPost: false };

  commentScopes(): CommentScope[] {
    return [{ key: 'channel' }];
  }

  readComments(account: AccountCredentials, _scope: CommentScope, cursor: string | null): Promise<CommentRead> {
    return readYouTubeComments(this.http, this.apiUrl, account, cursor);
  }

  private auth(account: AccountCredentials) {
    return { Authorization: `Bearer ${account.accessToken}` };
  }

  private get uploadUrl(): string {
    return this.apiUrl.replace(/\/youtube\/v3$/, '/upload/youtube/v3');
  }

  /**
   * Resumable upload: open a session → checkpoint `{uploadUrl, uploadBytes}` → PUT the bytes (the create call).
   * Given the session, asks it first: complete → that video; incomplete → resume from the bytes it holds (its
   * Range); gone → unknown outcome (a second upload could duplicate a finished one; check() decides).
   * Processing after the upload is not awaited: the video exists once the upload completes.
   */
  async publish(account: AccountCredentials, content: PublishContent, opts: PublishOptions): Promise<PublishResult> {
    this.assertValid(content);
    if (content.replyTo) return this.reply(account, content);
    const item = (content.media ?? []).find((m) => isVideo(m.mimeType))!;
    let session = sessionOf(opts.handles);
    let offset = 0;
    if (session) {
      const st = await this.query(account, session);
      if (st.state === 'complete') return this.done(st.video.id);
      if (st.state === 'gone')
        return this.fail('unknown_outcome', { httpStatus: st.httpStatus, platformCode: 'upload_session_gone', platformMessage: 'the upload session is gone' });
      offset = st.received;
    }
    const file = await this.download(item.url, item.mimeType);
    if (!session) {
      session = await this.open(account, content, item.mimeType, file.bytes.length);
      await opts.checkpoint?.({ uploadUrl: session.uri, uploadBytes: String(session.total) });
    } else if (file.bytes.length !== session.total)
      return this.fail('rejected', { platformCode: 'upload_size_changed', platformMessage: 'the video differs from the one the session was opened for' });
    const res = await this.http.send<Video>(
      account,
      {
        method: 'PUT',
        url: session.uri,
        headers: {
          ...this.auth(account),
          'Content-Type': item.mimeType,
          ...(offset > 0 ? { 'Content-Range': `bytes ${offset}-${session.total - 1}/${session.total}` } : {}),
        },
        data: file.bytes.subarray(offset),
      },
      { create: true },
    );
    if (res.status === 308)
      return this.fail('transient', { httpStatus: 308, platformCode: 'upload_incomplete', platformMessage: 'upload incomplete; resume the session' });
    return this.done(res.data.id);
  }

  /**
   * The session decides (`PUT uploadUrl` with `Content-Range: bytes *\/size`): the video → found; incomplete →
   * absent, resume it; gone → the channel's uploads listing by description, else unknown. No session: opening
   * one creates no video, and the upload PUT only follows the checkpoint.
   */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    if (req.content.replyTo)
      return checkListing(this.replyPages(account, req), req, { how: 'youtube_comment_replies', settleMs: REPLY_SETTLE_MS, maxPages: REPLY_MAX_PAGES });
    const session = sessionOf(req.handles);
    if (!session) return { state: 'absent', how: 'no_upload_session' };
    const st = await this.query(account, session);
    if (st.state === 'complete') return { state: 'found', post: this.done(st.video.id), how: 'upload_complete' };
    if (st.state === 'incomplete')
      return { state: 'absent', how: 'upload_incomplete', handles: { uploadUrl: session.uri, uploadBytes: String(session.total) } };
    const match = await this.findInListing(account, req);
    if (match) return { state: 'found', post: { externalId: match.externalId, url: match.url }, how: 'listing' };
    return { state: 'unknown', reason: 'upload_session_gone' };
  }

  /** Step 1: the resumable session; its URI comes in `Location`. Creates no video. */
  private async open(account: AccountCredentials, content: PublishContent, mimeType: string, total: number): Promise<Session> {
    const description = composeText(content);
    const firstLine = content.text.trim().split('\n')[0] || description.split('\n')[0];
    const title = Array.from(firstLine).length > 100 ? `${Array.from(firstLine).slice(0, 99).join('')}…` : firstLine;
    const init = await this.http.send(account, {
      method: 'POST',
      url: this.uploadUrl + '/videos',
      params: { uploadType: 'resumable', part: 'snippet,status' },
      headers: {
        ...this.auth(account),
        'Content-Type': 'application/json; charset=UTF-8',
        'X-Upload-Content-Length': String(total),
        'X-Upload-Content-Type': mimeType,
      },
      data: {
        snippet: { title, description, tags: (content.hashtags ?? []).map((t) => t.replace(/^#/, '')), categoryId: '25', defaultLanguage: 'id' },
        status: { privacyStatus: 'public', selfDeclaredMadeForKids: false },
      },
    });
    const uri = String(init.headers.location ?? '');
    if (!uri) return this.fail('transient', { platformCode: 'no_session_uri', platformMessage: 'resumable session without Location' });
    return { uri, total };
  }

  /** Step 4.1: an empty PUT with `Content-Range: bytes *\/size` → 200/201 + video, 308 (+ `Range: bytes=0-n`), or 404/410. */
  private async query(account: AccountCredentials, session: Session): Promise<SessionState> {
    const res = await this.http.send<Video>(
      account,
      { method: 'PUT', url: session.uri, headers: { ...this.auth(account), 'Content-Range': `bytes */${session.total || '*'}` }, data: Buffer.alloc(0) },
      { classify: classifySession },
    );
    if (res.status === 404 || res.status === 410) return { state: 'gone', httpStatus: res.status };
    if (res.status === 308) {
      const last = /bytes=0-(\d+)/.exec(String(res.headers.range ?? ''))?.[1];
      return { state: 'incomplete', received: last === undefined ? 0 : Number(last) + 1 };
    }
    if (!res.data?.id)
      return this.fail('transient', { httpStatus: res.status, platformCode: 'upload_status_unreadable', platformMessage: 'no video in the answer' });
    return { state: 'complete', video: res.data };
  }

  /**
   * `comments.insert` (`POST /comments?part=snippet`, body `snippet.parentId` + `snippet.textOriginal`): a reply
   * on the top-level comment (YouTube threads are one level deep). Answers the comment resource.
   */
  private async reply(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    const replyTo = content.replyTo!;
    const res = await this.http.send<YtComment>(
      account,
      {
        method: 'POST',
        url: `${this.apiUrl}/comments`,
        headers: this.auth(account),
        params: { part: 'snippet' },
        data: { snippet: { parentId: topLevelId(replyTo), textOriginal: composeText(content) } },
      },
      { create: true },
    );
    return { externalId: res.data.id, url: commentUrl(res.data.snippet?.videoId ?? replyTo.postExternalId, res.data.id) };
  }

  /** `comments.list` with `parentId`: the replies of the top-level comment, 100 a page; the channel's own kept. */
  private async *replyPages(account: AccountCredentials, req: CheckRequest): AsyncGenerator<RecentPost[]> {
    const replyTo = req.content.replyTo!;
    let pageToken: string | undefined;
    do {
      const res = await this.http.send<{ items: YtComment[]; nextPageToken?: string }>(account, {
        method: 'GET',
        url: `${this.apiUrl}/comments`,
        headers: this.auth(account),
        params: { part: 'snippet', parentId: topLevelId(replyTo), maxResults: 100, textFormat: 'plainText', ...(pageToken ? { pageToken } : {}) },
      });
      yield ownReplies(
        res.data.items,
        (c) => c.snippet?.authorChannelId?.value === account.externalId,
        (c) => ({
          externalId: c.id,
          url: commentUrl(c.snippet?.videoId ?? replyTo.postExternalId, c.id),
          text: c.snippet?.textOriginal ?? c.snippet?.textDisplay ?? '',
          createdAt: new Date(c.snippet?.publishedAt ?? 0),
        }),
      );
      pageToken = res.data.nextPageToken;
    } while (pageToken);
  }

  private done(id: string): PublishResult {
    return { externalId: id, url: `https://www.youtube.com/watch?v=${id}` };
  }

  private async channel(account: AccountCredentials, part: string) {
    const res = await this.http.send<{
      items: Array<{
        id: string;
        snippet?: { customUrl?: string; title?: string };
        statistics?: Record<string, string>;
        contentDetails?: { relatedPlaylists: { uploads: string } };
      }>;
    }>(account, {
      method: 'GET',
      url: `${this.apiUrl}/channels`,
      headers: this.auth(account),
      params: { part, mine: true },
    });
    const item = res.data.items[0];
    return item ?? this.fail('auth', { platformCode: 'youtubeSignupRequired', platformMessage: 'the account has no YouTube channel' });
  }

  async findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]> {
    const uploads = (await this.channel(account, 'contentDetails')).contentDetails!.relatedPlaylists.uploads;
    const res = await this.http.send<{ items: Array<{ snippet: { description?: string }; contentDetails: { videoId: string; videoPublishedAt: string } }> }>(
      account,
      {
        method: 'GET',
        url: `${this.apiUrl}/playlistItems`,
        headers: this.auth(account),
        params: { part: 'contentDetails,snippet', playlistId: uploads, maxResults: 50 },
      },
    );
    return res.data.items
      .map((i) => ({
        externalId: i.contentDetails.videoId,
        url: `https://www.youtube.com/watch?v=${i.contentDetails.videoId}`,
        text: i.snippet.description ?? '',
        createdAt: new Date(i.contentDetails.videoPublishedAt),
      }))
      .filter((i) => i.createdAt >= since);
  }

  /** Counters arrive as strings; subscriberCount is rounded to 3 significant figures by YouTube. */
  async accountMetrics(account: AccountCredentials): Promise<AccountMetrics> {
    const s = (await this.channel(account, 'statistics')).statistics ?? {};
    return {
      followers: Number(s.subscriberCount ?? 0),
      posts: Number(s.videoCount ?? 0),
      raw: { viewCount: Number(s.viewCount ?? 0), videoCount: Number(s.videoCount ?? 0) },
    };
  }

  async postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    const out: Record<string, PostMetrics> = {};
    const num = (v?: string) => (v === undefined ? undefined : Number(v));
    for (let i = 0; i < externalIds.length; i += 50) {
      const res = await this.http.send<{ items: Video[] }>(account, {
        method: 'GET',
        url: `${this.apiUrl}/videos`,
        headers: this.auth(account),
        params: { part: 'statistics,status', id: externalIds.slice(i, i + 50).join(',') },
      });
      for (const v of res.data.items)
        out[v.id] = { views: num(v.statistics?.viewCount), likes: num(v.statistics?.likeCount), comments: num(v.statistics?.commentCount) };
    }
    return out;
  }

  authorizeUrl(p: AuthorizeUrlParams): string {
    return withQuery(this.oauth.authorizeUrl, {
      client_id: p.clientId,
      redirect_uri: p.redirectUri,
      response_type: 'code',
      scope: p.scopes.join(' '),
      access_type: 'offline',
      prompt: 'consent',
      state: p.state,
      code_challenge: p.codeChallenge,
      code_challenge_method: p.codeChallenge ? 'S256' : undefined,
    });
  }

  async exchangeCode(p: ExchangeCodeParams): Promise<TokenSet> {
    const tokens = await this.token({
      client_id: p.clientId,
      client_secret: p.clientSecret,
      code: p.code,
      grant_type: 'authorization_code',
      redirect_uri: p.redirectUri,
      code_verifier: p.codeVerifier,
    });
    const ch = await this.channel({ platform: 'youtube', externalId: '', accessToken: tokens.accessToken }, 'snippet');
    return { ...tokens, externalId: ch.id, handle: ch.snippet?.customUrl?.replace(/^@/, '') ?? ch.snippet?.title };
  }

  /** Google keeps the refresh token: the answer has only a new access token. */
  async refresh(account: AccountCredentials, client?: OAuthClient): Promise<TokenSet> {
    if (!account.refreshToken)
      return this.fail('auth', { platformCode: 'no_refresh_token', platformMessage: 'no refresh token (consent without offline access)' });
    const c = this.client(client);
    const tokens = await this.token({ client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'refresh_token', refresh_token: account.refreshToken });
    return { ...tokens, refreshToken: tokens.refreshToken ?? account.refreshToken, externalId: account.externalId, handle: account.handle };
  }

  private async token(params: Record<string, string | undefined>): Promise<TokenSet> {
    const res = await this.http.send<{ access_token: string; refresh_token?: string; expires_in: number; scope?: string }>(
      null,
      { method: 'POST', url: this.oauth.tokenUrl, data: form(params) },
      { secrets: [params.client_secret ?? '', params.code ?? '', params.refresh_token ?? ''] },
    );
    const d = res.data;
    return { accessToken: d.access_token, refreshToken: d.refresh_token, expiresAt: expiresIn(d.expires_in), scopes: splitScopes(d.scope, /\s+/) };
  }
}
