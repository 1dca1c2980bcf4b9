import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) UNIQUE,
        name varchar(200) NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('kota','kabupaten','kecamatan','kelurahan','desa','opd','bumd','puskesmas')),
        parent_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        path text NOT NULL,
        time_zone varchar(64) NOT NULL DEFAULT 'Asia/Jakarta',
        review_required boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX units_parent_idx ON units(parent_id)`);
    await q.query(`CREATE INDEX units_path_idx ON units(path text_pattern_ops)`);
    await q.query(`
      CREATE TABLE app_settings (
        key varchar(100) PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_settings`);
    await q.query(`DROP TABLE units`);
  }
}
