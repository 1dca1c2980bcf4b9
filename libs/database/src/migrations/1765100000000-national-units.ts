import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = `'kota','kabupaten','kecamatan','kelurahan','desa','opd','bumd','puskesmas'`;
const KINDS = `'nasional','provinsi',${OLD_KINDS}`;

/**
 * Issue #17: one installation for a city, a province or the country. Units gain the kinds `provinsi` and
 * `nasional` (the country's root, which holds the ministry and the national admins); the CHECK of the first
 * migration is replaced, not edited. The leaderboard ranks units of some kinds under a parent: an index on
 * (kind, path) keeps that a range scan when the tree has 90,000 units.
 */
export class NationalUnits1765100000000 implements MigrationInterface {
  name = 'NationalUnits1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units DROP CONSTRAINT IF EXISTS units_kind_check`);
    await q.query(`ALTER TABLE units ADD CONSTRAINT units_kind_check CHECK (kind IN (${KINDS}))`);
    await q.query(`CREATE INDEX units_kind_path_idx ON units(kind, path text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX units_kind_path_idx`);
    await q.query(`ALTER TABLE units DROP CONSTRAINT units_kind_check`);
    await q.query(`ALTER TABLE units ADD CONSTRAINT units_kind_check CHECK (kind IN (${OLD_KINDS})) NOT VALID`);
  }
}
