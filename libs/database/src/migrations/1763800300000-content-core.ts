import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentCore1763800300000 implements MigrationInterface {
  name = 'ContentCore1763800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        kind varchar(10) NOT NULL CHECK (kind IN ('image','video')),
        mime_type varchar(100) NOT NULL,
        bytes bigint NOT NULL,
        width int,
        height int,
        storage_key varchar(300) NOT NULL,
        original_name varchar(300) NOT NULL,
        sha256 varchar(64) NOT NULL,
        alt_text varchar(1000),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX media_unit_idx ON media(unit_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        pillar varchar(40) NOT NULL,
        program_id uuid,
        campaign_id uuid,
        status varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_review','changes_requested','approved','scheduled','publishing','published','partially_failed','failed','cancelled')),
        scheduled_at timestamptz,
        time_zone varchar(64) NOT NULL DEFAULT 'Asia/Jakarta',
        version int NOT NULL DEFAULT 1,
        approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX posts_unit_sched_idx ON posts(unit_id, scheduled_at)`);
    await q.query(`CREATE INDEX posts_sched_idx ON posts(scheduled_at)`);
    await q.query(`CREATE INDEX posts_status_idx ON posts(status)`);
    await q.query(`
      CREATE TABLE post_variants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        language varchar(5) NOT NULL CHECK (language IN ('id','en')),
        platform varchar(20),
        text text NOT NULL,
        hashtags text[] NOT NULL DEFAULT '{}',
        link varchar(2000)
      )`);
    await q.query(`CREATE UNIQUE INDEX post_variants_unique ON post_variants(post_id, language, coalesce(platform, ''))`);
    await q.query(`
      CREATE TABLE post_media (
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        media_id uuid NOT NULL REFERENCES media(id) ON DELETE RESTRICT,
        position int NOT NULL,
        PRIMARY KEY (post_id, media_id)
      )`);
    await q.query(`
      CREATE TABLE post_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES social_accounts(id) ON DELETE RESTRICT,
        language varchar(5) NOT NULL CHECK (language IN ('id','en')),
        scheduled_at timestamptz,
        status varchar(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','scheduled','held','publishing','published','failed','missed','cancelled')),
        stuck_reason text,
        external_id varchar(200),
        external_url varchar(2000),
        published_at timestamptz,
        attempt_count int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error_class varchar(20),
        last_error_message text,
        fingerprint varchar(64),
        idempotency_key varchar(100) NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (post_id, account_id)
      )`);
    await q.query(`CREATE INDEX post_targets_due_idx ON post_targets(scheduled_at) WHERE status IN ('scheduled','held','publishing')`);
    await q.query(`CREATE INDEX post_targets_account_idx ON post_targets(account_id, scheduled_at)`);
    await q.query(`
      CREATE TABLE publish_attempts (
        id bigserial PRIMARY KEY,
        target_id uuid NOT NULL REFERENCES post_targets(id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        worker varchar(100) NOT NULL,
        outcome varchar(20) NOT NULL DEFAULT 'started' CHECK (outcome IN ('started','published','reconciled','failed','retry','abandoned')),
        http_status int,
        error_class varchar(20),
        platform_message text
      )`);
    await q.query(`CREATE INDEX publish_attempts_target_idx ON publish_attempts(target_id, started_at)`);
    await q.query(`
      CREATE TABLE post_history (
        id bigserial PRIMARY KEY,
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action varchar(40) NOT NULL,
        from_status varchar(20),
        to_status varchar(20),
        comment text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX post_history_post_idx ON post_history(post_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['post_history', 'publish_attempts', 'post_targets', 'post_media', 'post_variants', 'posts', 'media']) await q.query(`DROP TABLE ${t}`);
  }
}
