import { Queryable } from '../../storage/queryable';

export interface LeaderboardMetrics {
  unitId: string;
  unitName: string;
  kind: string;
  /** Subtree followers on the first and last day with data in the range (unit_daily). */
  firstFollowers: number | null;
  followers: number | null;
  interactions: number | null;
  followersAtPost: number | null;
  postsPublished: number;
  postsWithProgram: number;
  consistencyWeeks: number;
  lastPostAt: Date | null;
}

/**
 * The leaderboard's numbers for every unit of `kinds` inside `parentPath` (the parent excluded), each unit
 * counting its whole subtree (`members`: every unit inside a ranked unit, found by path range on the index):
 * growth from unit_daily, engagement from target_metrics, posting from posts.first_published_at (a post counts
 * once, at its first published target, in that local ISO week), in one pass grouped by unit and week. Engagement and posting are read per member
 * unit from indexes that hold the columns (unit_id, time) INCLUDE (…), so the cost follows the parent's
 * subtree and the range, not the country's month; the planner may read the range first for the country's
 * top levels (indexes on the time alone). The last post before the range is looked up only for ranked units
 * with no post in it (target_metrics: a published target gets its row with the first metrics reading, within
 * the hour).
 */
/** First and last day with data in [$4, $5] of each ranked unit's subtree. */
const GROWTH_CTE = `
       SELECT unit_id, (array_agg(followers ORDER BY day))[1]::float8 AS first, (array_agg(followers ORDER BY day DESC))[1]::float8 AS last
         FROM unit_daily WHERE unit_id IN (SELECT id FROM u) AND day BETWEEN $4::date AND $5::date
        GROUP BY unit_id`;

export async function leaderboardMetrics(
  db: Queryable,
  q: {
    kinds: string[];
    parentId: string;
    parentPath: string;
    from: string;
    to: string;
    start: Date;
    end: Date;
    zone: string;
    minPosts: number;
    /** Followers only (posting and engagement come back empty): enough to rank by followers or growth. */
    growthOnly?: boolean;
  },
): Promise<LeaderboardMetrics[]> {
  if (q.growthOnly) {
    return db.query(
      `WITH u AS (
         SELECT id, name, kind, path FROM units WHERE kind = ANY($1::text[]) AND path LIKE $2 || '%' AND id <> $3::uuid),
       growth AS (${GROWTH_CTE})
       SELECT u.id AS "unitId", u.name AS "unitName", u.kind, g.first AS "firstFollowers", g.last AS followers,
              NULL::float8 AS interactions, NULL::float8 AS "followersAtPost", 0 AS "postsPublished", 0 AS "postsWithProgram",
              0 AS "consistencyWeeks", NULL::timestamptz AS "lastPostAt"
         FROM u LEFT JOIN growth g ON g.unit_id = u.id`,
      [q.kinds, q.parentPath, q.parentId, q.from, q.to],
    );
  }
  return db.query(
    `WITH u AS (
       SELECT id, name, kind, path FROM units WHERE kind = ANY($1::text[]) AND path LIKE $2 || '%' AND id <> $3::uuid),
     members AS MATERIALIZED (
       SELECT u.id AS unit_id, d.id AS member_id FROM u JOIN units d ON d.path ~>=~ u.path AND d.path ~<~ (u.path || '~')),
     growth AS (${GROWTH_CTE}),
     eng AS (
       SELECT m.unit_id, sum(x.interactions)::float8 AS interactions, sum(x.followers_at_post)::float8 AS followers_at_post
         FROM (SELECT tm.unit_id, sum(tm.interactions) AS interactions, sum(tm.followers_at_post) AS followers_at_post
                 FROM target_metrics tm
                WHERE tm.published_at >= $6 AND tm.published_at < $7 AND tm.followers_at_post > 0 AND tm.unit_id IN (SELECT member_id FROM members)
                GROUP BY tm.unit_id) x
         JOIN members m ON m.member_id = x.unit_id
        GROUP BY m.unit_id),
     bounds AS (
       SELECT array_agg(w AT TIME ZONE $8 ORDER BY w) AS b
         FROM generate_series(date_trunc('week', $6::timestamptz AT TIME ZONE $8), $7::timestamptz AT TIME ZONE $8, interval '1 week') AS w),
     unit_weeks AS (
       SELECT p.unit_id, width_bucket(p.first_published_at, (SELECT b FROM bounds)) AS week,
              count(*) AS n, count(p.program_id) AS with_program, max(p.first_published_at) AS last_at
         FROM posts p
        WHERE p.first_published_at >= $6 AND p.first_published_at < $7 AND p.unit_id IN (SELECT member_id FROM members)
        GROUP BY 1, 2),
     weekly AS (
       SELECT m.unit_id, w.week, sum(w.n) AS n, sum(w.with_program) AS with_program, max(w.last_at) AS last_at
         FROM unit_weeks w JOIN members m ON m.member_id = w.unit_id
        GROUP BY 1, 2),
     counts AS (
       SELECT unit_id, sum(n)::int AS posts, sum(with_program)::int AS with_program, max(last_at) AS last_at,
              (count(*) FILTER (WHERE n >= $9))::int AS ok_weeks
         FROM weekly GROUP BY unit_id),
     last_before AS (
       SELECT m.unit_id, max(x.at) AS at
         FROM members m CROSS JOIN LATERAL (
           SELECT max(tm.published_at) AS at FROM target_metrics tm WHERE tm.unit_id = m.member_id AND tm.published_at < $6) x
        WHERE NOT EXISTS (SELECT 1 FROM counts c WHERE c.unit_id = m.unit_id)
        GROUP BY m.unit_id)
     SELECT u.id AS "unitId", u.name AS "unitName", u.kind, g.first AS "firstFollowers", g.last AS followers,
            e.interactions, e.followers_at_post AS "followersAtPost",
            coalesce(c.posts, 0) AS "postsPublished", coalesce(c.with_program, 0) AS "postsWithProgram",
            coalesce(c.ok_weeks, 0) AS "consistencyWeeks", coalesce(c.last_at, lb.at) AS "lastPostAt"
       FROM u
       LEFT JOIN growth g ON g.unit_id = u.id
       LEFT JOIN eng e ON e.unit_id = u.id
       LEFT JOIN counts c ON c.unit_id = u.id
       LEFT JOIN last_before lb ON lb.unit_id = u.id`,
    [q.kinds, q.parentPath, q.parentId, q.from, q.to, q.start, q.end, q.zone, q.minPosts],
  );
}
