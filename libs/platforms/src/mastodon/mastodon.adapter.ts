import { BaseAdapter } from '../adapter-base';
import { CommentCapabilities, CommentRead, CommentScope } from '../comments/types';
import { readMastodonMentions } from './mastodon-mentions';
import { PlatformError, PlatformErrorKind } from '../errors';
import { Classifier } from '../http/http-client';
import { fileForm } from '../http/media';
import { checkListing, LISTING_MARGIN_MS } from '../http/listing-check';
import { inSeconds, isoDateHeader, retryAfterHeader } from '../http/retry-at';
import { composeText, htmlToText } from '../text/compose';
import {
  AccountCredentials,
  AccountMetrics,
  CheckRequest,
  CheckResult,
  PostMetrics,
  PublishContent,
  PublishOptions,
  PublishResult,
  RecentPost,
} from '../types';

interface Status {
  id: string;
  url: string | null;
  uri: string;
  created_at: string;
  content: string;
  favourites_count: number;
  reblogs_count: number;
  replies_count: number;
}

/** A request whose answer was lost may still be running on the instance; after this its status would be listed. */
export const MASTODON_SETTLE_MS = 2 * 60_000;

const AUTH_403 = [/outside the authorized scopes/i, /login is currently disabled/i, /pending approval/i, /confirm/i];

/** Mastodon 4.x on the account's instance. Tokens never expire; Idempotency-Key makes retries safe for 1 h. */
export class MastodonAdapter extends BaseAdapter {
  readonly platform = 'mastodon' as const;

  protected readonly classify: Classifier = (reply) => {
    if (reply.status < 400) return null;
    const message = String((reply.data as { error?: string })?.error ?? `HTTP ${reply.status}`);
    let kind: PlatformErrorKind = 'rejected';
    if (reply.status === 401 || (reply.status === 403 && AUTH_403.some((p) => p.test(message)))) kind = 'auth';
    else if (reply.status === 429) kind = 'rate_limited';
    else if (reply.status >= 500 || (reply.status === 422 && /not finished processing/i.test(message))) kind = 'transient';
    const retryAt =
      kind === 'rate_limited' ? (isoDateHeader(reply.headers, 'x-ratelimit-reset') ?? retryAfterHeader(reply.headers) ?? inSeconds(300)) : undefined;
    return new PlatformError({ platform: this.platform, kind, httpStatus: reply.status, platformCode: reply.status, platformMessage: message, retryAt });
  };

  private base(account: AccountCredentials): string {
    return (account.instanceUrl ?? this.apiUrl).replace(/\/+$/, '');
  }

  private auth(account: AccountCredentials) {
    return { Authorization: `Bearer ${account.accessToken}` };
  }

  async publish(account: AccountCredentials, content: PublishContent, opts: PublishOptions): Promise<PublishResult> {
    this.assertValid(content);
    const mediaIds: string[] = [];
    for (const item of content.media ?? []) mediaIds.push(await this.uploadMedia(account, item.url, item.mimeType, item.altText));
    const res = await this.http.send<Status>(
      account,
      {
        method: 'POST',
        url: `${this.base(account)}/api/v1/statuses`,
        headers: { ...this.auth(account), 'Idempotency-Key': opts.idempotencyKey },
        data: {
          status: composeText(content),
          media_ids: mediaIds,
          visibility: 'public',
          language: 'id',
          ...(content.replyTo ? { in_reply_to_id: content.replyTo.externalId } : {}),
        },
      },
      { create: true },
    );
    return { externalId: res.data.id, url: res.data.url ?? res.data.uri };
  }

  private async uploadMedia(account: AccountCredentials, url: string, mimeType: string, altText?: string): Promise<string> {
    const file = await this.download(url, mimeType);
    const res = await this.http.send<{ id: string; url: string | null }>(account, {
      method: 'POST',
      url: `${this.base(account)}/api/v2/media`,
      headers: this.auth(account),
      data: fileForm('file', file, altText ? { description: altText } : {}),
    });
    if (res.status === 200 && res.data.url) return res.data.id;
    const id = res.data.id;
    const ready = await this.poll(async () => {
      const r = await this.http.send<{ url: string | null }>(account, {
        method: 'GET',
        url: `${this.base(account)}/api/v1/media/${id}`,
        headers: this.auth(account),
      });
      return r.status === 200 && r.data.url ? id : undefined;
    });
    return ready ?? this.fail('transient', { platformCode: 'media_processing_timeout', platformMessage: 'media still processing' });
  }

