import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Platform, ReplyTo } from '@kabar/platforms';
import type { ReplyLanguage } from './reply-templates';

/** A comment as a reply needs it: its account (unit, platform, status), its agency, its city. */
export interface CommentForReply {
  id: string;
  accountId: string;
  platform: Platform;
  externalId: string;
  kind: string;
  postExternalId: string | null;
  parentExternalId: string | null;
  authorHandle: string;
  text: string;
  writtenAt: Date;
  category: string | null;
  agencyName: string | null;
  unitId: string;
  unitPath: string;
  accountStatus: string;
  rootCode: string | null;
}

export interface ReplyRow {
  id: string;
  commentId: string;
  postId: string;
  targetId: string;
  text: string;
  language: ReplyLanguage;
  templateKey: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  answeredAt: Date | null;
  status: string;
  externalId: string | null;
  externalUrl: string | null;
  publishedAt: Date | null;
  lastErrorClass: string | null;
  lastErrorMessage: string | null;
  unconfirmedReason: string | null;
}

const REPLY_SELECT = `SELECT r.id, r.comment_id AS "commentId", r.post_id AS "postId", r.target_id AS "targetId", r.text, r.language,
    r.template_key AS "templateKey", r.created_by AS "createdBy", u.name AS "createdByName", r.created_at AS "createdAt", r.answered_at AS "answeredAt",
    t.status, t.external_id AS "externalId", t.external_url AS "externalUrl", t.published_at AS "publishedAt",
    t.last_error_class AS "lastErrorClass", t.last_error_message AS "lastErrorMessage", t.unconfirmed_reason AS "unconfirmedReason"
  FROM aduan_replies r JOIN post_targets t ON t.id = r.target_id LEFT JOIN users u ON u.id = r.created_by`;

/** aduan_replies and the reply post each one publishes through the engine (posts, post_variants, post_targets). */
@Injectable()
export class RepliesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async comment(id: string): Promise<CommentForReply | null> {
    const [row] = await this.ds.query(
      `SELECT c.id, c.account_id AS "accountId", a.platform, c.external_id AS "externalId", c.kind, c.post_external_id AS "postExternalId",
         c.parent_external_id AS "parentExternalId", c.author_handle AS "authorHandle", c.text, c.written_at AS "writtenAt", c.category,
         ag.name AS "agencyName", a.unit_id AS "unitId", un.path AS "unitPath", a.status AS "accountStatus",
         (SELECT code FROM units r WHERE r.id::text = split_part(un.path, '/', 1)) AS "rootCode"
       FROM aduan_comments c JOIN social_accounts a ON a.id = c.account_id JOIN units un ON un.id = a.unit_id
       LEFT JOIN units ag ON ag.id = c.agency_unit_id
       WHERE c.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * The reply as a post of kind `reply` (pillar tanggap_aduan, no review) with one target on the comment's account,
   * due now: the dispatcher hands it to the engine like any due target. The post has no plan time (the calendar, a
   * range of scheduled_at, never shows it); the content browser and the leaderboards leave kind `reply` out too. One transaction. Null when the same
   * text was already sent to this comment (the unique index).
   */
  async create(r: {
    comment: CommentForReply;
    text: string;
    language: ReplyLanguage;
    templateKey: string | null;
    userId: string;
    replyTo: ReplyTo;
  }): Promise<string | null> {
    try {
      return await this.ds.transaction(async (m: EntityManager) => {
        const postId = randomUUID();
        const targetId = randomUUID();
        await m.query(
          `INSERT INTO posts (id, unit_id, author_id, pillar, status, scheduled_at, time_zone, kind, excerpt, platforms)
           VALUES ($1, $2, $3, 'tanggap_aduan', 'scheduled', NULL, 'Asia/Jakarta', 'reply', $4, $5::text[])`,
          [postId, r.comment.unitId, r.userId, r.text.slice(0, 200), [r.comment.platform]],
        );
        await m.query(`INSERT INTO post_variants (post_id, language, text) VALUES ($1, $2, $3)`, [postId, r.language, r.text]);
        await m.query(
          `INSERT INTO post_targets (id, post_id, account_id, language, scheduled_at, status, idempotency_key, reply_to)
           VALUES ($1, $2, $3, $4, now(), 'scheduled', $5, $6::jsonb)`,
          [targetId, postId, r.comment.accountId, r.language, `kabar:${targetId}`, JSON.stringify(r.replyTo)],
        );
        const [row] = await m.query(
          `INSERT INTO aduan_replies (comment_id, post_id, target_id, text, language, template_key, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [r.comment.id, postId, targetId, r.text, r.language, r.templateKey, r.userId],
        );
        return String(row.id);
      });
    } catch (e) {
      if ((e as { code?: string; constraint?: string }).code === '23505') return null;
      throw e;
    }
  }

  async byId(id: string): Promise<ReplyRow | null> {
    const [row] = await this.ds.query(`${REPLY_SELECT} WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  async listForComment(commentId: string): Promise<ReplyRow[]> {
    return this.ds.query(`${REPLY_SELECT} WHERE r.comment_id = $1 ORDER BY r.created_at, r.id`, [commentId]);
  }

  /**
   * Replies whose target is published and whose comment was not yet told so: each handed to `fn` and marked
   * answered in the same transaction (rows locked, SKIP LOCKED across processes), so `fn` runs once per reply
   * unless it throws (then all of the batch are offered again: `fn` must be idempotent).
   */
  async settleAnswered(fn: (commentId: string, at: Date) => Promise<void>, limit = 100): Promise<number> {
    return this.ds.transaction(async (m: EntityManager) => {
      const rows: Array<{ id: string; commentId: string; at: Date }> = await m.query(
        `SELECT r.id, r.comment_id AS "commentId", t.published_at AS at FROM aduan_replies r JOIN post_targets t ON t.id = r.target_id
         WHERE r.answered_at IS NULL AND t.status = 'published' ORDER BY t.published_at LIMIT $1 FOR UPDATE OF r SKIP LOCKED`,
        [limit],
      );
      for (const r of rows) {
        await fn(r.commentId, new Date(r.at));
        await m.query(`UPDATE aduan_replies SET answered_at = $2 WHERE id = $1`, [r.id, r.at]);
      }
      return rows.length;
    });
  }
}
