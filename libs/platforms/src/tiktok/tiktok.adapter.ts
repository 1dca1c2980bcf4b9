import { BaseAdapter } from '../adapter-base';
import { CommentCapabilities, NO_COMMENTS } from '../comments/types';
import { PlatformError, PlatformErrorKind } from '../errors';
import { Classifier, HttpReply } from '../http/http-client';
import { expiresIn, form, splitScopes, withQuery } from '../http/oauth';
import { inSeconds } from '../http/retry-at';
import { composeText } from '../text/compose';
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
  PublishOptions,
  PublishResult,
  RecentPost,
  TokenSet,
} from '../types';

type Envelope<T> = { data: T; error: { code: string; message: string; log_id?: string } };
interface Video {
  id: string;
  title?: string;
  video_description?: string;
  create_time?: number;
  share_url?: string;
  view_count?: number;
  like_count?: number;
  comment_count?: number;
  share_count?: number;
}

/** `publicaly_available_post_id` holds int64 numbers: keep them as strings (JSON.parse would round them). */
export function parseStatusBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  const safe = data.replace(
    /("publicaly_available_post_id"\s*:\s*\[)([^\]]*)\]/,
    (_m, head: string, list: string) => `${head}${list.replace(/-?\d+/g, '"$&"')}]`,
  );
  try {
    return JSON.parse(safe);
  } catch {
    return data;
  }
}

const AUTH = new Set(['access_token_invalid', 'scope_not_authorized', 'scope_permission_missed', 'invalid_grant', 'invalid_client', 'auth_removed']);
const DAILY_CAP = new Set(['spam_risk_too_many_posts', 'spam_risk_too_many_pending_share', 'reached_active_user_cap']);
const TRANSIENT = new Set(['internal_error', 'internal', 'video_pull_failed', 'photo_pull_failed']);
/**
 * `fail_reason`s that end a publish before anything is posted (Get Post Status, "Fail reasons"): checks on the
 * media, download failures, cancellation, revoked access and TnS refusals. Any other reason proves nothing.
 */
const NOTHING_POSTED = new Set([
  'file_format_check_failed',
  'duration_check_failed',
  'frame_rate_check_failed',
  'picture_size_check_failed',
  'internal',
  'video_pull_failed',
  'photo_pull_failed',
  'publish_cancelled',
  'auth_removed',
  'spam_risk_too_many_posts',
  'spam_risk_user_banned_from_posting',
  'spam_risk_text',
  'spam_risk',
]);
/** Docs: processing takes seconds to minutes, moderation usually a minute (sometimes hours). */
const STATUS_RETRY_MS = 60_000;
/** How long after a lost init answer a post may still be processing, so not yet in the (public-only) listing. */
const LISTING_SETTLE_MS = 15 * 60_000;

const TERMINAL = ['PUBLISH_COMPLETE', 'FAILED', 'SEND_TO_USER_INBOX'];

interface PublishStatus {
  status: string;
  fail_reason?: string;
  publicaly_available_post_id?: Array<number | string>;
}

function tiktokError(code: string, message: string, status?: number): PlatformError {
  let kind: PlatformErrorKind = 'rejected';
  let retryAt: Date | undefined;
  if (AUTH.has(code)) kind = 'auth';
  else if (code === 'rate_limit_exceeded') [kind, retryAt] = ['rate_limited', inSeconds(60)];
  else if (DAILY_CAP.has(code)) [kind, retryAt] = ['rate_limited', inSeconds(86_400)];
  else if (TRANSIENT.has(code) || (status ?? 0) >= 500) kind = 'transient';
  return new PlatformError({ platform: 'tiktok', kind, httpStatus: status, platformCode: code, platformMessage: message, retryAt });
}

/** After init answered, a failed read cannot say whether the post exists: never "try again from scratch". */
function asUnknown(err: unknown): unknown {
  if (!(err instanceof PlatformError)) return err;
  const { httpStatus, platformCode, platformMessage, networkCode } = err;
  return new PlatformError({ platform: 'tiktok', kind: 'unknown_outcome', httpStatus, platformCode, platformMessage, networkCode });
}

