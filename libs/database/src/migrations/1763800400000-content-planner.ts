import { MigrationInterface, QueryRunner } from 'typeorm';

/** Pillars (with the five defaults), programs, campaigns, glossary, templates, hashtag sets, iCal feeds. */
export class ContentPlanner1763800400000 implements MigrationInterface {
  name = 'ContentPlanner1763800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pillars (
        key varchar(40) PRIMARY KEY,
        name_id varchar(100) NOT NULL,
        name_en varchar(100) NOT NULL,
        description_id text,
        description_en text,
        color varchar(7) NOT NULL DEFAULT '#607d8b',
        requires_english boolean NOT NULL DEFAULT false,
        position int NOT NULL DEFAULT 0
      )`);
    await q.query(`
      INSERT INTO pillars (key, name_id, name_en, color, requires_english, position) VALUES
        ('cerita_wilayah', 'Cerita wilayah', 'Regional stories', '#8e44ad', false, 1),
        ('program_prioritas', 'Program prioritas', 'Priority programs', '#1565c0', false, 2),
        ('wisata', 'Wisata', 'Tourism', '#2e7d32', true, 3),
        ('layanan_publik', 'Layanan publik', 'Public services', '#ef6c00', false, 4),
        ('tanggap_aduan', 'Tanggap aduan', 'Complaint response', '#c62828', false, 5)`);
    await q.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        key varchar(60) UNIQUE,
        name_id varchar(200) NOT NULL,
        name_en varchar(200),
        description_id text,
        description_en text,
        hashtag varchar(100),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        program_id uuid REFERENCES programs(id) ON DELETE SET NULL,
        name varchar(200) NOT NULL,
        description text,
        starts_on date,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`ALTER TABLE posts ADD CONSTRAINT posts_program_fk FOREIGN KEY (program_id) REFERENCES programs(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE posts ADD CONSTRAINT posts_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX posts_program_idx ON posts(program_id) WHERE program_id IS NOT NULL`);
    await q.query(`CREATE INDEX posts_campaign_idx ON posts(campaign_id) WHERE campaign_id IS NOT NULL`);
    await q.query(`CREATE INDEX post_variants_post_idx ON post_variants(post_id)`);
    // kept by content when variants and targets change, so the calendar reads posts alone (no join per post)
    await q.query(`ALTER TABLE posts ADD COLUMN excerpt varchar(200) NOT NULL DEFAULT '', ADD COLUMN platforms text[] NOT NULL DEFAULT '{}'`);
    // covering index of the calendar: a month of a whole city is one ordered index-only range scan (no heap, no sort)
    await q.query(
      `CREATE INDEX posts_calendar_idx ON posts(scheduled_at, id) INCLUDE (unit_id, status, pillar, program_id, campaign_id, time_zone, version, excerpt, platforms) WHERE status <> 'cancelled'`,
    );
    await q.query(`CREATE INDEX post_media_media_idx ON post_media(media_id)`);
    await q.query(`
      CREATE TABLE glossary_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term_id varchar(200) NOT NULL UNIQUE,
        term_en varchar(200) NOT NULL,
        kind varchar(40),
        id_aliases text[] NOT NULL DEFAULT '{}',
        en_avoid text[] NOT NULL DEFAULT '{}',
        keep_id_in_en boolean NOT NULL DEFAULT false,
        note text
      )`);
    await q.query(`
      CREATE TABLE post_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        pillar varchar(40) REFERENCES pillars(key) ON DELETE SET NULL,
        variants jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX post_templates_unit_idx ON post_templates(unit_id)`);
    await q.query(`
      CREATE TABLE hashtag_sets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        key varchar(60),
        name varchar(200) NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (unit_id, key)
      )`);
    await q.query(`
      CREATE TABLE ical_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX ical_feeds_active_unit ON ical_feeds(unit_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts DROP CONSTRAINT posts_program_fk, DROP CONSTRAINT posts_campaign_fk`);
    await q.query(`DROP INDEX posts_calendar_idx`);
    await q.query(`ALTER TABLE posts DROP COLUMN excerpt, DROP COLUMN platforms`);
    await q.query(`DROP INDEX posts_program_idx, posts_campaign_idx, post_variants_post_idx, post_media_media_idx`);
    for (const t of ['ical_feeds', 'hashtag_sets', 'post_templates', 'glossary_terms', 'campaigns', 'programs', 'pillars']) await q.query(`DROP TABLE ${t}`);
  }
}
