import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A collected comment as other contexts read it (tickets, inbox). */
export interface AduanComment {
  id: string;
  accountId: string;
  platform: string;
  externalId: string;
  kind: 'comment' | 'reply' | 'mention' | 'message';
  postExternalId: string | null;
  postTargetId: string | null;
  parentExternalId: string | null;
  authorHandle: string;
  authorName: string | null;
  authorExternalId: string | null;
  text: string;
  url: string | null;
  writtenAt: Date;
  collectedAt: Date;
  isComplaint: boolean | null;
  score: number | null;
  category: string | null;
  agencyUnitId: string | null;
  placeUnitId: string | null;
  reasons: unknown[];
  modelVersion: string | null;
  classifiedAt: Date | null;
}

export interface AduanCommentFilter {
  accountId?: string;
  ids?: string[];
  isComplaint?: boolean;
  /** Written at or after. */
  since?: Date;
  limit?: number;
}

const COLUMNS = `id, account_id AS "accountId", platform, external_id AS "externalId", kind, post_external_id AS "postExternalId",
  post_target_id AS "postTargetId", parent_external_id AS "parentExternalId", author_handle AS "authorHandle", author_name AS "authorName",
  author_external_id AS "authorExternalId", text, url, written_at AS "writtenAt", collected_at AS "collectedAt", is_complaint AS "isComplaint",
  score, category, agency_unit_id AS "agencyUnitId", place_unit_id AS "placeUnitId", reasons, model_version AS "modelVersion",
  classified_at AS "classifiedAt"`;

/** Read access to collected comments for other contexts (no scoping: callers apply their own access policy). */
@Injectable()
export class AduanCommentsQuery {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findById(id: string): Promise<AduanComment | null> {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM aduan_comments WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Newest first (by when written), at most `limit` (default 100, at most 1,000). */
  list(f: AduanCommentFilter = {}): Promise<AduanComment[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      args.push(v);
      where.push(sql.replace('?', `$${args.length}`));
    };
    if (f.accountId) add('account_id = ?', f.accountId);
    if (f.ids) add('id = ANY(?::uuid[])', f.ids);
    if (f.isComplaint !== undefined) add('is_complaint = ?', f.isComplaint);
    if (f.since) add('written_at >= ?', f.since);
    args.push(Math.min(1000, Math.max(1, f.limit ?? 100)));
    return this.ds.query(
      `SELECT ${COLUMNS} FROM aduan_comments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY written_at DESC, id LIMIT $${args.length}`,
      args,
    );
  }
}
