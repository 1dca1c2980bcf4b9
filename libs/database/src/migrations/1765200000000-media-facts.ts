import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #13: uploads are identified by a parser, which also reads a video's duration (mvhd); kept in milliseconds. */
export class MediaFacts1765200000000 implements MigrationInterface {
  name = 'MediaFacts1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE media ADD COLUMN duration_ms int CHECK (duration_ms >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE media DROP COLUMN duration_ms`);
  }
}
