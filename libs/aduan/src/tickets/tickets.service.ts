import { AnsweredHook } from '../replies/answered-hook';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, Clock, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AGENCY_KINDS } from '@kabar/org';
import { QueueService } from '@kabar/queue';
import { CorrectionsRepository } from '../corrections/corrections.repository';
import { ClassifierRegistry } from '../http/classifier-registry';
import { calendarOf, slaConfigFor, targetFor } from '../sla/sla-config';
import { TICKET_WEBHOOK_JOB, ticketWebhookJobId } from '../webhook/ticket-webhook.job';
import { returnedRows } from './returned-rows';
import { TicketAction, TicketStatus, TRANSITIONS, allowedActions, mayApply, ticketNumber } from './ticket-states';

export interface OpenResult {
  /** Tickets opened by this call. */
  opened: string[];
  /** Complaint comments that already had a ticket (a second call, another worker). */
  existing: number;
  /** Comments given that are no complaint (or not classified yet): no ticket. */
  skipped: number;
}

export interface ActionInput {
  action: TicketAction;
  actorId: string | null;
  /** The version the caller saw; omitted: the current one (the move is still conditional). */
  version?: number;
  agencyUnitId?: string | null;
  kelurahanUnitId?: string | null;
  forwardedTo?: string;
  category?: string;
  placeUnitId?: string | null;
  note?: string;
}

interface TicketRow {
  id: string;
  status: TicketStatus;
  version: number;
  category: string | null;
  agency_unit_id: string | null;
  place_unit_id: string | null;
  comment_id: string;
  root_id: string;
}

/**
 * Tickets: one per complaint comment. Opening is idempotent (a lock per comment, then UNIQUE comment_id); every
 * state move is one conditional UPDATE on (id, version) with its event in the same transaction, so two people
 * acting at once never both win (the second gets 409 and the ticket as it now is).
 */
