import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #16. A person's correction of the complaint classifier: the text as classified, whether it is a
 * complaint and its category, who corrected it and when. `npm run aduan:train` adds them to the training
 * part of the labelled set (the latest correction of a text wins).
 */
export class AduanCorrections1765000000000 implements MigrationInterface {
  name = 'AduanCorrections1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE aduan_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        is_complaint boolean NOT NULL,
        category varchar(40),
        corrected_by uuid REFERENCES users(id) ON DELETE SET NULL,
        corrected_at timestamptz NOT NULL DEFAULT now(),
        CHECK (is_complaint OR category IS NULL),
        CHECK (NOT is_complaint OR category IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX aduan_corrections_at_idx ON aduan_corrections(corrected_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE aduan_corrections`);
  }
}
