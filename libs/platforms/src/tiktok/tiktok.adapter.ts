import { BaseAdapter } from '../adapter-base';
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
  ExchangeCodeParams,
  OAuthClient,
  PostMetrics,
  PublishContent,
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

function tiktokError(code: string, message: string, status?: number): PlatformError {
  let kind: PlatformErrorKind = 'rejected';
  let retryAt: Date | undefined;
  if (AUTH.has(code)) kind = 'auth';
  else if (code === 'rate_limit_exceeded') [kind, retryAt] = ['rate_limited', inSeconds(60)];
  else if (DAILY_CAP.has(code)) [kind, retryAt] = ['rate_limited', inSeconds(86_400)];
  else if (TRANSIENT.has(code) || (status ?? 0) >= 500) kind = 'transient';
  return new PlatformError({ platform: 'tiktok', kind, httpStatus: status, platformCode: code, platformMessage: message, retryAt });
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

  async publish(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    this.assertValid(content);
    const creator = await this.post<{ privacy_level_options: string[]; creator_username: string }>(account, '/post/publish/creator_info/query/', {});
    const options = creator.data.data.privacy_level_options;
    const privacy = options.includes('PUBLIC_TO_EVERYONE') ? 'PUBLIC_TO_EVERYONE' : options[0];
    const text = composeText(content);
    const media = content.media ?? [];
    const video = isVideo(media[0].mimeType);
    const init = video
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
    const publishId = init.data.data.publish_id;
    const final = await this.poll(async () => {
      const st = await this.post<{ status: string; fail_reason?: string; publicaly_available_post_id?: Array<number | string> }>(
        account,
        '/post/publish/status/fetch/',
        { publish_id: publishId },
      );
      return ['PUBLISH_COMPLETE', 'FAILED', 'SEND_TO_USER_INBOX'].includes(st.data.data.status) ? st.data.data : undefined;
    });
    if (!final) return this.fail('transient', { platformCode: 'publish_timeout', platformMessage: `publish ${publishId} still processing` });
    if (final.status === 'FAILED') throw this.http.fail(tiktokError(final.fail_reason ?? 'failed', `publish failed: ${final.fail_reason ?? 'unknown'}`));
    const handle = account.handle ?? creator.data.data.creator_username;
    // publicaly_available_post_id fills after moderation and never for SELF_ONLY: fall back to the publish id.
    const postId = final.publicaly_available_post_id?.[0];
    if (postId === undefined) return { externalId: publishId, url: `https://www.tiktok.com/@${handle}` };
    return { externalId: String(postId), url: `https://www.tiktok.com/@${handle}/${video ? 'video' : 'photo'}/${postId}` };
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
