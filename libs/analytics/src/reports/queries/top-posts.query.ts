import { Queryable } from '../../storage/queryable';
import { TopPostReportRow } from '../report-rows';
import { Subject, subjectFilter } from '../report-scope';

/** The report's row as read: the time as a Date, the followers the rate is computed from. */
export interface TopPostRow extends Omit<TopPostReportRow, 'publishedAt' | 'engagementRate'> {
  publishedAt: Date;
  followersAtPost: number | null;
}

/** Published targets of the subject in [start, end) by interactions (latest reading, target_metrics), most first. */
export async function topPosts(db: Queryable, s: Subject, q: { start: Date; end: Date; platform?: string; limit: number }): Promise<TopPostRow[]> {
  const f = subjectFilter(s, { account: 'tm.account_id', unit: 'tm.unit_id' }, 3);
  return db.query(
    `SELECT tm.target_id AS "targetId", tm.post_id AS "postId", p.excerpt, tm.platform, a.handle, t.external_url AS url,
            tm.published_at AS "publishedAt", tm.likes, tm.comments, tm.shares, tm.views, tm.interactions, tm.followers_at_post AS "followersAtPost"
       FROM target_metrics tm
       JOIN posts p ON p.id = tm.post_id JOIN post_targets t ON t.id = tm.target_id JOIN social_accounts a ON a.id = tm.account_id
      WHERE tm.published_at >= $1 AND tm.published_at < $2 AND ${f.sql} AND ($4::text IS NULL OR tm.platform = $4)
      ORDER BY tm.interactions DESC, tm.published_at DESC, tm.target_id
      LIMIT $5`,
    [q.start, q.end, f.value, q.platform ?? null, q.limit],
  );
}
