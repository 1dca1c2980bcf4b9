import { Queryable } from '../../storage/queryable';

export interface TargetRow {
  unitId: string;
  unitName: string;
  followersTarget: number | null;
  postsTarget: number | null;
  followers: number | null;
  posts: number;
}

/**
 * The unit and its direct children for one month: their targets (unit_targets), subtree followers on the
 * last day with data in the month (unit_daily) and posts with a target published in [start, end).
 */
export async function targetsProgress(db: Queryable, q: { unitId: string; month: string; to: string; start: Date; end: Date }): Promise<TargetRow[]> {
  return db.query(
    `SELECT u.id AS "unitId", u.name AS "unitName", ut.followers_target AS "followersTarget", ut.posts_target AS "postsTarget",
            (SELECT ud.followers::float8 FROM unit_daily ud WHERE ud.unit_id = u.id AND ud.day BETWEEN $2::date AND $3::date
              ORDER BY ud.day DESC LIMIT 1) AS followers,
            (SELECT count(DISTINCT p.id)::int FROM posts p JOIN post_targets t ON t.post_id = p.id JOIN units d ON d.id = p.unit_id
              WHERE d.path LIKE u.path || '%' AND t.status = 'published' AND t.published_at >= $4 AND t.published_at < $5) AS posts
       FROM units u LEFT JOIN unit_targets ut ON ut.unit_id = u.id AND ut.month = $2::date
      WHERE u.id = $1::uuid OR u.parent_id = $1::uuid
      ORDER BY u.id <> $1::uuid, u.name`,
    [q.unitId, q.month, q.to, q.start, q.end],
  );
}

/** Sets a unit's targets for a month; a target left out keeps its value. */
export async function upsertTarget(
  db: Queryable,
  t: { unitId: string; month: string; followersTarget?: number | null; postsTarget?: number | null; setBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO unit_targets AS ut (unit_id, month, followers_target, posts_target, set_by, updated_at)
     VALUES ($1::uuid, $2::date, $3, $4, $5::uuid, now())
     ON CONFLICT (unit_id, month) DO UPDATE SET
       followers_target = CASE WHEN $6 THEN EXCLUDED.followers_target ELSE ut.followers_target END,
       posts_target = CASE WHEN $7 THEN EXCLUDED.posts_target ELSE ut.posts_target END,
       set_by = EXCLUDED.set_by, updated_at = now()`,
    [t.unitId, t.month, t.followersTarget ?? null, t.postsTarget ?? null, t.setBy, t.followersTarget !== undefined, t.postsTarget !== undefined],
  );
}
