import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #16, replies to citizens. A reply is published by the exactly-once engine like any post: a post of kind
 * `reply` (pillar `tanggap_aduan`, no review) with one target on the comment's account, whose `reply_to` names what it
 * answers on the platform (the comment's id, its post, the Telegram discussion group, the citizen's handle).
 * `aduan_replies` ties the reply to the comment, with its text, language, template and author; its status is the
 * target's. The same text twice to the same comment is refused (a double click is not a second reply).
 */
export class AduanReplies1765500000000 implements MigrationInterface {
  name = 'AduanReplies1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts ADD COLUMN kind varchar(10) NOT NULL DEFAULT 'post' CHECK (kind IN ('post', 'reply'))`);
    await q.query(`ALTER TABLE post_targets ADD COLUMN reply_to jsonb`);
    await q.query(`
      CREATE TABLE aduan_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES aduan_comments(id) ON DELETE CASCADE,
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        target_id uuid NOT NULL REFERENCES post_targets(id) ON DELETE CASCADE,
        text text NOT NULL,
        language varchar(5) NOT NULL CHECK (language IN ('id', 'en')),
        template_key varchar(60),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz
      )`);
    await q.query(`CREATE INDEX aduan_replies_comment_idx ON aduan_replies(comment_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX aduan_replies_same_text_uq ON aduan_replies(comment_id, md5(text))`);
    await q.query(`CREATE UNIQUE INDEX aduan_replies_target_uq ON aduan_replies(target_id)`);
    // A reply is not a publication of the unit: its post never gets a first publication time, so the leaderboards and
    // reports that count posts by first_published_at leave it out (the statement trigger on post_targets sets it).
    await q.query(`
      CREATE FUNCTION kabar_reply_posts_unpublished() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.first_published_at := NULL;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER posts_reply_first_published BEFORE UPDATE OF first_published_at ON posts
      FOR EACH ROW WHEN (NEW.kind = 'reply' AND NEW.first_published_at IS NOT NULL) EXECUTE FUNCTION kabar_reply_posts_unpublished()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER posts_reply_first_published ON posts`);
    await q.query(`DROP FUNCTION kabar_reply_posts_unpublished()`);
    await q.query(`DROP TABLE aduan_replies`);
    await q.query(`ALTER TABLE post_targets DROP COLUMN reply_to`);
    await q.query(`ALTER TABLE posts DROP COLUMN kind`);
  }
}
