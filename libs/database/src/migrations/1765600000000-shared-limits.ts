import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #14. Limits and budgets shared by every worker process (libs/platforms/src/shared-limits):
 * - limit_slots: per-account concurrency, one row per slot, leased (a killed worker's slot frees itself);
 * - limit_buckets: token buckets (per-platform and per-account rates, the platforms' posts per rolling 24 h);
 * - limit_quota_days: units spent per calendar day of a quota (YouTube's daily units per project);
 * - limit_holds: "no calls before" per app or account, from the platforms' rate headers;
 * - post_targets.budget_wait: why a target waits (the budget it did not fit), shown on the target.
 */
export class SharedLimits1765600000000 implements MigrationInterface {
  name = 'SharedLimits1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE limit_slots (
        key varchar(300) NOT NULL,
        slot int NOT NULL,
        holder uuid,
        lease_until timestamptz NOT NULL DEFAULT '-infinity',
        PRIMARY KEY (key, slot)
      )`);
    await q.query(`
      CREATE TABLE limit_buckets (
        key varchar(300) PRIMARY KEY,
        tokens double precision NOT NULL,
        refilled_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE limit_quota_days (
        key varchar(300) NOT NULL,
        day date NOT NULL,
        units int NOT NULL DEFAULT 0,
        PRIMARY KEY (key, day)
      )`);
    await q.query(`
      CREATE TABLE limit_holds (
        key varchar(300) PRIMARY KEY,
        until timestamptz NOT NULL,
        reason varchar(200) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE post_targets ADD COLUMN budget_wait varchar(60)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post_targets DROP COLUMN budget_wait`);
    await q.query(`DROP TABLE limit_holds`);
    await q.query(`DROP TABLE limit_quota_days`);
    await q.query(`DROP TABLE limit_buckets`);
    await q.query(`DROP TABLE limit_slots`);
  }
}
