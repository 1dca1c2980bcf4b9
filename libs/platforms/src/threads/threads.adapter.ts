import { BaseAdapter } from '../adapter-base';
import { CommentCapabilities, CommentRead, CommentScope, postScopes } from '../comments/types';
import { readThreadsReplies } from './threads-replies';
import { unversioned } from '../config';
import { ContainerFlow } from '../graph/container-flow';
import { classifyGraph } from '../graph/graph-errors';
import { metaAuthorizeUrl } from '../graph/graph-oauth';
import { Classifier } from '../http/http-client';
import { expiresIn, form } from '../http/oauth';
import { composeText } from '../text/compose';
import { matchesFingerprint } from '../text/fingerprint';
import { LISTING_MARGIN_MS } from '../http/listing-check';
import { isVideo } from '../validate';
import {
  AccountCredentials,
  AccountMetrics,
  AuthorizeUrlParams,
  CheckRequest,
  CheckResult,
  ExchangeCodeParams,
  PostMetrics,
  PublishContent,
  PublishOptions,
  PublishResult,
  RecentPost,
  TokenSet,
} from '../types';
import { GraphInsights, graphNode } from '../graph/graph-node';

interface Thread {
  id: string;
  text?: string;
  permalink?: string;
  timestamp: string;
}

/** Threads API v1.0: TEXT or IMAGE/VIDEO containers, then threads_publish. */
export class ThreadsAdapter extends BaseAdapter {
  readonly platform = 'threads' as const;
  protected readonly classify: Classifier = (reply) => classifyGraph('threads', reply);
  private readonly flow = new ContainerFlow('threads');

  private node(id: string, edge = ''): string {
    return graphNode(this.apiUrl, id, edge);
  }

  async publish(account: AccountCredentials, content: PublishContent, opts: PublishOptions): Promise<PublishResult> {
    this.assertValid(content);
    const token = { access_token: account.accessToken };
    const text = composeText(content);
    const item = content.media?.[0];
    const params = !item
      ? { media_type: 'TEXT' }
      : isVideo(item.mimeType)
        ? { media_type: 'VIDEO', video_url: item.url }
        : { media_type: 'IMAGE', image_url: item.url, alt_text: item.altText };
    const mediaId = await this.flow.run(opts, {
      create: async () =>
        (
          await this.http.send<{ id: string }>(account, {
            method: 'POST',
            url: this.node(account.externalId, 'threads'),
            params: token,
            // A reply is a container with `reply_to_id` (the citizen's reply or mention), published the same way.
            data: form({ ...params, text, reply_to_id: content.replyTo?.externalId }),
          })
        ).data.id,
      status: (id) => this.containerStatus(account, id),
      publish: async (id) =>
        (
          await this.http.send<{ id: string }>(
            account,
            { method: 'POST', url: this.node(account.externalId, 'threads_publish'), params: { ...token, creation_id: id } },
            { create: true },
          )
        ).data.id,
      poll: (check) => this.poll(check),
    });
    let url = `https://www.threads.net/@${account.handle ?? ''}`;
    try {
      const res = await this.http.send<{ permalink?: string }>(account, {
        method: 'GET',
        url: this.node(mediaId),
        params: { ...token, fields: 'id,permalink,shortcode,timestamp' },
      });
      url = res.data.permalink ?? url;
    } catch {
      // published anyway; keep the profile URL
    }
    return { externalId: mediaId, url };
  }

  /** `GET /{container}?fields=status,error_message` (Threads troubleshooting: PUBLISHED once published). */
  private async containerStatus(account: AccountCredentials, id: string) {
    const res = await this.http.send<{ status: string; error_message?: string }>(account, {
      method: 'GET',
      url: this.node(id),
      params: { access_token: account.accessToken, fields: 'status,error_message' },
    });
    return { status: res.data.status, message: res.data.error_message };
  }

