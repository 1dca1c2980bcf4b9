import { BaseAdapter } from '../adapter-base';
import { CommentCapabilities, CommentRead, CommentScope, postScopes } from '../comments/types';
import { readInstagramComments } from './instagram-comments';
import { unversioned } from '../config';
import { ContainerFlow } from '../graph/container-flow';
import { classifyGraph } from '../graph/graph-errors';
import { metaAuthorizeUrl } from '../graph/graph-oauth';
import { Classifier } from '../http/http-client';
import { expiresIn, form, splitScopes } from '../http/oauth';
import { REPLY_MAX_PAGES, REPLY_SETTLE_MS, ownReplies, topLevelId } from '../http/reply-check';
import { checkListing } from '../http/listing-check';
import { composeText } from '../text/compose';
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
  PublishMedia,
  PublishOptions,
  PublishResult,
  RecentPost,
  TokenSet,
} from '../types';
import { GraphInsights, graphNode } from '../graph/graph-node';

interface IgComment {
  id: string;
  text?: string;
  timestamp: string;
  username?: string;
  from?: { id: string; username?: string };
}

interface IgMedia {
  id: string;
  caption?: string;
  permalink?: string;
  timestamp: string;
  like_count?: number;
  comments_count?: number;
}

/** Instagram professional accounts with Instagram Login (graph.instagram.com). No text-only posts. */
export class InstagramAdapter extends BaseAdapter {
  readonly platform = 'instagram' as const;
  protected readonly classify: Classifier = (reply) => classifyGraph('instagram', reply);
  private readonly flow = new ContainerFlow('instagram');

  private node(id: string, edge = ''): string {
    return graphNode(this.apiUrl, id, edge);
  }

  async publish(account: AccountCredentials, content: PublishContent, opts: PublishOptions): Promise<PublishResult> {
    this.assertValid(content);
    if (content.replyTo) return this.reply(account, content);
    const token = { access_token: account.accessToken };
    const caption = composeText(content);
    const media = content.media ?? [];
    const container = async (item: PublishMedia, extra: Record<string, string>) => {
      const params = isVideo(item.mimeType) ? { media_type: 'REELS', video_url: item.url } : { image_url: item.url, alt_text: item.altText };
      const res = await this.http.send<{ id: string }>(account, {
        method: 'POST',
        url: this.node(account.externalId, 'media'),
        params: token,
        data: form({ ...params, ...extra }),
      });
      return res.data.id;
    };
    const mediaId = await this.flow.run(opts, {
      create: async () => {
        if (media.length === 1) return container(media[0], { caption });
        const children: string[] = [];
        for (const item of media) children.push(await container(item, { is_carousel_item: 'true' }));
        const res = await this.http.send<{ id: string }>(account, {
          method: 'POST',
          url: this.node(account.externalId, 'media'),
          params: token,
          data: form({ media_type: 'CAROUSEL', children: children.join(','), caption }),
        });
        return res.data.id;
      },
      status: (id) => this.containerStatus(account, id),
      publish: async (id) => {
        const res = await this.http.send<{ id: string }>(
          account,
          { method: 'POST', url: this.node(account.externalId, 'media_publish'), params: { ...token, creation_id: id } },
          { create: true },
        );
        return res.data.id;
      },
      poll: (check) => this.poll(check),
    });
    return { externalId: mediaId, url: await this.permalink(account, mediaId) };
  }

  /**
   * `POST /{ig-comment-id}/replies?message=…` on the top-level comment (Instagram adds a reply to a reply to its
   * top-level comment anyway). One call, no container: its answer is the reply's IG Comment id.
   */
  private async reply(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    const replyTo = content.replyTo!;
    // A mention on someone else's media: `POST /{ig-user-id}/mentions` with the media and, for a comment mention,
    // the comment (a caption mention's id is the media's own).
    const mention = replyTo.kind === 'mention' && replyTo.postExternalId;
    const res = await this.http.send<{ id: string }>(
      account,
      mention
        ? {
            method: 'POST',
            url: this.node(account.externalId, 'mentions'),
            params: { access_token: account.accessToken },
            data: form({
              media_id: replyTo.postExternalId,
              comment_id: replyTo.externalId === replyTo.postExternalId ? undefined : replyTo.externalId,
              message: composeText(content),
            }),
          }
        : {
            method: 'POST',
            url: this.node(topLevelId(replyTo), 'replies'),
            params: { access_token: account.accessToken },
            data: form({ message: composeText(content) }),
          },
      { create: true },
    );
    return { externalId: res.data.id, url: this.commentUrl(account, content.replyTo!.postExternalId, res.data.id) };
  }

