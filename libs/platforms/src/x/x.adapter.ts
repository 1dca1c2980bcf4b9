import { BaseAdapter } from '../adapter-base';
import { CommentCapabilities, CommentRead, CommentScope } from '../comments/types';
import { readXMentions } from './x-mentions';
import { Classifier } from '../http/http-client';
import { checkListing, LISTING_MARGIN_MS } from '../http/listing-check';
import { fileForm } from '../http/media';
import { expiresIn, form, splitScopes, withQuery } from '../http/oauth';
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
  PublishMedia,
  PublishResult,
  RecentPost,
  TokenSet,
} from '../types';
import { classifyX } from './x-errors';

interface Tweet {
  id: string;
  text: string;
  created_at?: string;
  public_metrics?: { retweet_count: number; reply_count: number; like_count: number; quote_count: number; impression_count?: number };
}
interface MediaData {
  id: string;
  processing_info?: { state: string; check_after_secs?: number };
}

const CHUNK = 4 * 1024 * 1024;

/** The user timeline is eventually consistent: a tweet missing from it this long after the lost answer was not created. */
export const X_SETTLE_MS = 3 * 60_000;

/** X API v2: OAuth 2.0 PKCE user tokens, v2 media upload, then POST /2/tweets. */
export class XAdapter extends BaseAdapter {
  readonly platform = 'x' as const;
  protected readonly classify: Classifier = classifyX;

  private auth(account: AccountCredentials) {
    return { Authorization: `Bearer ${account.accessToken}` };
  }

