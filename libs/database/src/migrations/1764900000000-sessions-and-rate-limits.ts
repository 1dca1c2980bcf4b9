import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #13. Sessions: a login starts a family of refresh sessions (each rotation adds one, the same
 * family_id); access tokens name the family, and every authenticated request checks that the family still has
 * a live session (one partial-index lookup), so logout, password change or reset, deactivation and refresh-token
 * reuse end access at once. Rate limits: one row per key (GCRA: the theoretical arrival time), shared by every
 * API process; UNLOGGED, since losing them in a crash only forgives a few requests.
 */
export class SessionsAndRateLimits1764900000000 implements MigrationInterface {
  name = 'SessionsAndRateLimits1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_sessions ADD COLUMN family_id uuid`);
    await q.query(`UPDATE auth_sessions SET family_id = id`);
    await q.query(`ALTER TABLE auth_sessions ALTER COLUMN family_id SET NOT NULL, ALTER COLUMN family_id SET DEFAULT gen_random_uuid()`);
    await q.query(`CREATE INDEX auth_sessions_family_live_idx ON auth_sessions(family_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX login_attempts_email_ip_idx ON login_attempts(email, ip, at DESC)`);
    await q.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key varchar(120) PRIMARY KEY,
        tat timestamptz NOT NULL,
        interval_s float8 NOT NULL,
        window_s float8 NOT NULL,
        allowed boolean NOT NULL DEFAULT true
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits`);
    await q.query(`DROP INDEX login_attempts_email_ip_idx`);
    await q.query(`DROP INDEX auth_sessions_family_live_idx`);
    await q.query(`ALTER TABLE auth_sessions DROP COLUMN family_id`);
  }
}
