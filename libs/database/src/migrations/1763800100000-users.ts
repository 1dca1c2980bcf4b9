import { MigrationInterface, QueryRunner } from 'typeorm';

export class Users1763800100000 implements MigrationInterface {
  name = 'Users1763800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL UNIQUE,
        name varchar(120) NOT NULL,
        locale varchar(5) NOT NULL DEFAULT 'id' CHECK (locale IN ('id','en')),
        time_zone varchar(64),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        session_version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        role varchar(20) NOT NULL CHECK (role IN ('admin','reviewer','viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, unit_id, role)
      )`);
    await q.query(`CREATE INDEX memberships_unit_idx ON memberships(unit_id)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        actor_email varchar(254),
        action varchar(80) NOT NULL,
        object_type varchar(40) NOT NULL,
        object_id varchar(80),
        unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
        ip varchar(64),
        user_agent varchar(300),
        request_id varchar(100),
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log(at DESC)`);
    await q.query(`CREATE INDEX audit_log_object_idx ON audit_log(object_type, object_id)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log(actor_id, at DESC)`);
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL UNIQUE,
        session_version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        rotated_at timestamptz,
        ip varchar(64),
        user_agent varchar(300)
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions(user_id)`);
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        email varchar(254) NOT NULL,
        ip varchar(64) NOT NULL,
        success boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts(email, at DESC)`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts(ip, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['login_attempts', 'password_resets', 'auth_sessions', 'audit_log', 'memberships', 'users']) await q.query(`DROP TABLE ${t}`);
  }
}
