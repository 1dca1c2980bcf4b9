import { Queryable } from '../../storage/queryable';
import { Subject, subjectFilter } from '../report-scope';

export interface BestTimeCell {
  weekday: number;
  hour: number;
  ownPosts: number;
  ownInteractions: number | null;
  ownFollowers: number | null;
  cityPosts: number;
  cityInteractions: number | null;
  cityFollowers: number | null;
}

/**
 * The 7 × 24 cells (ISO weekday, local hour in `zone` of published_at) of targets published in [start, end):
 * the subject's own sums and the whole city's, from target_metrics.
 */
export async function bestTimeCells(db: Queryable, s: Subject, q: { start: Date; end: Date; zone: string }): Promise<BestTimeCell[]> {
  const f = subjectFilter(s, { account: 'tm.account_id', unit: 'tm.unit_id' }, 4);
  return db.query(
    `WITH tm AS (
       SELECT extract(isodow FROM tm.published_at AT TIME ZONE $3)::int AS weekday, extract(hour FROM tm.published_at AT TIME ZONE $3)::int AS hour,
              (${f.sql}) AS own, tm.interactions, tm.followers_at_post
         FROM target_metrics tm WHERE tm.published_at >= $1 AND tm.published_at < $2),
     sums AS (
       SELECT weekday, hour,
              count(*) FILTER (WHERE own)::int AS own_posts,
              sum(interactions) FILTER (WHERE own AND followers_at_post > 0)::float8 AS own_interactions,
              sum(followers_at_post) FILTER (WHERE own AND followers_at_post > 0)::float8 AS own_followers,
              count(*)::int AS city_posts,
              sum(interactions) FILTER (WHERE followers_at_post > 0)::float8 AS city_interactions,
              sum(followers_at_post) FILTER (WHERE followers_at_post > 0)::float8 AS city_followers
         FROM tm GROUP BY weekday, hour)
     SELECT d AS weekday, h AS hour, coalesce(s.own_posts, 0) AS "ownPosts", s.own_interactions AS "ownInteractions", s.own_followers AS "ownFollowers",
            coalesce(s.city_posts, 0) AS "cityPosts", s.city_interactions AS "cityInteractions", s.city_followers AS "cityFollowers"
       FROM generate_series(1, 7) d CROSS JOIN generate_series(0, 23) h
       LEFT JOIN sums s ON s.weekday = d AND s.hour = h
      ORDER BY d, h`,
    [q.start, q.end, q.zone, f.value],
  );
}
