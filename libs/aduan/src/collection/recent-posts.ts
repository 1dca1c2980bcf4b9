import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountCredentials, PlatformAdapter } from '@kabar/platforms';

/** Posts whose comments are read: the account's posts of the last two weeks, newest 50. */
const POST_WINDOW_DAYS = 14;
const MAX_POSTS = 50;
/** Posts younger than this are read on every run; older ones at most once an hour (comments slow down). */
const HOT_MS = 2 * 86_400_000;
const COOL_EVERY_MINUTES = 60;

export interface RecentPostRef {
  externalId: string;
  /** The post's text (the classifier's context). */
  text: string;
}

/** Which posts of an account to read comments of on this run (per-post platforms: Facebook, Instagram, Threads). */
@Injectable()
export class RecentPosts {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Kabar's published targets of the account in the window, then the platform's own listing (posts made
   * elsewhere); posts older than two days only when their scope was not read in the last hour, so an account's
   * calls stay near one a post a run for the posts people still comment on.
   */
  async due(accountId: string, adapter: PlatformAdapter, creds: AccountCredentials): Promise<RecentPostRef[]> {
    const rows: Array<{ external_id: string; text: string | null; published_at: Date }> = await this.ds.query(
      `SELECT t.external_id, t.published_at,
              (SELECT v.text FROM post_variants v WHERE v.post_id = t.post_id AND v.language = t.language
                 ORDER BY (v.platform = a.platform) DESC NULLS LAST LIMIT 1) AS text
         FROM post_targets t JOIN social_accounts a ON a.id = t.account_id
        WHERE t.account_id = $1 AND t.status = 'published' AND t.external_id IS NOT NULL
          AND t.published_at > now() - make_interval(days => $2)
        ORDER BY t.published_at DESC LIMIT $3`,
      [accountId, POST_WINDOW_DAYS, MAX_POSTS],
    );
    const posts = new Map(rows.map((r) => [r.external_id, { text: r.text ?? '', at: new Date(r.published_at) }]));
    for (const p of await adapter.findRecent(creds, new Date(Date.now() - POST_WINDOW_DAYS * 86_400_000))) {
      if (posts.size >= MAX_POSTS) break;
      if (!posts.has(p.externalId)) posts.set(p.externalId, { text: p.text, at: p.createdAt });
    }
    const recent: Array<{ scope: string }> = await this.ds.query(
      `SELECT scope FROM aduan_cursors WHERE account_id = $1 AND checked_at > now() - make_interval(mins => $2)`,
      [accountId, COOL_EVERY_MINUTES],
    );
    const fresh = new Set(recent.map((r) => r.scope));
    const hotSince = Date.now() - HOT_MS;
    return [...posts].filter(([id, p]) => p.at.getTime() >= hotSince || !fresh.has(`post:${id}`)).map(([externalId, p]) => ({ externalId, text: p.text }));
  }
}