  async publish(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    this.assertValid(content);
    const mediaIds: string[] = [];
    for (const item of content.media ?? []) mediaIds.push(await this.upload(account, item));
    const res = await this.http.send<{ data: { id: string } }>(
      account,
      {
        method: 'POST',
        url: `${this.apiUrl}/tweets`,
        headers: this.auth(account),
        data: {
          text: composeText(content),
          ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}),
          // A reply to a citizen's mention or reply: X adds the @mentions of the conversation itself.
          ...(content.replyTo ? { reply: { in_reply_to_tweet_id: content.replyTo.externalId } } : {}),
        },
      },
      { create: true },
    );
    const id = res.data.data.id;
    return { externalId: id, url: this.tweetUrl(account, id) };
  }

  private async upload(account: AccountCredentials, item: PublishMedia): Promise<string> {
    const file = await this.download(item.url, item.mimeType);
    const headers = this.auth(account);
    if (!isVideo(item.mimeType) && item.mimeType !== 'image/gif' && file.bytes.length <= CHUNK) {
      const res = await this.http.send<{ data: MediaData }>(account, {
        method: 'POST',
        url: `${this.apiUrl}/media/upload`,
        headers,
        data: fileForm('media', file, { media_category: 'tweet_image' }),
      });
      return res.data.data.id;
    }
    const category = isVideo(item.mimeType) ? 'tweet_video' : item.mimeType === 'image/gif' ? 'tweet_gif' : 'tweet_image';
    const init = await this.http.send<{ data: MediaData }>(account, {
      method: 'POST',
      url: `${this.apiUrl}/media/upload/initialize`,
      headers,
      data: { media_type: item.mimeType, total_bytes: file.bytes.length, media_category: category },
    });
    const id = init.data.data.id;
    for (let i = 0, offset = 0; offset < file.bytes.length; i++, offset += CHUNK) {
      const chunk = { ...file, bytes: file.bytes.subarray(offset, offset + CHUNK) };
      await this.http.send(account, {
        method: 'POST',
        url: `${this.apiUrl}/media/upload/${id}/append`,
        headers,
        data: fileForm('media', chunk, { segment_index: String(i) }),
      });
    }
    const fin = await this.http.send<{ data: MediaData }>(account, { method: 'POST', url: `${this.apiUrl}/media/upload/${id}/finalize`, headers });
    if (!fin.data.data.processing_info || fin.data.data.processing_info.state === 'succeeded') return id;
    const state = await this.poll(async () => {
      const st = await this.http.send<{ data: MediaData }>(account, {
        method: 'GET',
        url: `${this.apiUrl}/media/upload`,
        headers,
        params: { command: 'STATUS', media_id: id },
      });
      const s = st.data.data.processing_info?.state ?? 'succeeded';
      return s === 'succeeded' || s === 'failed' ? s : undefined;
    });
    if (state === 'succeeded') return id;
    return this.fail(state === 'failed' ? 'rejected' : 'transient', {
      platformCode: `media_${state ?? 'timeout'}`,
      platformMessage: `media processing ${state ?? 'did not finish'}`,
    });
  }

  /** Replies to the account's tweets mention it: the mentions timeline covers both (one account-wide scope). */
  readonly commentCapabilities: CommentCapabilities = { comments: true, mentions: true, perPost: false };

  commentScopes(): CommentScope[] {
    return [{ key: 'mentions' }];
  }

  readComments(account: AccountCredentials, _scope: CommentScope, cursor: string | null): Promise<CommentRead> {
    return readXMentions(this.http, this.apiUrl, this.auth(account), account, cursor);
  }

  /** Tweets since `since` (text has URLs rewritten to t.co: match with the fingerprint, which drops URLs). */
  async findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]> {
    const out: RecentPost[] = [];
    for await (const page of this.timelinePages(account, since)) {
      out.push(...page);
      break; // one page of 100: the engine's reconciliation window is minutes
    }
    return out;
  }

  /** GET /2/users/:id/tweets from `since` (start_time), newest first, 100 a page, following meta.next_token. */
  private async *timelinePages(account: AccountCredentials, since: Date, withReplies = false): AsyncGenerator<RecentPost[]> {
    let token: string | undefined;
    do {
      const res = await this.http.send<{ data?: Tweet[]; meta?: { next_token?: string } }>(account, {
        method: 'GET',
        url: `${this.apiUrl}/users/${encodeURIComponent(account.externalId)}/tweets`,
        headers: this.auth(account),
        params: {
          max_results: 100,
          exclude: withReplies ? 'retweets' : 'retweets,replies',
          start_time: since.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          'tweet.fields': 'created_at',
          ...(token ? { pagination_token: token } : {}),
        },
      });
      yield (res.data.data ?? []).map((t) => ({
        externalId: t.id,
        url: this.tweetUrl(account, t.id),
        text: t.text,
        createdAt: new Date(t.created_at ?? since),
      }));
      token = res.data.meta?.next_token;
    } while (token);
  }

  private tweetUrl(account: AccountCredentials, id: string): string {
    return account.handle ? `https://x.com/${account.handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
  }

  /**
   * The user's timeline since the first try, matched by fingerprint (X rewrites URLs to t.co). X documents no
   * read-after-write guarantee for it, so "not listed" is only trusted `X_SETTLE_MS` after the lost answer
   * (pending before); a wrong "absent" is then caught by X itself: resending the same text is refused with
   * 403 "duplicate content" (see docs/lost-answers-tg-mastodon-x-facebook.md).
   */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    // A reply is a tweet of the account: the same timeline, replies included.
    const pages = this.timelinePages(account, new Date(req.since.getTime() - LISTING_MARGIN_MS), !!req.content.replyTo);
    return checkListing(pages, req, { how: req.content.replyTo ? 'x_user_timeline_replies' : 'x_user_timeline', settleMs: X_SETTLE_MS, maxPages: 10 });
  }

  async accountMetrics(account: AccountCredentials): Promise<AccountMetrics> {
    const res = await this.http.send<{ data: { public_metrics: Record<string, number> } }>(account, {
      method: 'GET',
      url: `${this.apiUrl}/users/me`,
      headers: this.auth(account),
      params: { 'user.fields': 'public_metrics,username' },
    });
    const m = res.data.data.public_metrics;
    return { followers: m.followers_count, following: m.following_count, posts: m.tweet_count, raw: { ...m } };
  }

  /** Unknown or deleted ids are left out (X answers 200 with `errors` for them). */
  async postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    const out: Record<string, PostMetrics> = {};
    for (let i = 0; i < externalIds.length; i += 100) {
      const res = await this.http.send<{ data?: Tweet[] }>(account, {
        method: 'GET',
        url: `${this.apiUrl}/tweets`,
        headers: this.auth(account),
        params: { ids: externalIds.slice(i, i + 100).join(','), 'tweet.fields': 'public_metrics,created_at' },
      });
      for (const t of res.data.data ?? []) {
        const m = t.public_metrics;
        if (m) out[t.id] = { likes: m.like_count, comments: m.reply_count, shares: m.retweet_count + m.quote_count, impressions: m.impression_count };
      }
    }
    return out;
  }

  authorizeUrl(p: AuthorizeUrlParams): string {
    if (!p.codeChallenge) return this.fail('rejected', { platformCode: 'pkce_required', platformMessage: 'X requires a PKCE S256 code challenge' });
    return withQuery(this.oauth.authorizeUrl, {
      response_type: 'code',
      client_id: p.clientId,
      redirect_uri: p.redirectUri,
      scope: p.scopes.join(' '),
      state: p.state,
      code_challenge: p.codeChallenge,
      code_challenge_method: 'S256',
    });
  }

  async exchangeCode(p: ExchangeCodeParams): Promise<TokenSet> {
    const tokens = await this.token(
      { grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri, code_verifier: p.codeVerifier, client_id: p.clientId },
      p,
    );
    const me = await this.http.send<{ data: { id: string; username: string } }>(
      null,
      {
        method: 'GET',
        url: `${this.apiUrl}/users/me`,
        headers: { Authorization: `Bearer ${tokens.accessToken}` },
      },
      { secrets: [tokens.accessToken] },
    );
    return { ...tokens, externalId: me.data.data.id, handle: me.data.data.username };
  }

  /** Refresh tokens rotate: store the new one, the old is spent. */
  async refresh(account: AccountCredentials, client?: OAuthClient): Promise<TokenSet> {
    if (!account.refreshToken) return this.fail('auth', { platformCode: 'no_refresh_token', platformMessage: 'no refresh token (offline.access not granted)' });
    const c = this.client(client);
    const tokens = await this.token({ grant_type: 'refresh_token', refresh_token: account.refreshToken, client_id: c.clientId }, c);
    return { ...tokens, externalId: account.externalId, handle: account.handle };
  }

  private async token(params: Record<string, string | undefined>, client: OAuthClient): Promise<TokenSet> {
    const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
    const res = await this.http.send<{ access_token: string; refresh_token?: string; expires_in?: number; scope?: string }>(
      null,
      { method: 'POST', url: this.oauth.tokenUrl, headers: { Authorization: `Basic ${basic}` }, data: form(params) },
      { secrets: [client.clientSecret, params.code ?? '', params.refresh_token ?? '', params.code_verifier ?? ''] },
    );
    const d = res.data;
    return { accessToken: d.access_token, refreshToken: d.refresh_token, expiresAt: expiresIn(d.expires_in), scopes: splitScopes(d.scope) };
  }
}
