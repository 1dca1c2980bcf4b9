import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { slaConfigFor } from '../sla/sla-config';
import { returnedRows } from '../tickets/returned-rows';
import { OPEN_STATUSES } from '../tickets/ticket-states';

const HOUR = 3_600_000;

export interface Escalated {
  ticketId: string;
  level: 1 | 2;
  /** Admins told (0 when the unit has none: the event still records the escalation). */
  notified: number;
}

/**
 * Overdue tickets (no first answer, past their due time) are escalated once per level, as the city's complaint
 * desk does: after 24 h to the admins of the OPD it is routed to (else of its kelurahan, else of the account's
 * unit), after 48 h to Diskominfo (the admins of the city, the root unit). Each level is one conditional UPDATE
 * (escalation_level below it) with its event and notifications in the same transaction, so a second run, another
 * worker or a retried job escalates nothing twice.
 */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger('aduan.escalation');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async escalateDue(now: Date): Promise<Escalated[]> {
    const candidates: any[] = await this.ds.query(
      `SELECT t.id, t.number, t.category, t.due_at, t.escalation_level, t.agency_unit_id, t.place_unit_id, t.account_unit_id, t.account_id,
              split_part(u.path, '/', 1) AS root_id, r.code AS root_code
       FROM aduan_tickets t JOIN units u ON u.id = t.account_unit_id LEFT JOIN units r ON r.id::text = split_part(u.path, '/', 1)
       WHERE t.first_answered_at IS NULL AND t.status = ANY ($1::text[]) AND t.escalation_level < 2 AND t.due_at < $2
       ORDER BY t.due_at LIMIT 1000`,
      [OPEN_STATUSES, now],
    );
    const out: Escalated[] = [];
    for (const t of candidates) {
      const [first, second] = slaConfigFor(t.root_code).escalateAfterHours;
      const late = now.getTime() - new Date(t.due_at).getTime();
      const reached = late >= second * HOUR ? 2 : late >= first * HOUR ? 1 : 0;
      for (let level = t.escalation_level + 1; level <= reached; level++) {
        const done = await this.escalate(t, level as 1 | 2, level === 1 ? first : second, now);
        if (done) out.push(done);
      }
    }
    if (out.length) this.logger.log({ msg: 'tickets escalated', count: out.length });
    return out;
  }

  private escalate(t: any, level: 1 | 2, hours: number, now: Date): Promise<Escalated | null> {
    return this.ds.transaction(async (em) => {
      const [row] = returnedRows(
        await em.query(
          `UPDATE aduan_tickets SET escalation_level = $2, version = version + 1, updated_at = now()
         WHERE id = $1 AND escalation_level < $2 AND first_answered_at IS NULL AND status = ANY ($3::text[]) RETURNING status`,
          [t.id, level, OPEN_STATUSES],
        ),
      );
      if (!row) return null;
      const target = level === 1 ? (t.agency_unit_id ?? t.place_unit_id ?? t.account_unit_id) : t.root_id;
      const notified = await this.notify(em, t, level, target, hours);
      await em.query(`INSERT INTO aduan_ticket_events (ticket_id, action, from_status, to_status, data, at) VALUES ($1, 'escalated', $2, $2, $3, $4)`, [
        t.id,
        row.status,
        JSON.stringify({ level, unitId: target, notified, hours }),
        now,
      ]);
      return { ticketId: t.id, level, notified };
    });
  }

  /** In-app notifications (the existing table and bell): level 1 to the admins of the unit's subtree, level 2 to the city's admins. */
  private async notify(em: EntityManager, t: any, level: 1 | 2, unitId: string, hours: number): Promise<number> {
    const who = level === 1 ? `mu.path LIKE (SELECT path FROM units WHERE id = $1) || '%'` : `mu.id = $1`;
    const rows = await em.query(
      `INSERT INTO notifications (user_id, unit_id, kind, message_key, params, account_id, dedupe_key)
       SELECT DISTINCT m.user_id, $1::uuid, 'aduan_overdue', $2, $3::jsonb, $4::uuid, $5
       FROM memberships m JOIN units mu ON mu.id = m.unit_id JOIN users us ON us.id = m.user_id AND NOT us.disabled
       WHERE m.role = 'admin' AND ${who}
       ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
      [
        unitId,
        level === 1 ? 'aduan.notifications.overdueAgency' : 'aduan.notifications.overdueCity',
        JSON.stringify({ number: t.number, category: t.category ?? 'lainnya', hours, ticketId: t.id }),
        t.account_id,
        `aduan_overdue:${t.id}:${level}`,
      ],
    );
    return rows.length;
  }
}
