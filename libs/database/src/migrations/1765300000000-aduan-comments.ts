import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #16. Citizens' comments, replies, mentions and messages collected from the platforms (one row per platform
 * item, deduplicated by the account and the platform's id), with how the classifier read them; and a cursor per
 * account and scope (a post's comments, the account's mentions, a discussion group) so collection is incremental.
 * Tickets, replies and their history are built on these rows by later migrations.
 */
export class AduanComments1765300000000 implements MigrationInterface {
  name = 'AduanComments1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE aduan_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES social_accounts(id) ON DELETE CASCADE,
        platform varchar(20) NOT NULL,
        external_id varchar(200) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('comment', 'reply', 'mention', 'message')),
        post_external_id varchar(200),
        post_target_id uuid REFERENCES post_targets(id) ON DELETE SET NULL,
        parent_external_id varchar(200),
        author_handle varchar(200) NOT NULL,
        author_name varchar(200),
        author_external_id varchar(200),
        text text NOT NULL,
        url text,
        written_at timestamptz NOT NULL,
        collected_at timestamptz NOT NULL DEFAULT now(),
        is_complaint boolean,
        score real,
        category varchar(40),
        agency_unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
        place_unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
        reasons jsonb NOT NULL DEFAULT '[]',
        model_version varchar(40),
        classified_at timestamptz,
        UNIQUE (account_id, external_id)
      )`);
    await q.query(`CREATE INDEX aduan_comments_written_idx ON aduan_comments(account_id, written_at DESC)`);
    await q.query(`CREATE INDEX aduan_comments_unclassified_idx ON aduan_comments(collected_at) WHERE classified_at IS NULL`);
    await q.query(`
      CREATE TABLE aduan_cursors (
        account_id uuid NOT NULL REFERENCES social_accounts(id) ON DELETE CASCADE,
        scope varchar(220) NOT NULL,
        cursor text,
        last_seen_at timestamptz,
        checked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, scope)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE aduan_cursors`);
    await q.query(`DROP TABLE aduan_comments`);
  }
}
