import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing: the lease a worker holds on a target while it publishes, what the dispatcher last
 * enqueued for it, and in-app notifications (one row per recipient).
 */
export class Publishing1763800500000 implements MigrationInterface {
  name = 'Publishing1763800500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE post_targets
        ADD COLUMN lease_owner varchar(100),
        ADD COLUMN lease_until timestamptz,
        ADD COLUMN queued_for timestamptz,
        ADD COLUMN queued_at timestamptz,
        ADD COLUMN queue_seq int NOT NULL DEFAULT 0,
        ADD COLUMN stuck_at timestamptz,
        ADD COLUMN needs_reconcile boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX post_targets_sched_due_idx ON post_targets ((coalesce(next_attempt_at, scheduled_at))) WHERE status = 'scheduled'`);
    await q.query(`CREATE INDEX post_targets_lease_idx ON post_targets (lease_until) WHERE status = 'publishing'`);
    await q.query(
      `CREATE INDEX post_targets_problem_idx ON post_targets (updated_at DESC) WHERE status IN ('failed','missed','held') OR stuck_reason IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        unit_id uuid REFERENCES units(id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        message_key varchar(120) NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        post_id uuid REFERENCES posts(id) ON DELETE CASCADE,
        target_id uuid REFERENCES post_targets(id) ON DELETE CASCADE,
        account_id uuid REFERENCES social_accounts(id) ON DELETE CASCADE,
        dedupe_key varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP INDEX post_targets_problem_idx`);
    await q.query(`DROP INDEX post_targets_lease_idx`);
    await q.query(`DROP INDEX post_targets_sched_due_idx`);
    await q.query(
      `ALTER TABLE post_targets DROP COLUMN lease_owner, DROP COLUMN lease_until, DROP COLUMN queued_for, DROP COLUMN queued_at, DROP COLUMN queue_seq, DROP COLUMN stuck_at, DROP COLUMN needs_reconcile`,
    );
  }
}