  async findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]> {
    const out: RecentPost[] = [];
    let pages = 0;
    for await (const page of this.statusPages(account, since)) {
      out.push(...page);
      if (++pages >= 5) break;
    }
    return out;
  }

  /**
   * The account's statuses, newest first, one page of 40 at a time, down to `since` (max_id pagination).
   * Mastodon serves them from its primary database (Api::V1::Accounts::StatusesController → AccountStatusesFilter):
   * a status created before the read is in it, so the listing proves absence.
   */
  private async *statusPages(account: AccountCredentials, since: Date, withReplies = false): AsyncGenerator<RecentPost[]> {
    let maxId: string | undefined;
    for (;;) {
      const res = await this.http.send<Status[]>(account, {
        method: 'GET',
        url: `${this.base(account)}/api/v1/accounts/${encodeURIComponent(account.externalId)}/statuses`,
        headers: this.auth(account),
        params: { limit: 40, exclude_replies: !withReplies, exclude_reblogs: true, ...(maxId ? { max_id: maxId } : {}) },
      });
      const page = res.data.map((s) => ({ externalId: s.id, url: s.url ?? s.uri, text: htmlToText(s.content), createdAt: new Date(s.created_at) }));
      const inWindow = page.filter((p) => p.createdAt >= since);
      yield inWindow;
      if (inWindow.length < page.length || res.data.length < 40) return;
      maxId = res.data[res.data.length - 1].id;
    }
  }

  /**
   * The account's statuses since the first try: found, or absent once the lost request can no longer be
   * running on the instance. A resend within the hour is safe anyway: the same Idempotency-Key returns the
   * status it created (PostStatusService#with_idempotency, kept 3,600 s in Redis).
   */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    // A reply is a status of the account (in_reply_to_id): the same listing, replies included.
    const pages = this.statusPages(account, new Date(req.since.getTime() - LISTING_MARGIN_MS), !!req.content.replyTo);
    return checkListing(pages, req, {
      how: req.content.replyTo ? 'mastodon_account_statuses_replies' : 'mastodon_account_statuses',
      settleMs: MASTODON_SETTLE_MS,
      maxPages: 25,
    });
  }

  /** Replies to the account's statuses mention it: one account-wide scope of mention notifications covers both. */
  readonly commentCapabilities: CommentCapabilities = { comments: true, mentions: true, perPost: false };

  commentScopes(): CommentScope[] {
    return [{ key: 'mentions' }];
  }

  readComments(account: AccountCredentials, _scope: CommentScope, cursor: string | null): Promise<CommentRead> {
    return readMastodonMentions(this.http, this.base(account), account, cursor);
  }

  async accountMetrics(account: AccountCredentials): Promise<AccountMetrics> {
    const res = await this.http.send<{ followers_count: number; following_count: number; statuses_count: number }>(account, {
      method: 'GET',
      url: `${this.base(account)}/api/v1/accounts/verify_credentials`,
      headers: this.auth(account),
    });
    const d = res.data;
    return { followers: d.followers_count, following: d.following_count, posts: d.statuses_count, raw: { ...d } };
  }

  /** Counts as this instance knows them; Mastodon has no views. */
  async postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    const out: Record<string, PostMetrics> = {};
    for (const id of externalIds) {
      const res = await this.http
        .send<Status>(account, { method: 'GET', url: `${this.base(account)}/api/v1/statuses/${encodeURIComponent(id)}`, headers: this.auth(account) })
        .catch((e: unknown) => {
          if (e instanceof PlatformError && e.httpStatus === 404) return undefined; // deleted: leave it out
          throw e;
        });
      if (!res) continue;
      out[id] = { likes: res.data.favourites_count, shares: res.data.reblogs_count, comments: res.data.replies_count };
    }
    return out;
  }
}
