import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type ReviewNoticeKind = 'post_submitted' | 'post_approved' | 'post_changes_requested';

export interface ReviewNotice {
  kind: ReviewNoticeKind;
  postId: string;
  unitId: string;
  /** The post's version after the step: one notice per step, however often it is retried. */
  version: number;
  actorId: string;
  authorId: string | null;
  messageKey: string;
  params?: Record<string, string>;
}

/**
 * In-app notices of the review workflow, in the notifications table publishing also writes (one row per
 * recipient, translated when read): a submission tells the reviewers of the unit and of every unit above it; an
 * approval or a request for changes tells the author. Nobody is told of their own step.
 */
@Injectable()
export class ReviewNotices {
  private readonly logger = new Logger('content.notices');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async send(n: ReviewNotice): Promise<number> {
    const recipients =
      n.kind === 'post_submitted'
        ? `SELECT DISTINCT m.user_id FROM units u JOIN units mu ON u.path LIKE mu.path || '%' JOIN memberships m ON m.unit_id = mu.id AND m.role = 'reviewer'
            WHERE u.id = $1 AND m.user_id IS DISTINCT FROM $7::uuid`
        : `SELECT $7::uuid AS user_id WHERE $7::uuid IS NOT NULL`;
    try {
      const rows: Array<{ n: number }> = await this.ds.query(
        `WITH r AS (
           SELECT x.user_id FROM (${recipients}) x JOIN users us ON us.id = x.user_id AND NOT us.disabled
            WHERE x.user_id IS DISTINCT FROM $8::uuid),
         ins AS (
           INSERT INTO notifications (user_id, unit_id, kind, message_key, params, post_id, dedupe_key)
           SELECT r.user_id, $1, $2, $3, $4::jsonb || jsonb_build_object('post', coalesce(
                    (SELECT left(v.text, 60) FROM post_variants v WHERE v.post_id = $5 ORDER BY v.language = 'id' DESC, v.platform NULLS FIRST LIMIT 1), '')),
                  $5, $6
             FROM r
           ON CONFLICT (user_id, dedupe_key) DO NOTHING
           RETURNING id)
         SELECT count(*)::int AS n FROM ins`,
        [n.unitId, n.kind, n.messageKey, JSON.stringify(n.params ?? {}), n.postId, `${n.kind}:${n.postId}:${n.version}`, n.authorId, n.actorId],
      );
      return rows[0]?.n ?? 0;
    } catch (e) {
      // A notice must never undo a review step that already happened.
      this.logger.warn(`notice ${n.kind} for ${n.postId} failed: ${(e as Error).message}`);
      return 0;
    }
  }
}
