import { MigrationInterface, QueryRunner } from 'typeorm';

const TARGET_STATUSES = `'pending','scheduled','held','publishing','published','failed','missed','cancelled'`;
const ATTEMPT_OUTCOMES = `'started','published','reconciled','failed','retry','abandoned'`;

/**
 * Exactly once through ambiguous answers: per-claim fencing tokens, the `unconfirmed` state, the window of
 * tries whose outcome is unknown, the platform's ids and handles on every attempt, and one target per
 * platform post.
 */
export class ExactlyOnce1763800800000 implements MigrationInterface {
  name = 'ExactlyOnce1763800800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post_targets DROP CONSTRAINT IF EXISTS post_targets_status_check`);
    await q.query(`ALTER TABLE post_targets ADD CONSTRAINT post_targets_status_check CHECK (status IN (${TARGET_STATUSES},'unconfirmed'))`);
    await q.query(`
      ALTER TABLE post_targets
        ADD COLUMN claim_token uuid,
        ADD COLUMN check_since timestamptz,
        ADD COLUMN check_lost_at timestamptz,
        ADD COLUMN unconfirmed_reason varchar(60),
        ADD COLUMN unconfirmed_at timestamptz`);
    // Older rows could carry the same platform id twice only through the bug this fixes: keep the first.
    await q.query(`
      UPDATE post_targets t SET external_id = NULL
      WHERE external_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM post_targets o WHERE o.account_id = t.account_id AND o.external_id = t.external_id
          AND (o.published_at, o.id) < (t.published_at, t.id))`);
    await q.query(`CREATE UNIQUE INDEX post_targets_account_external_uq ON post_targets (account_id, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX post_targets_unconfirmed_idx ON post_targets (account_id) WHERE status = 'unconfirmed' OR needs_reconcile`);
    await q.query(`DROP INDEX post_targets_problem_idx`);
    await q.query(
      `CREATE INDEX post_targets_problem_idx ON post_targets (updated_at DESC) WHERE status IN ('failed','missed','held','unconfirmed') OR stuck_reason IS NOT NULL`,
    );
    await q.query(`ALTER TABLE publish_attempts DROP CONSTRAINT IF EXISTS publish_attempts_outcome_check`);
    await q.query(`ALTER TABLE publish_attempts ALTER COLUMN outcome TYPE varchar(20)`);
    await q.query(
      `ALTER TABLE publish_attempts ADD CONSTRAINT publish_attempts_outcome_check CHECK (outcome IN (${ATTEMPT_OUTCOMES},'unknown','found','absent','pending','unconfirmed','superseded'))`,
    );
    await q.query(`
      ALTER TABLE publish_attempts
        ADD COLUMN kind varchar(10) NOT NULL DEFAULT 'send' CHECK (kind IN ('send','check')),
        ADD COLUMN claim_token uuid,
        ADD COLUMN external_id varchar(200),
        ADD COLUMN external_url varchar(2000),
        ADD COLUMN handles jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE post_targets SET status = 'failed' WHERE status = 'unconfirmed'`);
    await q.query(`DELETE FROM publish_attempts WHERE outcome IN ('unknown','found','absent','pending','unconfirmed','superseded')`);
    await q.query(
      `ALTER TABLE publish_attempts DROP COLUMN kind, DROP COLUMN claim_token, DROP COLUMN external_id, DROP COLUMN external_url, DROP COLUMN handles`,
    );
    await q.query(`ALTER TABLE publish_attempts DROP CONSTRAINT publish_attempts_outcome_check`);
    await q.query(`ALTER TABLE publish_attempts ADD CONSTRAINT publish_attempts_outcome_check CHECK (outcome IN (${ATTEMPT_OUTCOMES}))`);
    await q.query(`DROP INDEX post_targets_unconfirmed_idx`);
    await q.query(`DROP INDEX post_targets_problem_idx`);
    await q.query(
      `CREATE INDEX post_targets_problem_idx ON post_targets (updated_at DESC) WHERE status IN ('failed','missed','held') OR stuck_reason IS NOT NULL`,
    );
    await q.query(`DROP INDEX post_targets_account_external_uq`);
    await q.query(
      `ALTER TABLE post_targets DROP COLUMN claim_token, DROP COLUMN check_since, DROP COLUMN check_lost_at, DROP COLUMN unconfirmed_reason, DROP COLUMN unconfirmed_at`,
    );
    await q.query(`ALTER TABLE post_targets DROP CONSTRAINT post_targets_status_check`);
    await q.query(`ALTER TABLE post_targets ADD CONSTRAINT post_targets_status_check CHECK (status IN (${TARGET_STATUSES}))`);
  }
}
