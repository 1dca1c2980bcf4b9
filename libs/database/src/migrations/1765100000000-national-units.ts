import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = `'kota','kabupaten','kecamatan','kelurahan','desa','opd','bumd','puskesmas'`;
const KINDS = `'nasional','provinsi',${OLD_KINDS}`;

/**
 * Issue #17: one installation for a city, a province or the country.
 * - Units gain the kinds `provinsi` and `nasional` (the country's root, which holds the ministry and the
 *   national admins); the CHECK of the first migration is replaced, not edited. An index on (kind, path) keeps
 *   "the units of these kinds under this parent" a range scan in a tree of 90,000 units.
 * - Leaderboards rank a month of posts by unit subtree. A province publishes ~85,000 posts a month, the country
 *   ~1 M: reading them through post_targets → posts cost seconds. Each post now carries `first_published_at`
 *   (its first published target's time, kept by a statement trigger on post_targets, whoever writes it), and
 *   posts and target_metrics get indexes that answer "this unit's posts/metrics in this range" from the index
 *   alone (unit first), or "this range's posts/metrics" (time first) for the country's top levels.
 */
export class NationalUnits1765100000000 implements MigrationInterface {
  name = 'NationalUnits1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units DROP CONSTRAINT IF EXISTS units_kind_check`);
    await q.query(`ALTER TABLE units ADD CONSTRAINT units_kind_check CHECK (kind IN (${KINDS}))`);
    await q.query(`CREATE INDEX units_kind_path_idx ON units(kind, path text_pattern_ops)`);

    await q.query(`ALTER TABLE posts ADD COLUMN first_published_at timestamptz`);
    await q.query(`
      UPDATE posts p SET first_published_at = x.at
        FROM (SELECT post_id, min(published_at) AS at FROM post_targets WHERE status = 'published' GROUP BY post_id) x
       WHERE x.post_id = p.id`);
    await q.query(`
      CREATE FUNCTION kabar_posts_first_published() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- new targets can only bring the first publication earlier: no need to read the post's other targets
          UPDATE posts p SET first_published_at = least(p.first_published_at, x.at)
            FROM (SELECT post_id, min(published_at) AS at FROM new_rows WHERE status = 'published' AND published_at IS NOT NULL GROUP BY post_id) x
           WHERE p.id = x.post_id AND p.first_published_at IS DISTINCT FROM least(p.first_published_at, x.at);
          RETURN NULL;
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT array_agg(DISTINCT x.post_id) INTO ids FROM (
            SELECT n.post_id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.status, n.published_at, n.post_id) IS DISTINCT FROM (o.status, o.published_at, o.post_id)
            UNION ALL
            SELECT o.post_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.post_id IS DISTINCT FROM o.post_id) x;
        ELSE
          SELECT array_agg(DISTINCT post_id) INTO ids FROM old_rows WHERE status = 'published';
        END IF;
        IF ids IS NULL THEN
          RETURN NULL;
        END IF;
        UPDATE posts p SET first_published_at = f.at
          FROM (SELECT i.id, min(t.published_at) FILTER (WHERE t.status = 'published') AS at
                  FROM unnest(ids) AS i(id) LEFT JOIN post_targets t ON t.post_id = i.id
                 GROUP BY i.id) f
         WHERE p.id = f.id AND p.first_published_at IS DISTINCT FROM f.at;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER post_targets_first_published_ins AFTER INSERT ON post_targets
                     REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kabar_posts_first_published()`);
    await q.query(`CREATE TRIGGER post_targets_first_published_upd AFTER UPDATE ON post_targets
                     REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kabar_posts_first_published()`);
    await q.query(`CREATE TRIGGER post_targets_first_published_del AFTER DELETE ON post_targets
                     REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kabar_posts_first_published()`);
    await q.query(
      `CREATE INDEX posts_unit_first_published_idx ON posts(unit_id, first_published_at) INCLUDE (program_id) WHERE first_published_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX posts_first_published_idx ON posts(first_published_at) INCLUDE (unit_id, program_id) WHERE first_published_at IS NOT NULL`);

    await q.query(`DROP INDEX target_metrics_unit_idx`);
    await q.query(`CREATE INDEX target_metrics_unit_idx ON target_metrics(unit_id, published_at) INCLUDE (interactions, followers_at_post)`);
    await q.query(`DROP INDEX target_metrics_published_idx`);
    await q.query(`CREATE INDEX target_metrics_published_idx ON target_metrics(published_at) INCLUDE (unit_id, interactions, followers_at_post)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX target_metrics_published_idx`);
    await q.query(`CREATE INDEX target_metrics_published_idx ON target_metrics(published_at)`);
    await q.query(`DROP INDEX target_metrics_unit_idx`);
    await q.query(`CREATE INDEX target_metrics_unit_idx ON target_metrics(unit_id, published_at)`);
    await q.query(`DROP INDEX posts_first_published_idx`);
    await q.query(`DROP INDEX posts_unit_first_published_idx`);
    for (const t of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER post_targets_first_published_${t} ON post_targets`);
    await q.query(`DROP FUNCTION kabar_posts_first_published()`);
    await q.query(`ALTER TABLE posts DROP COLUMN first_published_at`);
    await q.query(`DROP INDEX units_kind_path_idx`);
    await q.query(`ALTER TABLE units DROP CONSTRAINT units_kind_check`);
    await q.query(`ALTER TABLE units ADD CONSTRAINT units_kind_check CHECK (kind IN (${OLD_KINDS})) NOT VALID`);
  }
}
