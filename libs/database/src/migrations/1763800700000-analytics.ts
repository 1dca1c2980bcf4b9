import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analytics storage (see libs/analytics/README.md):
 * - raw series partitioned by month: account_snapshots (re-created partitioned), post_metrics;
 *   `kabar_ensure_month_partitions(table, from, to)` creates the monthly partitions (the app calls it ahead);
 * - daily rollups in the unit's zone: account_daily (per account), unit_daily (per unit, its whole subtree);
 * - target_metrics: the latest metrics of each published target, with followers at the time of the post;
 * - unit_targets: follower and posting targets per unit per month;
 * - collection bookkeeping on social_accounts and post_targets.
 */
/** The columns of account_snapshots (as migration 1763800600000 made them), partitioned in up, plain in down. */
const SNAPSHOT_COLUMNS = `
  account_id uuid NOT NULL REFERENCES social_accounts(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  followers int NOT NULL,
  following int,
  posts int,
  raw jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (account_id, at)`;

/** A post's counters, as read (post_metrics) and as last known (target_metrics); null = the platform does not give it. */
const COUNTER_COLUMNS = `likes int, comments int, shares int, views int, impressions int, reach int`;

export class Analytics1763800700000 implements MigrationInterface {
  name = 'Analytics1763800700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kabar_ensure_month_partitions(parent text, from_day date, to_day date) RETURNS int
      LANGUAGE plpgsql AS $$
      DECLARE
        m date := date_trunc('month', from_day)::date;
        created int := 0;
        part text;
      BEGIN
        WHILE m <= to_day LOOP
          part := parent || '_' || to_char(m, 'YYYYMM');
          IF to_regclass(part) IS NULL THEN
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                           part, parent, m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
          END IF;
          m := (m + interval '1 month')::date;
        END LOOP;
        RETURN created;
      END $$`);

    // account_snapshots was a plain table: re-create it partitioned and keep its rows.
    await q.query(`ALTER TABLE account_snapshots RENAME TO account_snapshots_old`);
    await q.query(`ALTER TABLE account_snapshots_old RENAME CONSTRAINT account_snapshots_pkey TO account_snapshots_old_pkey`);
    await q.query(`
      CREATE TABLE account_snapshots (${SNAPSHOT_COLUMNS}) PARTITION BY RANGE (at)`);
    await q.query(
      `SELECT kabar_ensure_month_partitions('account_snapshots', coalesce((SELECT min(at) FROM account_snapshots_old)::date, now()::date), (now() + interval '3 months')::date)`,
    );
    await q.query(`INSERT INTO account_snapshots SELECT account_id, at, followers, following, posts, raw FROM account_snapshots_old`);
    await q.query(`DROP TABLE account_snapshots_old`);

    await q.query(`
      CREATE TABLE post_metrics (
        target_id uuid NOT NULL REFERENCES post_targets(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        ${COUNTER_COLUMNS},
        PRIMARY KEY (target_id, at)
      ) PARTITION BY RANGE (at)`);
    await q.query(`SELECT kabar_ensure_month_partitions('post_metrics', now()::date, (now() + interval '3 months')::date)`);

    await q.query(`
      CREATE TABLE account_daily (
        account_id uuid NOT NULL REFERENCES social_accounts(id) ON DELETE CASCADE,
        day date NOT NULL,
        followers_first int NOT NULL,
        followers_last int NOT NULL,
        followers_min int NOT NULL,
        followers_max int NOT NULL,
        following_last int,
        posts_last int,
        snapshots int NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, day)
      )`);
    await q.query(`CREATE INDEX account_daily_day_idx ON account_daily(day)`);
    await q.query(`
      CREATE TABLE unit_daily (
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        day date NOT NULL,
        followers bigint NOT NULL,
        accounts int NOT NULL,
        own_followers bigint NOT NULL,
        own_accounts int NOT NULL,
        PRIMARY KEY (unit_id, day)
      )`);

    await q.query(`
      CREATE TABLE target_metrics (
        target_id uuid PRIMARY KEY REFERENCES post_targets(id) ON DELETE CASCADE,
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES social_accounts(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        platform varchar(20) NOT NULL,
        published_at timestamptz NOT NULL,
        followers_at_post int,
        ${COUNTER_COLUMNS},
        interactions int GENERATED ALWAYS AS (coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0)) STORED,
        collected_at timestamptz NOT NULL,
        collections int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX target_metrics_unit_idx ON target_metrics(unit_id, published_at)`);
    await q.query(`CREATE INDEX target_metrics_account_idx ON target_metrics(account_id, published_at)`);
    await q.query(`CREATE INDEX target_metrics_published_idx ON target_metrics(published_at)`);

    await q.query(`
      CREATE TABLE unit_targets (
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        followers_target int CHECK (followers_target >= 0),
        posts_target int CHECK (posts_target >= 0),
        set_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_id, month)
      )`);

    await q.query(`DROP INDEX social_accounts_sync_idx`);
    await q.query(`
      ALTER TABLE social_accounts
        ADD COLUMN snapshot_period bigint,
        ADD COLUMN snapshot_enqueued_period bigint,
        ADD COLUMN last_snapshot_at timestamptz,
        ADD COLUMN collection_error text,
        ADD COLUMN collection_error_at timestamptz,
        ADD COLUMN collection_failures int NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX social_accounts_snapshot_idx ON social_accounts(snapshot_enqueued_period NULLS FIRST) WHERE status = 'active'`);
    await q.query(`ALTER TABLE post_targets ADD COLUMN metrics_due_at timestamptz, ADD COLUMN metrics_enqueued_at timestamptz`);
    await q.query(`CREATE INDEX post_targets_metrics_due_idx ON post_targets(metrics_due_at) WHERE metrics_due_at IS NOT NULL`);
    await q.query(`CREATE INDEX post_targets_published_idx ON post_targets(published_at) WHERE status = 'published'`);
    await q.query(`UPDATE post_targets SET metrics_due_at = now() WHERE status = 'published' AND published_at > now() - interval '90 days'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX post_targets_published_idx`);
    await q.query(`DROP INDEX post_targets_metrics_due_idx`);
    await q.query(`ALTER TABLE post_targets DROP COLUMN metrics_due_at, DROP COLUMN metrics_enqueued_at`);
    await q.query(`DROP INDEX social_accounts_snapshot_idx`);
    await q.query(`
      ALTER TABLE social_accounts DROP COLUMN snapshot_period, DROP COLUMN snapshot_enqueued_period, DROP COLUMN last_snapshot_at,
        DROP COLUMN collection_error, DROP COLUMN collection_error_at, DROP COLUMN collection_failures`);
    await q.query(`CREATE INDEX social_accounts_sync_idx ON social_accounts(last_synced_at NULLS FIRST) WHERE status = 'active'`);
    for (const t of ['unit_targets', 'target_metrics', 'unit_daily', 'account_daily', 'post_metrics']) await q.query(`DROP TABLE ${t}`);
    await q.query(`
      CREATE TABLE account_snapshots_plain (${SNAPSHOT_COLUMNS})`);
    await q.query(`INSERT INTO account_snapshots_plain SELECT * FROM account_snapshots`);
    await q.query(`DROP TABLE account_snapshots`);
    await q.query(`ALTER TABLE account_snapshots_plain RENAME TO account_snapshots`);
    await q.query(`ALTER TABLE account_snapshots RENAME CONSTRAINT account_snapshots_plain_pkey TO account_snapshots_pkey`);
    await q.query(`DROP FUNCTION kabar_ensure_month_partitions(text, date, date)`);
  }
}
