/** The sums the pillar and program reports share (PERFORMANCE_COLUMNS). */
export interface PerformanceSums {
  posts: number;
  reach: number | null;
  views: number | null;
  interactions: number;
  /** Interactions of the posts with a known followers_at_post: the engagement rate's numerator. */
  weighedInteractions: number | null;
  followersAtPost: number | null;
}

/**
 * The shared part of the pillar and program reports, grouped by a column of `posts` ($1 = the unit's path,
 * [$2, $3) = the range): `published(key, posts)` — posts of the subtree with a target published in the
 * range — and `perf(key, …)` — the sums of their targets' latest metrics, each counted once.
 * `PERFORMANCE_COLUMNS` selects them for a key joined as `pub` and `perf`.
 */
export function performanceCtes(key: 'pillar' | 'program_id'): string {
  return `
     published AS (
       SELECT p.${key} AS key, count(DISTINCT p.id)::int AS posts
         FROM posts p JOIN post_targets t ON t.post_id = p.id
        WHERE t.status = 'published' AND t.published_at >= $2 AND t.published_at < $3 AND p.${key} IS NOT NULL
          AND p.unit_id IN (SELECT id FROM units WHERE path LIKE $1 || '%')
        GROUP BY 1),
     perf AS (
       SELECT p.${key} AS key, sum(tm.reach)::float8 AS reach, sum(tm.views)::float8 AS views,
              coalesce(sum(tm.interactions), 0)::float8 AS interactions,
              (sum(tm.interactions) FILTER (WHERE tm.followers_at_post > 0))::float8 AS weighed,
              (sum(tm.followers_at_post) FILTER (WHERE tm.followers_at_post > 0))::float8 AS followers_at_post
         FROM target_metrics tm JOIN posts p ON p.id = tm.post_id
        WHERE tm.published_at >= $2 AND tm.published_at < $3 AND p.${key} IS NOT NULL
          AND tm.unit_id IN (SELECT id FROM units WHERE path LIKE $1 || '%')
        GROUP BY 1)`;
}

export const PERFORMANCE_COLUMNS = `coalesce(pub.posts, 0) AS posts, perf.reach, perf.views, coalesce(perf.interactions, 0) AS interactions,
            perf.weighed AS "weighedInteractions", perf.followers_at_post AS "followersAtPost"`;
