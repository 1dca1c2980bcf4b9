import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1763800200000 implements MigrationInterface {
  name = 'Accounts1763800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE social_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        platform varchar(20) NOT NULL CHECK (platform IN ('facebook','instagram','x','telegram','mastodon','tiktok','youtube','threads')),
        external_id varchar(200) NOT NULL,
        handle varchar(200),
        display_name varchar(200),
        status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active','needs_reconnect','disabled')),
        status_reason text,
        credentials_enc text NOT NULL,
        token_expires_at timestamptz,
        has_refresh_token boolean NOT NULL DEFAULT false,
        followers int,
        sandbox boolean NOT NULL DEFAULT false,
        connected_by uuid REFERENCES users(id) ON DELETE SET NULL,
        connected_at timestamptz NOT NULL DEFAULT now(),
        last_synced_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (platform, external_id)
      )`);
    await q.query(`CREATE INDEX social_accounts_unit_idx ON social_accounts(unit_id)`);
    await q.query(`
      CREATE TABLE oauth_states (
        state varchar(100) PRIMARY KEY,
        platform varchar(20) NOT NULL,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        account_id uuid REFERENCES social_accounts(id) ON DELETE CASCADE,
        code_verifier_enc text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oauth_states`);
    await q.query(`DROP TABLE social_accounts`);
  }
}
