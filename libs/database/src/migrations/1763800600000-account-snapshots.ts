import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountSnapshots1763800600000 implements MigrationInterface {
  name = 'AccountSnapshots1763800600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_snapshots (
        account_id uuid NOT NULL REFERENCES social_accounts(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        followers int NOT NULL,
        following int,
        posts int,
        raw jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (account_id, at)
      )`);
    await q.query(`CREATE INDEX social_accounts_sync_idx ON social_accounts(last_synced_at NULLS FIRST) WHERE status = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX social_accounts_sync_idx`);
    await q.query(`DROP TABLE account_snapshots`);
  }
}
