import { BaseAdapter } from '../adapter-base';
import { CommentCapabilities, CommentRead, CommentScope, postScopes } from '../comments/types';
import { readFacebookComments } from './facebook-comments';
import { PlatformError } from '../errors';
import { Classifier } from '../http/http-client';
import { checkListing, LISTING_MARGIN_MS } from '../http/listing-check';
import { ownReplies, REPLY_MAX_PAGES, REPLY_SETTLE_MS } from '../http/reply-check';
import { fileForm } from '../http/media';
import { form } from '../http/oauth';
import { classifyGraph } from '../graph/graph-errors';
import { metaAuthorizeUrl } from '../graph/graph-oauth';
import { composeText } from '../text/compose';
import {
  AccountCredentials,
  AccountMetrics,
  AuthorizeUrlParams,
  CheckRequest,
  CheckResult,
  ExchangeCodeParams,
  PostMetrics,
  PublishContent,
  PublishResult,
  RecentPost,
  TokenSet,
} from '../types';

interface FbComment {
  id: string;
  message?: string;
  created_time: string;
  permalink_url?: string;
  from?: { id: string; name?: string };
}

interface FbPost {
  id: string;
  message?: string;
  created_time: string;
  permalink_url?: string;
}

/** Graph's post edges are eventually consistent: a post missing this long after the lost answer was not created. */
export const FACEBOOK_SETTLE_MS = 3 * 60_000;

const commentUrl = (commentId: string) => `https://www.facebook.com/${commentId.split('_')[0]}?comment_id=${commentId.split('_')[1] ?? commentId}`;
const graphDate = (t: string) => new Date(t.replace(/\+0000$/, 'Z'));

const postUrl = (pageId: string, postId: string) => `https://www.facebook.com/${pageId}/posts/${postId.split('_')[1] ?? postId}`;

/** Facebook Pages via Graph. Page tokens never expire (no refresh): code 190 means reconnect. */
export class FacebookAdapter extends BaseAdapter {
  readonly platform = 'facebook' as const;
  protected readonly classify: Classifier = (reply) => classifyGraph('facebook', reply);

  private node(account: AccountCredentials, edge = ''): string {
    return `${this.apiUrl}/${encodeURIComponent(account.externalId)}${edge ? `/${edge}` : ''}`;
  }

  async publish(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    this.assertValid(content);
    if (content.replyTo) return this.reply(account, content);
    const message = composeText(content);
    const media = content.media ?? [];
    const token = { access_token: account.accessToken };
    if (media.length === 1) {
      const file = await this.download(media[0].url, media[0].mimeType);
      const res = await this.http.send<{ id: string; post_id: string }>(
        account,
        { method: 'POST', url: this.node(account, 'photos'), params: token, data: fileForm('source', file, { caption: message, published: 'true' }) },
        { create: true },
      );
      return { externalId: res.data.post_id, url: postUrl(account.externalId, res.data.post_id) };
    }
    const attached: Array<{ media_fbid: string }> = [];
    for (const item of media) {
      const file = await this.download(item.url, item.mimeType);
      const res = await this.http.send<{ id: string }>(account, {
        method: 'POST',
        url: this.node(account, 'photos'),
        params: token,
        data: fileForm('source', file, { published: 'false' }),
      });
      attached.push({ media_fbid: res.data.id });
    }
    const body = form({
      message,
      link: media.length ? undefined : content.link,
      fields: 'id,permalink_url',
      attached_media: attached.length ? JSON.stringify(attached) : undefined,
    });
    const res = await this.http.send<{ id: string; permalink_url?: string }>(
      account,
      { method: 'POST', url: this.node(account, 'feed'), params: token, data: body },
      { create: true },
    );
    return { externalId: res.data.id, url: res.data.permalink_url ?? postUrl(account.externalId, res.data.id) };
  }