/** Success only when error.code == "ok", 200s included (platform-apis.md §6.5); token endpoint errors are flat. */
const classifyTikTok: Classifier = (reply: HttpReply) => {
  const body = (reply.data ?? {}) as Partial<Envelope<unknown>> & { error?: unknown; error_description?: string };
  if (typeof body.error === 'string') return tiktokError(body.error, body.error_description ?? body.error, reply.status);
  const e = body.error as Envelope<unknown>['error'] | undefined;
  if (e && e.code !== 'ok') return tiktokError(e.code, e.message, reply.status);
  if (reply.status >= 400) return tiktokError(reply.status >= 500 ? 'internal_error' : 'http_error', `HTTP ${reply.status}`, reply.status);
  return null;
};

/** TikTok Content Posting API: photo posts (content/init) and videos (video/init), both PULL_FROM_URL. */
export class TikTokAdapter extends BaseAdapter {
  readonly platform = 'tiktok' as const;
  /**
   * TikTok's public APIs (Content Posting, Display) give no comments of an account's videos (only the Research
   * API does, for academics): nothing to collect, and the console says so.
   */
  readonly commentCapabilities: CommentCapabilities = NO_COMMENTS;
  protected readonly classify = classifyTikTok;

  private auth(account: AccountCredentials) {
    return { Authorization: `Bearer ${account.accessToken}`, 'Content-Type': 'application/json; charset=UTF-8' };
  }

  private post<T>(account: AccountCredentials, path: string, data: unknown, create = false, params?: Record<string, string>) {
    return this.http.send<Envelope<T>>(
      account,
      { method: 'POST', url: `${this.apiUrl}${path}`, headers: this.auth(account), data, params, responseType: 'text', transformResponse: parseStatusBody },
      { create },
    );
  }

  /**
   * creator_info → init (the create call) → checkpoint `{publishId}` → poll status. A publish given a
   * `publishId` never calls init again unless that publish FAILED for a reason that posted nothing and is
   * worth retrying: it only polls. Once init answered, every failure but a FAILED status is an unknown outcome.
   */
  async publish(account: AccountCredentials, content: PublishContent, opts: PublishOptions): Promise<PublishResult> {
    // TikTok's public APIs (Content Posting, Display, Research) have no endpoint to reply to a comment.
    if (content.replyTo)
      return this.fail('rejected', {
        platformCode: 'reply_not_supported',
        platformMessage: 'TikTok has no API to reply to a comment; reply in the TikTok app',
      });
    this.assertValid(content);
    let publishId = opts.handles?.publishId;
    let earlier: PublishStatus | undefined;
    if (publishId) {
      earlier = await this.status(account, publishId);
      const reason = earlier.fail_reason ?? '';
      // That publish posted nothing and failed for a passing reason (a download, TikTok itself): start anew.
      if (earlier.status === 'FAILED' && NOTHING_POSTED.has(reason) && tiktokError(reason, '').kind === 'transient')
        [publishId, earlier] = [undefined, undefined];
    }
    let handle = account.handle;
    if (!publishId) {
      const creator = await this.creatorInfo(account);
      handle ??= creator.creator_username;
      publishId = await this.init(account, content, creator.privacy_level_options);
      await opts.checkpoint?.({ publishId });
    }
    const id = publishId;
    const done = (st: PublishStatus) => (TERMINAL.includes(st.status) ? st : undefined);
    const final = (earlier && done(earlier)) ?? (await this.poll(async () => done(await this.status(account, id))));
    // Still processing: the post may yet appear. A retry must continue this publish, never init a second one.
    if (!final) return this.fail('unknown_outcome', { platformCode: 'processing_timeout', platformMessage: `publish ${id} still processing` });
    if (final.status === 'FAILED') throw this.http.fail(tiktokError(final.fail_reason ?? 'failed', `publish failed: ${final.fail_reason ?? 'unknown'}`));
    // The post exists: a failed read of the creator's name only costs the URL its path.
    handle ??= await this.creatorInfo(account).then(
      (c) => c.creator_username,
      () => '',
    );
    return this.result(id, final, handle, content);
  }