@Injectable()
export class TicketsService implements AnsweredHook {
  private readonly logger = new Logger('aduan.tickets');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly registry: ClassifierRegistry,
    private readonly corrections: CorrectionsRepository,
    private readonly clock: Clock,
    @Optional() private readonly queue?: QueueService,
  ) {}

  /**
   * Opens a ticket for each complaint comment among `commentIds` that has none (called by collection after
   * ingest). Routing: the classifier's agency for the category (the router resolves it when the comment has
   * none), the place it found, and the account's unit. The response target runs from when the citizen wrote.
   */
  async openFromComments(commentIds: string[]): Promise<OpenResult> {
    const result: OpenResult = { opened: [], existing: 0, skipped: 0 };
    const ids = [...new Set(commentIds)];
    if (!ids.length) return result;
    const rows: any[] = await this.ds.query(
      `SELECT c.id, c.account_id, c.platform, c.category, c.agency_unit_id, c.place_unit_id, c.written_at, c.is_complaint,
              a.unit_id AS account_unit_id, u.time_zone, split_part(u.path, '/', 1) AS root_id, r.code AS root_code
       FROM aduan_comments c JOIN social_accounts a ON a.id = c.account_id JOIN units u ON u.id = a.unit_id
       LEFT JOIN units r ON r.id::text = split_part(u.path, '/', 1)
       WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    const webhook = !!this.config.aduanWebhookUrl && !!this.queue;
    if (webhook) await this.queue!.ensure(TICKET_WEBHOOK_JOB);
    for (const c of rows) {
      if (c.is_complaint !== true) {
        result.skipped++;
        continue;
      }
      const agencyUnitId = c.agency_unit_id ?? (await this.routeAgency(c.root_id, c.category));
      const sla = slaConfigFor(c.root_code);
      const opened = new Date(c.written_at);
      const due = calendarOf(sla).addWorkingDays(opened, targetFor(sla, c.category).firstAnswerWorkingDays, c.time_zone);
      const id = await this.ds.transaction(async (em) => {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('aduan_ticket:' || $1))`, [c.id]);
        const [had] = await em.query(`SELECT id FROM aduan_tickets WHERE comment_id = $1`, [c.id]);
        if (had) return null;
        const year = Number(new Intl.DateTimeFormat('en', { timeZone: c.time_zone, year: 'numeric' }).format(opened));
        const [seq] = await em.query(
          `INSERT INTO aduan_ticket_numbers (year, last) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET last = aduan_ticket_numbers.last + 1 RETURNING last`,
          [year],
        );
        const [t] = await em.query(
          `INSERT INTO aduan_tickets (number, comment_id, account_id, platform, category, agency_unit_id, place_unit_id, account_unit_id, time_zone, opened_at, due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            ticketNumber(year, seq.last),
            c.id,
            c.account_id,
            c.platform,
            c.category,
            agencyUnitId,
            c.place_unit_id,
            c.account_unit_id,
            c.time_zone,
            opened,
            due,
          ],
        );
        await this.event(
          em,
          t.id,
          null,
          'opened',
          null,
          'baru',
          {
            category: c.category,
            agencyUnitId,
            placeUnitId: c.place_unit_id,
            dueAt: due.toISOString(),
          },
          this.clock.now(),
        );
        if (webhook) await this.queue!.enqueue(TICKET_WEBHOOK_JOB, [{ id: ticketWebhookJobId(t.id), data: { ticketId: t.id } }], em);
        return t.id as string;
      });
      if (id) result.opened.push(id);
      else result.existing++;
    }
    result.skipped += ids.length - rows.length;
    if (result.opened.length) this.logger.log({ msg: 'tickets opened', count: result.opened.length });
    return result;
  }

  /**
   * Opens the tickets that collection did not (a worker that died between storing a complaint and opening its
   * ticket): complaint comments of the last 30 days without a ticket, oldest first.
   */
  async openMissing(limit = 500): Promise<OpenResult> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT c.id FROM aduan_comments c
        WHERE c.is_complaint AND c.collected_at > now() - interval '30 days'
          AND NOT EXISTS (SELECT 1 FROM aduan_tickets t WHERE t.comment_id = c.id)
        ORDER BY c.collected_at LIMIT $1`,
      [limit],
    );
    return this.openFromComments(rows.map((r) => r.id));
  }

  /** A reply to the comment was published: the first answer is recorded once (later replies change nothing). */
  async markAnswered(commentId: string, at: Date): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const [t] = returnedRows(
        await em.query(
          `UPDATE aduan_tickets SET first_answered_at = $2, version = version + 1, updated_at = now()
         WHERE comment_id = $1 AND first_answered_at IS NULL RETURNING id, status`,
          [commentId, at],
        ),
      );
      if (!t) return false;
      await this.event(em, t.id, null, 'answered', t.status, t.status, { at: at.toISOString() }, at);
      return true;
    });
  }

  /** The ticket number shown to the citizen in a reply ({ticket} in templates), when the comment has a ticket. */
  async ticketNumberOf(commentId: string): Promise<string | null> {
    const [t] = await this.ds.query(`SELECT number FROM aduan_tickets WHERE comment_id = $1`, [commentId]);
    return t?.number ?? null;
  }

  /** Applies one action of a person (already allowed to act on the ticket by the caller). */
  async act(ticketId: string, input: ActionInput): Promise<{ status: TicketStatus; version: number }> {
    const t = await this.load(ticketId);
    if (input.version !== undefined && input.version !== t.version) throw this.stale(t);
    if (!mayApply(input.action, t.status))
      throw AppError.conflict('aduan.tickets.notAllowed', { action: input.action, status: t.status, allowed: allowedActions(t.status).join(', ') });
    const to = TRANSITIONS[input.action].to ?? t.status;
    const now = this.clock.now();
    const set: string[] = [];
    const params: unknown[] = [];
    const data: Record<string, unknown> = {};
    const put = (col: string, value: unknown) => {
      params.push(value);
      set.push(`${col} = $${params.length + 3}`);
    };
    switch (input.action) {
      case 'dispose': {
        if (!input.agencyUnitId && !input.kelurahanUnitId) throw AppError.badRequest('aduan.tickets.disposeNeedsTarget');
        if (input.agencyUnitId) {
          await this.requireKind(t.root_id, input.agencyUnitId, AGENCY_KINDS, 'aduan.tickets.notAnAgency');
          put('agency_unit_id', input.agencyUnitId);
          data.agencyUnitId = input.agencyUnitId;
        }
        if (input.kelurahanUnitId) {
          await this.requireKind(t.root_id, input.kelurahanUnitId, ['kelurahan', 'desa', 'kecamatan'], 'aduan.tickets.notAPlace');
          put('place_unit_id', input.kelurahanUnitId);
          data.kelurahanUnitId = input.kelurahanUnitId;
        }
        break;
      }
      case 'forward':
        if (!input.forwardedTo?.trim()) throw AppError.badRequest('aduan.tickets.forwardNeedsWhere');
        put('forwarded_to', input.forwardedTo.trim());
        put('closed_at', now);
        data.forwardedTo = input.forwardedTo.trim();
        break;
      case 'resolve':
        put('resolved_at', now);
        put('closed_at', now);
        break;
      case 'not_complaint':
      case 'archive':
        put('closed_at', now);
        break;
      case 'reclassify': {
        if (input.category === undefined && input.placeUnitId === undefined) throw AppError.badRequest('aduan.tickets.reclassifyNeedsChange');
        if (input.category !== undefined) {
          const classifier = await this.registry.forRoot(t.root_id);
          if (!classifier.city.categories.some((c) => c.key === input.category))
            throw AppError.badRequest('aduan.tickets.unknownCategory', { category: input.category });
          put('category', input.category);
          // routed anew by the rules unless a person already disposed it somewhere
          if (t.status !== 'didisposisikan' && t.status !== 'ditindaklanjuti')
            put('agency_unit_id', classifier.router.agencyFor(input.category)?.unitId ?? null);
          data.category = { from: t.category, to: input.category };
        }
        if (input.placeUnitId !== undefined) {
          if (input.placeUnitId) await this.requireKind(t.root_id, input.placeUnitId, ['kelurahan', 'desa', 'kecamatan'], 'aduan.tickets.notAPlace');
          put('place_unit_id', input.placeUnitId);
          data.place = { from: t.place_unit_id, to: input.placeUnitId };
        }
        break;
      }
    }
    if (input.note) data.note = input.note;
    return this.ds.transaction(async (em) => {
      const [row] = returnedRows(
        await em.query(
          `UPDATE aduan_tickets SET status = $3, version = version + 1, updated_at = now()${set.length ? ', ' + set.join(', ') : ''}
         WHERE id = $1 AND version = $2 RETURNING status, version`,
          [t.id, t.version, to, ...params],
        ),
      );
      if (!row) throw this.stale(await this.load(ticketId));
      if (input.action === 'not_complaint' || input.action === 'reclassify') await this.correct(em, t, input);
      await this.event(em, t.id, input.actorId, input.action, t.status, to, data, now);
      return { status: row.status, version: row.version };
    });
  }

  /** A person's correction feeds the next training (aduan_corrections), with the comment's text. */
  private async correct(em: EntityManager, t: TicketRow, input: ActionInput): Promise<void> {
    const [c] = await em.query(`SELECT text FROM aduan_comments WHERE id = $1`, [t.comment_id]);
    if (!c) return;
    const text = String(c.text).slice(0, 5000);
    if (input.action === 'not_complaint') await this.corrections.record({ text, isComplaint: false, category: null, correctedBy: input.actorId }, em);
    else if (input.category !== undefined && input.category !== t.category)
      await this.corrections.record({ text, isComplaint: true, category: input.category, correctedBy: input.actorId }, em);
  }

  private async routeAgency(rootId: string, category: string | null): Promise<string | null> {
    if (!category) return null;
    const classifier = await this.registry.forRoot(rootId);
    return classifier.router.agencyFor(category)?.unitId ?? null;
  }

  private async requireKind(rootId: string, unitId: string, kinds: readonly string[], key: string): Promise<void> {
    const [u] = await this.ds.query(`SELECT kind FROM units WHERE id = $1 AND path LIKE $2 || '/%'`, [unitId, rootId]);
    if (!u || !kinds.includes(u.kind)) throw AppError.badRequest(key);
  }

  private async load(id: string): Promise<TicketRow> {
    const [t] = await this.ds.query(
      `SELECT t.id, t.status, t.version, t.category, t.agency_unit_id, t.place_unit_id, t.comment_id, split_part(u.path, '/', 1) AS root_id
       FROM aduan_tickets t JOIN units u ON u.id = t.account_unit_id WHERE t.id = $1`,
      [id],
    );
    if (!t) throw AppError.notFound('aduan.tickets.notFound');
    return t;
  }

  private stale(t: TicketRow): AppError {
    return AppError.conflict('aduan.tickets.changed', { status: t.status, version: t.version });
  }

  private async event(
    em: EntityManager,
    ticketId: string,
    actorId: string | null,
    action: string,
    from: string | null,
    to: string | null,
    data: Record<string, unknown>,
    at?: Date,
  ): Promise<void> {
    await em.query(
      `INSERT INTO aduan_ticket_events (ticket_id, actor_id, action, from_status, to_status, data, at) VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()))`,
      [ticketId, actorId, action, from, to, JSON.stringify(data), at ?? null],
    );
  }
}