  /** The kept container decides; a PUBLISHED one's media id comes from the account's threads listing (text). */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    return this.flow.check(
      req.handles.containerId,
      { status: (id) => this.containerStatus(account, id) },
      () => (req.content.replyTo ? this.findReply(account, req) : this.findInListing(account, req)),
      req.now.getTime() - req.lostAt.getTime(),
    );
  }

  /** A published reply container's media id: the account's replies listing (`GET /{user-id}/replies`), by text. */
  private async findReply(account: AccountCredentials, req: CheckRequest): Promise<RecentPost | undefined> {
    const res = await this.http.send<{ data: Thread[] }>(account, {
      method: 'GET',
      url: this.node(account.externalId, 'replies'),
      params: { access_token: account.accessToken, fields: 'id,text,permalink,timestamp', limit: 50 },
    });
    const from = req.since.getTime() - LISTING_MARGIN_MS;
    const known = new Set(req.known.map((k) => k.externalId));
    const text = composeText(req.content);
    return res.data.data
      .map((t) => ({ externalId: t.id, url: t.permalink ?? '', text: t.text ?? '', createdAt: new Date(t.timestamp.replace(/\+0000$/, 'Z')) }))
      .find((t) => t.createdAt.getTime() >= from && !known.has(t.externalId) && matchesFingerprint(t.text, text));
  }

  async findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]> {
    const res = await this.http.send<{ data: Thread[] }>(account, {
      method: 'GET',
      url: this.node(account.externalId, 'threads'),
      params: { access_token: account.accessToken, fields: 'id,media_type,text,permalink,timestamp', since: Math.floor(since.getTime() / 1000), limit: 50 },
    });
    return res.data.data.map((t) => ({
      externalId: t.id,
      url: t.permalink ?? '',
      text: t.text ?? '',
      createdAt: new Date(t.timestamp.replace(/\+0000$/, 'Z')),
    }));
  }

  /** Replies at every depth, post by post (the conversation edge). */
  readonly commentCapabilities: CommentCapabilities = { comments: true, mentions: false, perPost: true };

  commentScopes(_account: AccountCredentials, postExternalIds: string[]): CommentScope[] {
    return postScopes(postExternalIds);
  }

  readComments(account: AccountCredentials, scope: CommentScope, cursor: string | null): Promise<CommentRead> {
    return readThreadsReplies(this.http, this.apiUrl, account, scope, cursor);
  }

  async accountMetrics(account: AccountCredentials): Promise<AccountMetrics> {
    const res = await this.http.send<GraphInsights>(account, {
      method: 'GET',
      url: this.node(account.externalId, 'threads_insights'),
      params: { access_token: account.accessToken, metric: 'followers_count' },
    });
    const followers = res.data.data.find((d) => d.name === 'followers_count')?.total_value?.value ?? 0;
    return { followers, raw: { followers_count: followers } };
  }

  async postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    const out: Record<string, PostMetrics> = {};
    for (const id of externalIds) {
      const res = await this.http.send<GraphInsights>(account, {
        method: 'GET',
        url: this.node(id, 'insights'),
        params: { access_token: account.accessToken, metric: 'views,likes,replies,reposts,quotes,shares' },
      });
      const v = (name: string) => res.data.data.find((d) => d.name === name)?.values?.[0]?.value ?? 0;
      out[id] = { views: v('views'), likes: v('likes'), comments: v('replies'), shares: v('reposts') + v('quotes') + v('shares') };
    }
    return out;
  }

  authorizeUrl(p: AuthorizeUrlParams): string {
    return metaAuthorizeUrl(this.oauth.authorizeUrl, p);
  }

  async exchangeCode(p: ExchangeCodeParams): Promise<TokenSet> {
    const short = await this.http.send<{ access_token: string; user_id: number | string }>(
      null,
      {
        method: 'POST',
        url: this.oauth.tokenUrl,
        data: form({ client_id: p.clientId, client_secret: p.clientSecret, code: p.code, grant_type: 'authorization_code', redirect_uri: p.redirectUri }),
      },
      { secrets: [p.clientSecret, p.code] },
    );
    const long = await this.http.send<{ access_token: string; expires_in: number }>(
      null,
      {
        method: 'GET',
        url: `${unversioned(this.apiUrl)}/access_token`,
        params: { grant_type: 'th_exchange_token', client_secret: p.clientSecret, access_token: short.data.access_token },
      },
      { secrets: [p.clientSecret, short.data.access_token] },
    );
    const me = await this.http.send<{ id: string; username: string }>(
      null,
      { method: 'GET', url: `${this.apiUrl}/me`, params: { access_token: long.data.access_token, fields: 'id,username' } },
      { secrets: [long.data.access_token] },
    );
    return {
      accessToken: long.data.access_token,
      expiresAt: expiresIn(long.data.expires_in),
      externalId: String(me.data.id ?? short.data.user_id),
      handle: me.data.username,
    };
  }

  /** ≥24 h old and unexpired long-lived token → 60 more days; a token left to expire means reconnect. */
  async refresh(account: AccountCredentials): Promise<TokenSet> {
    const res = await this.http.send<{ access_token: string; expires_in: number }>(account, {
      method: 'GET',
      url: `${unversioned(this.apiUrl)}/refresh_access_token`,
      params: { grant_type: 'th_refresh_token', access_token: account.accessToken },
    });
    return { accessToken: res.data.access_token, expiresAt: expiresIn(res.data.expires_in), externalId: account.externalId, handle: account.handle };
  }
}
