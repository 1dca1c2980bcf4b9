import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface NeighbourRow {
  postId: string;
  accountId: string;
  at: Date;
  text: string;
  hashtags: string[];
  link: string | null;
}

/** Other posts' targets on the same accounts near given times: the input of the schedule warnings. */
@Injectable()
export class NeighboursRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async near(accountIds: string[], from: Date, to: Date, excludePostId: string | null): Promise<NeighbourRow[]> {
    if (!accountIds.length) return [];
    const rows: Array<NeighbourRow & { at: Date }> = await this.ds.query(
      `SELECT t.post_id AS "postId", t.account_id AS "accountId", coalesce(t.published_at, t.scheduled_at) AS at,
              coalesce(ov.text, v.text, '') AS text, coalesce(ov.hashtags, v.hashtags, '{}') AS hashtags, coalesce(ov.link, v.link) AS link
         FROM post_targets t
         JOIN social_accounts a ON a.id = t.account_id
         LEFT JOIN post_variants v ON v.post_id = t.post_id AND v.language = t.language AND v.platform IS NULL
         LEFT JOIN post_variants ov ON ov.post_id = t.post_id AND ov.language = t.language AND ov.platform = a.platform
        WHERE t.account_id = ANY($1::uuid[])
          AND t.status IN ('scheduled','publishing','published')
          AND coalesce(t.published_at, t.scheduled_at) BETWEEN $2 AND $3
          AND ($4::uuid IS NULL OR t.post_id <> $4::uuid)`,
      [accountIds, from, to, excludePostId],
    );
    return rows;
  }
}