  private commentUrl(account: AccountCredentials, mediaId: string | undefined, commentId: string): string {
    return mediaId ? `https://www.instagram.com/p/${mediaId}/c/${commentId}` : `https://www.instagram.com/${account.handle ?? ''}`;
  }

  /** `GET /{ig-comment-id}/replies`: the account's own replies (by username) under the top-level comment. */
  private async *replyPages(account: AccountCredentials, req: CheckRequest): AsyncGenerator<RecentPost[]> {
    const replyTo = req.content.replyTo!;
    let after: string | undefined;
    for (;;) {
      const res = await this.http.send<{ data: IgComment[]; paging?: { cursors?: { after?: string }; next?: string } }>(account, {
        method: 'GET',
        url: this.node(topLevelId(replyTo), 'replies'),
        params: { access_token: account.accessToken, fields: 'id,text,timestamp,username,from', limit: 50, ...(after ? { after } : {}) },
      });
      yield ownReplies(
        res.data.data,
        (c) => c.from?.id === account.externalId || (!!account.handle && (c.username ?? c.from?.username) === account.handle),
        (c) => ({
          externalId: c.id,
          url: this.commentUrl(account, replyTo.postExternalId, c.id),
          text: c.text ?? '',
          createdAt: new Date(c.timestamp.replace(/\+0000$/, 'Z')),
        }),
      );
      after = res.data.paging?.cursors?.after;
      if (!res.data.paging?.next || !after || res.data.data.length === 0) return;
    }
  }

  /** `GET /{container}?fields=status_code,status` (status holds the error subcode on ERROR). */
  private async containerStatus(account: AccountCredentials, id: string) {
    const res = await this.http.send<{ status_code: string; status?: string }>(account, {
      method: 'GET',
      url: this.node(id),
      params: { access_token: account.accessToken, fields: 'status_code,status' },
    });
    return { status: res.data.status_code, message: res.data.status };
  }

