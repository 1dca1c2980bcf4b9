import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accountLabelSql } from '@kabar/accounts';
import { postPreviewSql } from '@kabar/content';
import { enabledUserSql, unitAdminsSql } from '@kabar/org';
import { rows as queryRows } from '../targets/sql';

export type NotificationKind = 'target_failed' | 'target_missed' | 'target_stuck' | 'target_unconfirmed' | 'account_needs_reconnect';

export interface NewNotification {
  kind: NotificationKind;
  messageKey: string;
  params: Record<string, string | number>;
  unitId: string;
  postId?: string | null;
  targetId?: string | null;
  accountId?: string | null;
  /** The author, told along with the unit's admins. */
  authorId?: string | null;
  /** Same key twice (another worker, another tick) notifies once. */
  dedupeKey: string;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  messageKey: string;
  params: Record<string, string | number>;
  unitId: string | null;
  postId: string | null;
  targetId: string | null;
  accountId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** notifications: one row per recipient, so each user reads and counts their own. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Addresses the admins of the unit and of every unit above it, and the author. */
  async create(n: NewNotification): Promise<{ recipients: number; created: number }> {
    const rows = await queryRows(
      this.ds,
      `WITH r AS (SELECT DISTINCT x.user_id FROM (${unitAdminsSql('$1')} UNION ${enabledUserSql('$9::uuid')}) x),
       ins AS (
         INSERT INTO notifications (user_id, unit_id, kind, message_key, params, post_id, target_id, account_id, dedupe_key)
         SELECT r.user_id, $1, $2, $3, $4::jsonb, $5, $6, $7, $8 FROM r
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING id)
       SELECT (SELECT count(*) FROM r)::int AS recipients, (SELECT count(*) FROM ins)::int AS created`,
      [n.unitId, n.kind, n.messageKey, JSON.stringify(n.params), n.postId ?? null, n.targetId ?? null, n.accountId ?? null, n.dedupeKey, n.authorId ?? null],
    );
    return rows[0];
  }

  async list(userId: string, opts: { unreadOnly: boolean; limit: number; before?: string }): Promise<NotificationRow[]> {
    const rows = await queryRows(
      this.ds,
      `SELECT id, kind, message_key AS "messageKey", params, unit_id AS "unitId", post_id AS "postId", target_id AS "targetId", account_id AS "accountId",
         created_at AS "createdAt", read_at AS "readAt"
       FROM notifications WHERE user_id = $1 ${opts.unreadOnly ? 'AND read_at IS NULL' : ''} ${opts.before ? 'AND id < $3' : ''}
       ORDER BY id DESC LIMIT $2`,
      opts.before ? [userId, opts.limit, opts.before] : [userId, opts.limit],
    );
    return rows.map((r: NotificationRow) => ({ ...r, id: String(r.id) }));
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = await queryRows(this.ds, `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return rows[0].n;
  }

  /** True when the notification is the caller's (read or not). */
  async markRead(userId: string, id: string): Promise<boolean> {
    const rows = await queryRows(this.ds, `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`, [
      id,
      userId,
    ]);
    return rows.length > 0;
  }

  async markAllRead(userId: string): Promise<void> {
    await queryRows(this.ds, `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  }

  /** Names for messages: the post's opening words, the account's platform and handle. */
  async describe(postId: string | null, accountId: string | null): Promise<{ post: string; platform: string; account: string }> {
    const rows = await queryRows(
      this.ds,
      `SELECT ${postPreviewSql('$1::uuid', "'id'", 60)} AS post, a.platform, a.label AS account
       FROM (SELECT 1) one LEFT JOIN LATERAL (${accountLabelSql('$2::uuid')}) a ON true`,
      [postId, accountId],
    );
    const r = rows[0] ?? {};
    return { post: r.post ?? '', platform: r.platform ?? '', account: r.account ?? '' };
  }
}