  /**
   * With a publishId: its status (PUBLISH_COMPLETE → found, PROCESSING_* → pending, FAILED → absent when the
   * fail_reason proves nothing was posted). Without one (init answer lost): the public video listing by caption;
   * a post still processing or private is not listed, so no match is pending for a while, then unknown.
   */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    if (req.content.replyTo) return { state: 'absent', how: 'tiktok_reply_never_sent' };
    const publishId = req.handles.publishId;
    if (!publishId) {
      const match = await this.findInListing(account, req);
      if (match) return { state: 'found', post: { externalId: match.externalId, url: match.url }, how: 'listing' };
      if (req.now.getTime() - req.lostAt.getTime() < LISTING_SETTLE_MS)
        return { state: 'pending', how: 'listing_settling', retryAfterMs: STATUS_RETRY_MS, unknownReason: 'tiktok_init_answer_lost' };
      return { state: 'unknown', reason: 'tiktok_init_answer_lost' };
    }
    let st: PublishStatus;
    try {
      st = await this.fetchStatus(account, publishId);
    } catch (err) {
      if (err instanceof PlatformError && err.kind === 'rejected') return { state: 'unknown', reason: 'tiktok_publish_id_unreadable' };
      throw err;
    }
    if (st.status === 'PUBLISH_COMPLETE')
      return { state: 'found', post: this.result(publishId, st, account.handle ?? '', req.content), how: 'tiktok_publish_complete' };
    if (st.status.startsWith('PROCESSING_')) return { state: 'pending', how: 'tiktok_processing', retryAfterMs: STATUS_RETRY_MS };
    if (st.status === 'FAILED')
      return NOTHING_POSTED.has(st.fail_reason ?? '')
        ? { state: 'absent', how: 'tiktok_publish_failed' }
        : { state: 'unknown', reason: 'tiktok_fail_reason_unproven' };
    if (st.status === 'SEND_TO_USER_INBOX') return { state: 'unknown', reason: 'tiktok_sent_to_inbox' };
    return { state: 'unknown', reason: 'tiktok_status_unknown' };
  }

  private async creatorInfo(account: AccountCredentials) {
    const res = await this.post<{ privacy_level_options: string[]; creator_username: string }>(account, '/post/publish/creator_info/query/', {});
    return res.data.data;
  }

  /** `content/init` (photos) or `video/init`, PULL_FROM_URL: the call that creates the post. */
  private async init(account: AccountCredentials, content: PublishContent, options: string[]): Promise<string> {
    const privacy = options.includes('PUBLIC_TO_EVERYONE') ? 'PUBLIC_TO_EVERYONE' : options[0];
    const text = composeText(content);
    const media = content.media ?? [];
    const init = isVideo(media[0].mimeType)
      ? await this.post<{ publish_id: string }>(
          account,
          '/post/publish/video/init/',
          {
            post_info: { title: text, privacy_level: privacy, disable_duet: false, disable_comment: false, disable_stitch: false },
            source_info: { source: 'PULL_FROM_URL', video_url: media[0].url },
          },
          true,
        )
      : await this.post<{ publish_id: string }>(
          account,
          '/post/publish/content/init/',
          {
            media_type: 'PHOTO',
            post_mode: 'DIRECT_POST',
            post_info: {
              title: Array.from(text.split('\n')[0]).slice(0, 90).join(''),
              description: text,
              privacy_level: privacy,
              disable_comment: false,
              auto_add_music: true,
            },
            source_info: { source: 'PULL_FROM_URL', photo_cover_index: 0, photo_images: media.map((m) => m.url) },
          },
          true,
        );
    return init.data.data.publish_id;
  }

  /** The status during publish: once init answered, a failed read is an unknown outcome, never "start over". */
  private status(account: AccountCredentials, publishId: string): Promise<PublishStatus> {
    return this.fetchStatus(account, publishId).catch((err: unknown) => {
      throw asUnknown(err);
    });
  }

  private async fetchStatus(account: AccountCredentials, publishId: string): Promise<PublishStatus> {
    return (await this.post<PublishStatus>(account, '/post/publish/status/fetch/', { publish_id: publishId })).data.data;
  }

  /** publicaly_available_post_id fills after moderation and never for SELF_ONLY: the publish id stands in. */
  private result(publishId: string, st: PublishStatus, handle: string, content: PublishContent): PublishResult {
    const postId = st.publicaly_available_post_id?.[0];
    if (postId === undefined) return { externalId: publishId, url: `https://www.tiktok.com/@${handle}` };
    const kind = isVideo(content.media?.[0]?.mimeType ?? '') ? 'video' : 'photo';
    return { externalId: String(postId), url: `https://www.tiktok.com/@${handle}/${kind}/${postId}` };
  }

  /** Public posts only (SELF_ONLY posts of unaudited apps cannot be reconciled). */
  async findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]> {
    const res = await this.post<{ videos: Video[] }>(account, '/video/list/', { max_count: 20 }, false, {
      fields: 'id,title,video_description,create_time,share_url',
    });
    return res.data.data.videos
      .map((v) => ({ externalId: v.id, url: v.share_url ?? '', text: v.video_description || v.title || '', createdAt: new Date((v.create_time ?? 0) * 1000) }))
      .filter((v) => v.createdAt.getTime() >= Math.floor(since.getTime() / 1000) * 1000);
  }

  async accountMetrics(account: AccountCredentials): Promise<AccountMetrics> {
    const res = await this.http.send<Envelope<{ user: Record<string, number> }>>(account, {
      method: 'GET',
      url: `${this.apiUrl}/user/info/`,
      headers: this.auth(account),
      params: { fields: 'open_id,username,follower_count,following_count,likes_count,video_count' },
    });
    const u = res.data.data.user;
    return {
      followers: u.follower_count ?? 0,
      following: u.following_count,
      posts: u.video_count,
      raw: { likes_count: u.likes_count ?? 0, video_count: u.video_count ?? 0 },
    };
  }

  async postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    const out: Record<string, PostMetrics> = {};
    for (let i = 0; i < externalIds.length; i += 20) {
      const res = await this.post<{ videos: Video[] }>(account, '/video/query/', { filters: { video_ids: externalIds.slice(i, i + 20) } }, false, {
        fields: 'id,view_count,like_count,comment_count,share_count',
      });
      for (const v of res.data.data.videos) out[v.id] = { views: v.view_count, likes: v.like_count, comments: v.comment_count, shares: v.share_count };
    }
    return out;
  }

  authorizeUrl(p: AuthorizeUrlParams): string {
    return withQuery(this.oauth.authorizeUrl, {
      client_key: p.clientId,
      response_type: 'code',
      scope: p.scopes.join(','),
      redirect_uri: p.redirectUri,
      state: p.state,
      code_challenge: p.codeChallenge,
      code_challenge_method: p.codeChallenge ? 'S256' : undefined,
    });
  }

  async exchangeCode(p: ExchangeCodeParams): Promise<TokenSet> {
    const tokens = await this.token({
      client_key: p.clientId,
      client_secret: p.clientSecret,
      code: p.code,
      grant_type: 'authorization_code',
      redirect_uri: p.redirectUri,
      code_verifier: p.codeVerifier,
    });
    const me = await this.http.send<Envelope<{ user: { open_id: string; username?: string } }>>(
      null,
      {
        method: 'GET',
        url: `${this.apiUrl}/user/info/`,
        headers: { Authorization: `Bearer ${tokens.accessToken}` },
        params: { fields: 'open_id,username' },
      },
      { secrets: [tokens.accessToken] },
    );
    return { ...tokens, handle: me.data.data.user.username };
  }

  /** Returns a new pair: store the new refresh token. */
  async refresh(account: AccountCredentials, client?: OAuthClient): Promise<TokenSet> {
    if (!account.refreshToken) return this.fail('auth', { platformCode: 'no_refresh_token', platformMessage: 'no refresh token' });
    const c = this.client(client);
    const tokens = await this.token({
      client_key: c.clientId,
      client_secret: c.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: account.refreshToken,
    });
    return { ...tokens, handle: account.handle };
  }

  private async token(params: Record<string, string | undefined>): Promise<TokenSet> {
    const res = await this.http.send<{ access_token: string; refresh_token?: string; expires_in: number; open_id: string; scope?: string }>(
      null,
      { method: 'POST', url: this.oauth.tokenUrl, data: form(params) },
      { secrets: [params.client_secret ?? '', params.code ?? '', params.refresh_token ?? '', params.code_verifier ?? ''] },
    );
    const d = res.data;
    return {
      accessToken: d.access_token,
      refreshToken: d.refresh_token,
      expiresAt: expiresIn(d.expires_in),
      scopes: splitScopes(d.scope),
      externalId: d.open_id,
    };
  }
}
