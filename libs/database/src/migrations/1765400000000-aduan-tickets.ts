import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #16, handling. One ticket per complaint comment (`aduan_tickets`, UNIQUE comment_id) with a human number
 * (ADU-2026-000123, a sequence per year), its state (baru → terverifikasi → didisposisikan → ditindaklanjuti →
 * selesai; exits bukan_aduan, bukan_wewenang, arsip), where it is routed (OPD, kelurahan of the place, the
 * account's unit), its response target (due_at, working time in the unit's zone) and escalation level; and who did
 * what and when (`aduan_ticket_events`). Every state move is a conditional UPDATE on (id, version).
 */
export class AduanTickets1765400000000 implements MigrationInterface {
  name = 'AduanTickets1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE aduan_ticket_numbers (
        year int PRIMARY KEY,
        last int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE aduan_tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(20) NOT NULL UNIQUE,
        comment_id uuid NOT NULL UNIQUE REFERENCES aduan_comments(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES social_accounts(id) ON DELETE CASCADE,
        platform varchar(20) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'baru' CHECK (status IN ('baru', 'terverifikasi', 'didisposisikan', 'ditindaklanjuti', 'selesai', 'bukan_aduan', 'bukan_wewenang', 'arsip')),
        category varchar(40),
        agency_unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
        place_unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
        account_unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        forwarded_to text,
        time_zone varchar(64) NOT NULL,
        opened_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        first_answered_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        escalation_level smallint NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX aduan_tickets_opened_idx ON aduan_tickets(opened_at DESC, id DESC)`);
    await q.query(`CREATE INDEX aduan_tickets_agency_idx ON aduan_tickets(agency_unit_id)`);
    await q.query(`CREATE INDEX aduan_tickets_place_idx ON aduan_tickets(place_unit_id)`);
    await q.query(`CREATE INDEX aduan_tickets_account_unit_idx ON aduan_tickets(account_unit_id)`);
    await q.query(`CREATE INDEX aduan_tickets_unanswered_idx ON aduan_tickets(due_at) WHERE first_answered_at IS NULL`);
    await q.query(`
      CREATE TABLE aduan_ticket_events (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES aduan_tickets(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action varchar(30) NOT NULL,
        from_status varchar(20),
        to_status varchar(20),
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX aduan_ticket_events_ticket_idx ON aduan_ticket_events(ticket_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE aduan_ticket_events`);
    await q.query(`DROP TABLE aduan_tickets`);
    await q.query(`DROP TABLE aduan_ticket_numbers`);
  }
}
