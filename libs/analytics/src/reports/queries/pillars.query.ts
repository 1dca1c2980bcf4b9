import { Queryable } from '../../storage/queryable';

export interface PillarRow {
  pillar: string;
  label: string;
  posts: number;
  reach: number | null;
  views: number | null;
  interactions: number;
  /** Interactions of the posts with a known followers_at_post: the engagement rate's numerator. */
  weighedInteractions: number | null;
  followersAtPost: number | null;
}

/**
 * Per pillar (every pillar of the city, plus any key posts carry that the table lacks): posts of the unit's
 * subtree with a target published in [start, end), and the sums of their targets' latest metrics.
 */
export async function pillarPerformance(db: Queryable, q: { unitPath: string; start: Date; end: Date; locale: 'id' | 'en' }): Promise<PillarRow[]> {
  return db.query(
    `WITH tm AS (
       SELECT p.pillar, tm.post_id, tm.reach, tm.views, tm.interactions, tm.followers_at_post
         FROM target_metrics tm JOIN posts p ON p.id = tm.post_id
        WHERE tm.published_at >= $2 AND tm.published_at < $3 AND tm.unit_id IN (SELECT id FROM units WHERE path LIKE $1 || '%')),
     published AS (
       SELECT DISTINCT p.id, p.pillar FROM posts p JOIN post_targets t ON t.post_id = p.id
        WHERE t.status = 'published' AND t.published_at >= $2 AND t.published_at < $3
          AND p.unit_id IN (SELECT id FROM units WHERE path LIKE $1 || '%')),
     keys AS (SELECT key AS pillar FROM pillars UNION SELECT pillar FROM published)
     SELECT k.pillar, coalesce(CASE WHEN $4 = 'en' THEN pl.name_en ELSE pl.name_id END, k.pillar) AS label,
            (SELECT count(*)::int FROM published x WHERE x.pillar = k.pillar) AS posts,
            (SELECT sum(reach)::float8 FROM tm WHERE tm.pillar = k.pillar) AS reach,
            (SELECT sum(views)::float8 FROM tm WHERE tm.pillar = k.pillar) AS views,
            (SELECT coalesce(sum(interactions), 0)::float8 FROM tm WHERE tm.pillar = k.pillar) AS interactions,
            (SELECT sum(interactions)::float8 FROM tm WHERE tm.pillar = k.pillar AND tm.followers_at_post > 0) AS "weighedInteractions",
            (SELECT sum(followers_at_post)::float8 FROM tm WHERE tm.pillar = k.pillar AND tm.followers_at_post > 0) AS "followersAtPost"
       FROM keys k LEFT JOIN pillars pl ON pl.key = k.pillar
      ORDER BY posts DESC, pl.position NULLS LAST, k.pillar`,
    [q.unitPath, q.start, q.end, q.locale],
  );
}