  /** The kept container decides; a PUBLISHED one's media id comes from the account's media listing (caption). */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    // A reply to a mention sits on someone else's media, whose comments the account cannot list: no safe check.
    if (req.content.replyTo?.kind === 'mention' && req.content.replyTo.postExternalId) return { state: 'unknown', reason: 'instagram_mention_no_check' };
    if (req.content.replyTo)
      return checkListing(this.replyPages(account, req), req, { how: 'instagram_comment_replies', settleMs: REPLY_SETTLE_MS, maxPages: REPLY_MAX_PAGES });
    return this.flow.check(
      req.handles.containerId,
      { status: (id) => this.containerStatus(account, id) },
      () => this.findInListing(account, req),
      req.now.getTime() - req.lostAt.getTime(),
    );
  }

  /** The permalink is not derivable from the id; the post exists even if this read fails. */
  private async permalink(account: AccountCredentials, mediaId: string): Promise<string> {
    try {
      const res = await this.http.send<{ permalink?: string }>(account, {
        method: 'GET',
        url: this.node(mediaId),
        params: { access_token: account.accessToken, fields: 'permalink,shortcode,timestamp' },
      });
      if (res.data.permalink) return res.data.permalink;
    } catch {
      // fall through to the profile URL
    }
    return `https://www.instagram.com/${account.handle ?? ''}`;
  }

  async findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]> {
    const res = await this.http.send<{ data: IgMedia[] }>(account, {
      method: 'GET',
      url: this.node(account.externalId, 'media'),
      params: { access_token: account.accessToken, fields: 'id,caption,media_type,permalink,timestamp', limit: 50 },
    });
    return res.data.data
      .map((m) => ({ externalId: m.id, url: m.permalink ?? '', text: m.caption ?? '', createdAt: new Date(m.timestamp.replace(/\+0000$/, 'Z')) }))
      .filter((m) => m.createdAt.getTime() >= Math.floor(since.getTime() / 1000) * 1000);
  }

  /** Comments and their replies, post by post (mentions reach Instagram accounts only through webhooks). */
  readonly commentCapabilities: CommentCapabilities = { comments: true, mentions: false, perPost: true };

  commentScopes(_account: AccountCredentials, postExternalIds: string[]): CommentScope[] {
    return postScopes(postExternalIds);
  }

  readComments(account: AccountCredentials, scope: CommentScope, cursor: string | null): Promise<CommentRead> {
    return readInstagramComments(this.http, this.apiUrl, account, scope, cursor);
  }

  async accountMetrics(account: AccountCredentials): Promise<AccountMetrics> {
    const res = await this.http.send<{ followers_count: number; follows_count: number; media_count: number }>(account, {
      method: 'GET',
      url: this.node(account.externalId),
      params: { access_token: account.accessToken, fields: 'username,followers_count,follows_count,media_count' },
    });
    const d = res.data;
    return {
      followers: d.followers_count,
      following: d.follows_count,
      posts: d.media_count,
      raw: { followers_count: d.followers_count, follows_count: d.follows_count, media_count: d.media_count },
    };
  }

  async postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    const out: Record<string, PostMetrics> = {};
    for (const id of externalIds) {
      const base = await this.http.send<IgMedia>(account, {
        method: 'GET',
        url: this.node(id),
        params: { access_token: account.accessToken, fields: 'like_count,comments_count,timestamp' },
      });
      const ins = await this.http.send<GraphInsights>(account, {
        method: 'GET',
        url: this.node(id, 'insights'),
        params: { access_token: account.accessToken, metric: 'views,reach,shares,saved' },
      });
      const v = (name: string) => ins.data.data.find((d) => d.name === name)?.values?.[0]?.value;
      out[id] = { likes: base.data.like_count, comments: base.data.comments_count, views: v('views'), reach: v('reach'), shares: v('shares') };
    }
    return out;
  }

  authorizeUrl(p: AuthorizeUrlParams): string {
    return metaAuthorizeUrl(this.oauth.authorizeUrl, p);
  }

  /** code → 1 h token (+ user id; flat or `data[]` body) → 60-day token → username. */
  async exchangeCode(p: ExchangeCodeParams): Promise<TokenSet> {
    const res = await this.http.send<{ data?: Array<Record<string, string>> } & Record<string, unknown>>(
      null,
      {
        method: 'POST',
        url: this.oauth.tokenUrl,
        data: form({ client_id: p.clientId, client_secret: p.clientSecret, grant_type: 'authorization_code', redirect_uri: p.redirectUri, code: p.code }),
      },
      { secrets: [p.clientSecret, p.code] },
    );
    const short = (res.data.data?.[0] ?? res.data) as Record<string, unknown>;
    const shortToken = String(short.access_token);
    const long = await this.http.send<{ access_token: string; expires_in: number }>(
      null,
      {
        method: 'GET',
        url: `${unversioned(this.apiUrl)}/access_token`,
        params: { grant_type: 'ig_exchange_token', client_secret: p.clientSecret, access_token: shortToken },
      },
      { secrets: [p.clientSecret, shortToken] },
    );
    const me = await this.http.send<{ user_id?: string; id: string; username: string }>(
      null,
      {
        method: 'GET',
        url: `${this.apiUrl}/me`,
        params: { access_token: long.data.access_token, fields: 'user_id,username' },
      },
      { secrets: [long.data.access_token] },
    );
    return {
      accessToken: long.data.access_token,
      expiresAt: expiresIn(long.data.expires_in),
      scopes: splitScopes(short.permissions),
      externalId: String(me.data.user_id ?? short.user_id ?? me.data.id),
      handle: me.data.username,
    };
  }

  /** Long-lived tokens refresh themselves (≥24 h old, unexpired) for another 60 days. */
  async refresh(account: AccountCredentials): Promise<TokenSet> {
    const res = await this.http.send<{ access_token: string; expires_in: number }>(account, {
      method: 'GET',
      url: `${unversioned(this.apiUrl)}/refresh_access_token`,
      params: { grant_type: 'ig_refresh_token', access_token: account.accessToken },
    });
    return { accessToken: res.data.access_token, expiresAt: expiresIn(res.data.expires_in), externalId: account.externalId, handle: account.handle };
  }
}