  /** `POST /{comment-id}/comments` with `message`: the Page's reply under the citizen's comment (a comment object). */
  private async reply(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    const res = await this.http.send<{ id: string; permalink_url?: string }>(
      account,
      {
        method: 'POST',
        url: `${this.apiUrl}/${encodeURIComponent(content.replyTo!.externalId)}/comments`,
        params: { access_token: account.accessToken },
        data: form({ message: composeText(content), fields: 'id,permalink_url' }),
      },
      { create: true },
    );
    return { externalId: res.data.id, url: res.data.permalink_url ?? commentUrl(res.data.id) };
  }

  /** `GET /{comment-id}/comments` (filter=stream, newest first): the Page's own replies under the comment. */
  private async *replyPages(account: AccountCredentials, commentId: string): AsyncGenerator<RecentPost[]> {
    let after: string | undefined;
    for (;;) {
      const res = await this.http.send<{ data: FbComment[]; paging?: { cursors?: { after?: string }; next?: string } }>(account, {
        method: 'GET',
        url: `${this.apiUrl}/${encodeURIComponent(commentId)}/comments`,
        params: {
          access_token: account.accessToken,
          fields: 'id,message,created_time,permalink_url,from',
          filter: 'stream',
          order: 'reverse_chronological',
          limit: 100,
          ...(after ? { after } : {}),
        },
      });
      yield ownReplies(
        res.data.data,
        (c) => c.from?.id === account.externalId,
        (c) => ({ externalId: c.id, url: c.permalink_url ?? commentUrl(c.id), text: c.message ?? '', createdAt: graphDate(c.created_time) }),
      );
      after = res.data.paging?.cursors?.after;
      if (!res.data.paging?.next || !after || res.data.data.length === 0) return;
    }
  }

