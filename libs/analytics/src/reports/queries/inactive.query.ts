import { Queryable } from '../../storage/queryable';
import { InactiveReportRow } from '../report-rows';

/** The report's row as read: the last post as a Date (the days since it are computed by the service). */
export interface InactiveRow extends Omit<InactiveReportRow, 'lastPostAt' | 'daysSincePost'> {
  lastPostAt: Date | null;
}

/**
 * Accounts of the unit's subtree that are not posting: active ones without a published target in the
 * `days` days before `asOf`, and every account needing a reconnect or disabled.
 */
export async function inactiveAccounts(db: Queryable, q: { unitPath: string; days: number; asOf: Date }): Promise<InactiveRow[]> {
  return db.query(
    `SELECT * FROM (
       SELECT a.id AS "accountId", a.handle, a.platform, u.id AS "unitId", u.name AS "unitName", a.status,
              (SELECT max(t.published_at) FROM post_targets t WHERE t.account_id = a.id AND t.status = 'published' AND t.published_at < $3) AS "lastPostAt",
              CASE a.status WHEN 'active' THEN 'no_posts' ELSE a.status END AS reason
         FROM social_accounts a JOIN units u ON u.id = a.unit_id
        WHERE u.path LIKE $1 || '%') x
      WHERE x.status <> 'active' OR x."lastPostAt" IS NULL OR x."lastPostAt" < $3::timestamptz - make_interval(days => $2)
      ORDER BY x.reason, x."lastPostAt" NULLS FIRST, x."unitName", x.handle, x."accountId"`,
    [q.unitPath, q.days, q.asOf],
  );
}
