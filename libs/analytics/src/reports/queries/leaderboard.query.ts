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
 * counting its whole subtree: growth from unit_daily, engagement from target_metrics, posting from
 * post_targets (a post counts once, in the local ISO week of its first published target). Every part reads
 * only the range through an index on the time column, so the cost follows the month, not the history.
 * The last post before the range comes from target_metrics (a published target gets its row with the first
 * metrics reading, within the hour).
 */
export async function leaderboardMetrics(
  db: Queryable,
  q: { kinds: string[]; parentId: string; parentPath: string; from: string; to: string; start: Date; end: Date; zone: string; minPosts: number },
): Promise<LeaderboardMetrics[]> {
  return db.query(
    `WITH u AS (
       SELECT id, name, kind, path FROM units WHERE kind = ANY($1::text[]) AND path LIKE $2 || '%' AND id <> $3::uuid),
     sub AS (
       SELECT u.id AS unit_id, d.id AS member_id FROM u JOIN units d ON d.path LIKE u.path || '%'),
     growth AS (
       SELECT unit_id, (array_agg(followers ORDER BY day))[1]::float8 AS first, (array_agg(followers ORDER BY day DESC))[1]::float8 AS last
         FROM unit_daily WHERE unit_id IN (SELECT id FROM u) AND day BETWEEN $4::date AND $5::date
        GROUP BY unit_id),
     eng AS (
       SELECT s.unit_id, sum(tm.interactions)::float8 AS interactions, sum(tm.followers_at_post)::float8 AS followers_at_post
         FROM sub s JOIN target_metrics tm ON tm.unit_id = s.member_id
        WHERE tm.published_at >= $6 AND tm.published_at < $7 AND tm.followers_at_post > 0
        GROUP BY s.unit_id),
     published AS (
       SELECT s.unit_id, p.id, p.program_id, min(t.published_at) AS first_at
         FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN sub s ON s.member_id = p.unit_id
        WHERE t.status = 'published' AND t.published_at >= $6 AND t.published_at < $7
        GROUP BY s.unit_id, p.id, p.program_id),
     counts AS (
       SELECT unit_id, count(*)::int AS posts, count(program_id)::int AS with_program, max(first_at) AS last_at FROM published GROUP BY unit_id),
     weeks AS (
       SELECT unit_id, count(*) FILTER (WHERE n >= $9)::int AS ok
         FROM (SELECT unit_id, date_trunc('week', first_at AT TIME ZONE $8) AS week, count(*) AS n FROM published GROUP BY 1, 2) w
        GROUP BY unit_id),
     last_before AS (
       SELECT s.unit_id, max(x.at) AS at
         FROM sub s CROSS JOIN LATERAL (
           SELECT max(tm.published_at) AS at FROM target_metrics tm WHERE tm.unit_id = s.member_id AND tm.published_at < $6) x
        GROUP BY s.unit_id)
     SELECT u.id AS "unitId", u.name AS "unitName", u.kind, g.first AS "firstFollowers", g.last AS followers,
            e.interactions, e.followers_at_post AS "followersAtPost",
            coalesce(c.posts, 0) AS "postsPublished", coalesce(c.with_program, 0) AS "postsWithProgram",
            coalesce(w.ok, 0) AS "consistencyWeeks", coalesce(c.last_at, lb.at) AS "lastPostAt"
       FROM u
       LEFT JOIN growth g ON g.unit_id = u.id
       LEFT JOIN eng e ON e.unit_id = u.id
       LEFT JOIN counts c ON c.unit_id = u.id
       LEFT JOIN weeks w ON w.unit_id = u.id
       LEFT JOIN last_before lb ON lb.unit_id = u.id`,
    [q.kinds, q.parentPath, q.parentId, q.from, q.to, q.start, q.end, q.zone, q.minPosts],
  );
}