  async findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]> {
    const out: RecentPost[] = [];
    for await (const page of this.publishedPages(account, since)) {
      out.push(...page);
      break; // one page of 100: the engine's reconciliation window is minutes
    }
    return out;
  }

  /**
   * GET /{page-id}/published_posts since `since`, newest first, 100 a page, following the `after` cursor while
   * Graph gives a `next` page. A photo posted through /{page-id}/photos is listed here too, its caption as message.
   */
  private async *publishedPages(account: AccountCredentials, since: Date): AsyncGenerator<RecentPost[]> {
    let after: string | undefined;
    for (;;) {
      const res = await this.http.send<{ data: FbPost[]; paging?: { cursors?: { after?: string }; next?: string } }>(account, {
        method: 'GET',
        url: this.node(account, 'published_posts'),
        params: {
          access_token: account.accessToken,
          fields: 'id,message,created_time,permalink_url',
          since: Math.floor(since.getTime() / 1000),
          limit: 100,
          ...(after ? { after } : {}),
        },
      });
      yield res.data.data.map((p) => ({
        externalId: p.id,
        url: p.permalink_url ?? postUrl(account.externalId, p.id),
        text: p.message ?? '',
        createdAt: new Date(p.created_time.replace(/\+0000$/, 'Z')),
      }));
      after = res.data.paging?.cursors?.after;
      if (!res.data.paging?.next || !after || res.data.data.length === 0) return;
    }
  }

  /**
   * The Page's published posts since the first try: found, or absent once `FACEBOOK_SETTLE_MS` have passed
   * since the lost answer (Graph documents no read-after-write guarantee for the edge; pending before).
   */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    if (req.content.replyTo)
      return checkListing(this.replyPages(account, req.content.replyTo.externalId), req, {
        how: 'facebook_comment_replies',
        settleMs: REPLY_SETTLE_MS,
        maxPages: REPLY_MAX_PAGES,
      });
    const pages = this.publishedPages(account, new Date(req.since.getTime() - LISTING_MARGIN_MS));
    return checkListing(pages, req, { how: 'facebook_published_posts', settleMs: FACEBOOK_SETTLE_MS, maxPages: 10 });
  }

  readonly commentCapabilities: CommentCapabilities = { comments: true, mentions: false, perPost: true };

  commentScopes(_account: AccountCredentials, postExternalIds: string[]): CommentScope[] {
    return postScopes(postExternalIds);
  }

  readComments(account: AccountCredentials, scope: CommentScope, cursor: string | null): Promise<CommentRead> {
    return readFacebookComments(this.http, this.apiUrl, account, scope, cursor);
  }

  async accountMetrics(account: AccountCredentials): Promise<AccountMetrics> {
    const res = await this.http.send<{ followers_count?: number; fan_count?: number }>(account, {
      method: 'GET',
      url: this.node(account),
      params: { access_token: account.accessToken, fields: 'name,followers_count,fan_count' },
    });
    return { followers: res.data.followers_count ?? 0, raw: { fan_count: res.data.fan_count ?? 0, followers_count: res.data.followers_count ?? 0 } };
  }

  /** Reactions, comments and shares from the post; unique media views from insights when the Page has them. */
  async postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    const out: Record<string, PostMetrics> = {};
    for (const id of externalIds) {
      const res = await this.http.send<{
        shares?: { count: number };
        reactions?: { summary: { total_count: number } };
        comments?: { summary: { total_count: number } };
      }>(account, {
        method: 'GET',
        url: `${this.apiUrl}/${encodeURIComponent(id)}`,
        params: { access_token: account.accessToken, fields: 'shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)' },
      });
      out[id] = {
        likes: res.data.reactions?.summary.total_count ?? 0,
        comments: res.data.comments?.summary.total_count ?? 0,
        shares: res.data.shares?.count ?? 0,
      };
      try {
        const ins = await this.http.send<{ data: Array<{ name: string; values: Array<{ value: number }> }> }>(account, {
          method: 'GET',
          url: `${this.apiUrl}/${encodeURIComponent(id)}/insights`,
          params: { access_token: account.accessToken, metric: 'post_total_media_view_unique' },
        });
        const reach = ins.data.data.find((d) => d.name === 'post_total_media_view_unique')?.values.at(-1)?.value;
        if (reach !== undefined) out[id].reach = reach;
      } catch (e) {
        if (e instanceof PlatformError && e.kind !== 'rejected') throw e; // insights missing for small Pages: keep the counts
      }
    }
    return out;
  }

  authorizeUrl(p: AuthorizeUrlParams): string {
    return metaAuthorizeUrl(this.oauth.authorizeUrl, p);
  }

  /** code → short user token → long-lived user token → first Page the user can CREATE_CONTENT on (its Page token). */
  async exchangeCode(p: ExchangeCodeParams): Promise<TokenSet> {
    const secrets = [p.clientSecret, p.code];
    const short = await this.http.send<{ access_token: string }>(
      null,
      {
        method: 'GET',
        url: this.oauth.tokenUrl,
        params: { client_id: p.clientId, client_secret: p.clientSecret, redirect_uri: p.redirectUri, code: p.code },
      },
      { secrets },
    );
    const long = await this.http.send<{ access_token: string }>(
      null,
      {
        method: 'GET',
        url: this.oauth.tokenUrl,
        params: { grant_type: 'fb_exchange_token', client_id: p.clientId, client_secret: p.clientSecret, fb_exchange_token: short.data.access_token },
      },
      { secrets: [...secrets, short.data.access_token] },
    );
    const pages = await this.http.send<{ data: Array<{ id: string; name: string; access_token: string; tasks?: string[] }> }>(
      null,
      {
        method: 'GET',
        url: `${this.apiUrl}/me/accounts`,
        params: { access_token: long.data.access_token, fields: 'id,name,access_token,tasks' },
      },
      { secrets: [long.data.access_token] },
    );
    const page = pages.data.data.find((pg) => !pg.tasks || pg.tasks.includes('CREATE_CONTENT'));
    if (!page) return this.fail('auth', { platformCode: 'no_page', platformMessage: 'the user manages no Page with CREATE_CONTENT' });
    return { accessToken: page.access_token, externalId: page.id, handle: page.name };
  }
}
