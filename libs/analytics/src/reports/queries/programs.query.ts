import { Queryable } from '../../storage/queryable';

export interface ProgramRow {
  programId: string;
  name: string;
  priority: boolean;
  posts: number;
  reach: number | null;
  views: number | null;
  interactions: number;
  /** Interactions of the posts with a known followers_at_post: the engagement rate's numerator. */
  weighedInteractions: number | null;
  followersAtPost: number | null;
}

/**
 * Per program the unit works with (active programs of the unit, its ancestors or its subtree, plus any
 * program its posts carried): posts published in [start, end) and their targets' latest metrics.
 * `priority` = a city-wide program (owned by the root: the mayor's program prioritas).
 */
export async function programPerformance(db: Queryable, q: { unitPath: string; start: Date; end: Date; locale: 'id' | 'en' }): Promise<ProgramRow[]> {
  return db.query(
    `WITH published AS (
       SELECT DISTINCT p.id, p.program_id FROM posts p JOIN post_targets t ON t.post_id = p.id
        WHERE t.status = 'published' AND t.published_at >= $2 AND t.published_at < $3 AND p.program_id IS NOT NULL
          AND p.unit_id IN (SELECT id FROM units WHERE path LIKE $1 || '%')),
     tm AS (
       SELECT p.program_id, tm.reach, tm.views, tm.interactions, tm.followers_at_post
         FROM target_metrics tm JOIN posts p ON p.id = tm.post_id
        WHERE tm.published_at >= $2 AND tm.published_at < $3 AND p.program_id IS NOT NULL
          AND tm.unit_id IN (SELECT id FROM units WHERE path LIKE $1 || '%')),
     progs AS (
       SELECT pr.id FROM programs pr JOIN units pu ON pu.id = pr.unit_id
        WHERE pr.active AND ($1 LIKE pu.path || '%' OR pu.path LIKE $1 || '%')
       UNION SELECT program_id FROM published)
     SELECT pr.id AS "programId", CASE WHEN $4 = 'en' THEN coalesce(pr.name_en, pr.name_id) ELSE pr.name_id END AS name,
            (pu.parent_id IS NULL) AS priority,
            (SELECT count(*)::int FROM published x WHERE x.program_id = pr.id) AS posts,
            (SELECT sum(reach)::float8 FROM tm WHERE tm.program_id = pr.id) AS reach,
            (SELECT sum(views)::float8 FROM tm WHERE tm.program_id = pr.id) AS views,
            (SELECT coalesce(sum(interactions), 0)::float8 FROM tm WHERE tm.program_id = pr.id) AS interactions,
            (SELECT sum(interactions)::float8 FROM tm WHERE tm.program_id = pr.id AND tm.followers_at_post > 0) AS "weighedInteractions",
            (SELECT sum(followers_at_post)::float8 FROM tm WHERE tm.program_id = pr.id AND tm.followers_at_post > 0) AS "followersAtPost"
       FROM progs g JOIN programs pr ON pr.id = g.id JOIN units pu ON pu.id = pr.unit_id
      ORDER BY posts DESC, name, pr.id`,
    [q.unitPath, q.start, q.end, q.locale],
  );
}
