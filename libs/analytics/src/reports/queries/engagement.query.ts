import { Queryable } from '../../storage/queryable';
import { EngagementReportRow } from '../report-rows';
import { Subject, subjectFilter } from '../report-scope';

/** The report's row before the rate: the sums it is computed from. */
export interface EngagementRow extends Omit<EngagementReportRow, 'engagementRate'> {
  weighedInteractions: number | null;
  followersAtPost: number | null;
}

/**
 * Per account of the subject: followers on the last day with data in [from, to] (account_daily), targets
 * published in [start, end) (post_targets), interactions and the followers they were weighed by (target_metrics).
 */
export async function engagementByAccount(
  db: Queryable,
  s: Subject,
  q: { from: string; to: string; start: Date; end: Date; platform?: string },
): Promise<EngagementRow[]> {
  const f = subjectFilter(s, { account: 'a.id', unit: 'a.unit_id' }, 5);
  return db.query(
    `SELECT a.id AS "accountId", a.handle, a.platform, u.name AS "unitName",
            (SELECT ad.followers_last FROM account_daily ad WHERE ad.account_id = a.id AND ad.day BETWEEN $1::date AND $2::date
              ORDER BY ad.day DESC LIMIT 1) AS followers,
            (SELECT count(*)::int FROM post_targets t WHERE t.account_id = a.id AND t.status = 'published'
                AND t.published_at >= $3 AND t.published_at < $4) AS posts,
            coalesce(m.interactions, 0)::int AS interactions, m.weighed::float8 AS "weighedInteractions", m.followers_at_post::float8 AS "followersAtPost"
       FROM social_accounts a JOIN units u ON u.id = a.unit_id
       LEFT JOIN LATERAL (
         SELECT sum(tm.interactions) AS interactions, sum(tm.interactions) FILTER (WHERE tm.followers_at_post > 0) AS weighed,
                  sum(tm.followers_at_post) FILTER (WHERE tm.followers_at_post > 0) AS followers_at_post
           FROM target_metrics tm WHERE tm.account_id = a.id AND tm.published_at >= $3 AND tm.published_at < $4) m ON true
      WHERE ${f.sql} AND ($6::text IS NULL OR a.platform = $6)
      ORDER BY u.name, a.platform, a.handle, a.id`,
    [q.from, q.to, q.start, q.end, f.value, q.platform ?? null],
  );
}
