import { Queryable } from './queryable';

/** One reading of a published target's counters; a counter the platform does not give is null. */
export interface PostMetricRow {
  targetId: string;
  at: Date;
  likes?: number | null;
  comments?: number | null;
  shares?: number | null;
  views?: number | null;
  impressions?: number | null;
  reach?: number | null;
}

const COUNTERS = ['likes', 'comments', 'shares', 'views', 'impressions', 'reach'] as const;

/**
 * Stores a batch of post readings (raw rows, partitioned by month) and keeps target_metrics (the latest
 * reading per target) current, in the caller's transaction. followers_at_post is set on the first reading:
 * the account's followers on the local day of publication (account_daily), else its current count.
 * Returns the number of new raw rows.
 */
export async function ingestPostMetrics(db: Queryable, rows: PostMetricRow[]): Promise<number> {
  if (!rows.length) return 0;
  const params = [rows.map((r) => r.targetId), rows.map((r) => r.at.toISOString()), ...COUNTERS.map((c) => rows.map((r) => r[c] ?? null))];
  const inserted: Array<{ target_id: string }> = await db.query(
    `INSERT INTO post_metrics (target_id, at, ${COUNTERS.join(', ')})
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])
     ON CONFLICT DO NOTHING RETURNING target_id`,
    params,
  );
  if (!inserted.length) return 0;
  await db.query(
    `WITH latest AS (
       SELECT DISTINCT ON (b.target_id) b.*
         FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])
              AS b(target_id, at, likes, comments, shares, views, impressions, reach)
        ORDER BY b.target_id, b.at DESC)
     INSERT INTO target_metrics AS m (target_id, post_id, account_id, unit_id, platform, published_at, followers_at_post,
                                      ${COUNTERS.join(', ')}, collected_at)
     SELECT t.id, t.post_id, t.account_id, p.unit_id, s.platform, t.published_at,
            coalesce((SELECT ad.followers_last FROM account_daily ad JOIN units u ON u.id = s.unit_id
                       WHERE ad.account_id = s.id AND ad.day = (t.published_at AT TIME ZONE u.time_zone)::date), s.followers),
            l.likes, l.comments, l.shares, l.views, l.impressions, l.reach, l.at
       FROM latest l JOIN post_targets t ON t.id = l.target_id JOIN posts p ON p.id = t.post_id JOIN social_accounts s ON s.id = t.account_id
      WHERE t.published_at IS NOT NULL
     ON CONFLICT (target_id) DO UPDATE SET
       likes = EXCLUDED.likes, comments = EXCLUDED.comments, shares = EXCLUDED.shares, views = EXCLUDED.views,
       impressions = EXCLUDED.impressions, reach = EXCLUDED.reach, collected_at = EXCLUDED.collected_at,
       collections = m.collections + 1
     WHERE EXCLUDED.collected_at >= m.collected_at`,
    params,
  );
  return inserted.length;
}

/**
 * When a published target's metrics are read next: hourly on its first day, daily to day 30, weekly to
 * day 90, then never (null).
 */
export function nextMetricsDue(publishedAt: Date, now: Date): Date | null {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const age = now.getTime() - publishedAt.getTime();
  const step = age < DAY ? HOUR : age < 30 * DAY ? DAY : age < 90 * DAY ? 7 * DAY : 0;
  if (!step) return null;
  return new Date(now.getTime() + step);
}
