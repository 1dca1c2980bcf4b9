import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPEN_STATUSES, TicketStatus, allowedActions } from './ticket-states';
import { ticketScopeSql } from './ticket-scope';

export interface TicketFilters {
  category?: string;
  /** A kelurahan or kecamatan: tickets placed in it or under it. */
  placeUnitId?: string;
  agencyUnitId?: string;
  platform?: string;
  status?: TicketStatus[];
  overdue?: boolean;
  from?: Date;
  to?: Date;
}

const SELECT = `
  SELECT t.id, t.number, t.status, t.version, t.category, t.platform, t.opened_at, t.due_at, t.first_answered_at, t.resolved_at, t.closed_at,
         t.escalation_level, t.forwarded_to, t.time_zone,
         c.id AS comment_id, c.text, c.url, c.author_handle, c.written_at, c.kind AS comment_kind, c.score, c.reasons, c.model_version,
         c.post_external_id, c.post_target_id,
         ag.id AS agency_id, ag.name AS agency_name, ag.code AS agency_code,
         pl.id AS place_id, pl.name AS place_name, pl.kind AS place_kind,
         kc.id AS kecamatan_id, kc.name AS kecamatan_name,
         a.id AS account_id, a.handle AS account_handle, a.display_name AS account_name,
         au.id AS account_unit_id, au.name AS account_unit_name,
         (t.first_answered_at IS NULL AND t.status = ANY ($1::text[]) AND t.due_at < $2) AS overdue
  FROM aduan_tickets t
  JOIN aduan_comments c ON c.id = t.comment_id
  JOIN social_accounts a ON a.id = t.account_id
  JOIN units au ON au.id = t.account_unit_id
  LEFT JOIN units ag ON ag.id = t.agency_unit_id
  LEFT JOIN units pl ON pl.id = t.place_unit_id
  LEFT JOIN units kc ON kc.id = CASE WHEN pl.kind = 'kecamatan' THEN pl.id ELSE pl.parent_id END`;

export interface TicketView {
  id: string;
  /** The citizen's comment (replies go to /aduan/comments/:commentId/replies). */
  commentId: string;
  number: string;
  status: TicketStatus;
  version: number;
  category: string | null;
  platform: string;
  text: string;
  url: string | null;
  authorHandle: string;
  writtenAt: Date;
  openedAt: Date;
  dueAt: Date;
  firstAnsweredAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  overdue: boolean;
  escalationLevel: number;
  forwardedTo: string | null;
  timeZone: string;
  score: number | null;
  agency: { unitId: string; name: string; code: string | null } | null;
  place: { unitId: string; name: string; kind: string } | null;
  kecamatan: { unitId: string; name: string } | null;
  account: { id: string; handle: string | null; name: string | null; unitId: string; unitName: string };
  allowedActions: string[];
}

function view(r: any): TicketView {
  return {
    id: r.id,
    commentId: r.comment_id,
    number: r.number,
    status: r.status,
    version: r.version,
    category: r.category,
    platform: r.platform,
    text: r.text,
    url: r.url,
    authorHandle: r.author_handle,
    writtenAt: r.written_at,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    firstAnsweredAt: r.first_answered_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    overdue: r.overdue,
    escalationLevel: r.escalation_level,
    forwardedTo: r.forwarded_to,
    timeZone: r.time_zone,
    score: r.score,
    agency: r.agency_id ? { unitId: r.agency_id, name: r.agency_name, code: r.agency_code } : null,
    place: r.place_id ? { unitId: r.place_id, name: r.place_name, kind: r.place_kind } : null,
    kecamatan: r.kecamatan_id ? { unitId: r.kecamatan_id, name: r.kecamatan_name } : null,
    account: { id: r.account_id, handle: r.account_handle, name: r.account_name, unitId: r.account_unit_id, unitName: r.account_unit_name },
    allowedActions: allowedActions(r.status),
  };
}

/** Reads of tickets, always within the caller's scope (paths from the access policy). */
@Injectable()
export class TicketsQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private where(paths: string[], f: TicketFilters, params: unknown[]): string {
    // $1 (open states) and $2 (now) are typed here so a count that uses neither still runs
    const w = ['$1::text[] IS NOT NULL AND $2::timestamptz IS NOT NULL', ticketScopeSql(paths, params)];
    const add = (sql: (n: number) => string, v: unknown) => {
      params.push(v);
      w.push(sql(params.length));
    };
    if (f.category) add((n) => `t.category = $${n}`, f.category);
    if (f.placeUnitId)
      add((n) => `t.place_unit_id IN (SELECT x.id FROM units x WHERE x.path LIKE (SELECT p.path FROM units p WHERE p.id = $${n}) || '%')`, f.placeUnitId);
    if (f.agencyUnitId) add((n) => `t.agency_unit_id = $${n}`, f.agencyUnitId);
    if (f.platform) add((n) => `t.platform = $${n}`, f.platform);
    if (f.status?.length) add((n) => `t.status = ANY ($${n}::text[])`, f.status);
    if (f.overdue !== undefined) w.push(`(t.first_answered_at IS NULL AND t.status = ANY ($1::text[]) AND t.due_at < $2) = ${f.overdue ? 'true' : 'false'}`);
    if (f.from) add((n) => `t.opened_at >= $${n}`, f.from);
    if (f.to) add((n) => `t.opened_at < $${n}`, f.to);
    return w.join(' AND ');
  }

  /** Newest first; `total` counts every match. */
  async list(paths: string[], f: TicketFilters, page: { limit: number; offset: number }, now: Date): Promise<{ items: TicketView[]; total: number }> {
    const params: unknown[] = [OPEN_STATUSES, now];
    const where = this.where(paths, f, params);
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM aduan_tickets t WHERE ${where}`, params);
    const rows = await this.ds.query(`${SELECT} WHERE ${where} ORDER BY t.opened_at DESC, t.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`, params);
    return { items: rows.map(view), total: n };
  }

  /** Every match for an export (bounded by the caller). */
  async all(paths: string[], f: TicketFilters, limit: number, now: Date): Promise<TicketView[]> {
    const params: unknown[] = [OPEN_STATUSES, now];
    const rows = await this.ds.query(`${SELECT} WHERE ${this.where(paths, f, params)} ORDER BY t.opened_at DESC, t.id DESC LIMIT ${limit}`, params);
    return rows.map(view);
  }

  /** One ticket if the caller sees it (`paths`), else null. */
  async one(paths: string[], id: string, now: Date): Promise<TicketView | null> {
    const params: unknown[] = [OPEN_STATUSES, now, id];
    const rows = await this.ds.query(`${SELECT} WHERE t.id = $3 AND ${ticketScopeSql(paths, params)}`, params);
    return rows[0] ? view(rows[0]) : null;
  }

  /** One ticket whatever the caller (internal use: the webhook, notifications). */
  async byId(id: string, now: Date): Promise<TicketView | null> {
    const rows = await this.ds.query(`${SELECT} WHERE t.id = $3`, [OPEN_STATUSES, now, id]);
    return rows[0] ? view(rows[0]) : null;
  }

  /** The OPD and places of a city, for filters and routing. */
  async unitsOf(rootId: string): Promise<Array<{ id: string; name: string; kind: string; code: string | null; parentId: string | null }>> {
    return this.ds.query(
      `SELECT id, name, kind, code, parent_id AS "parentId" FROM units WHERE path LIKE $1 || '/%' AND kind IN ('opd', 'kecamatan', 'kelurahan', 'desa') ORDER BY kind, name`,
      [rootId],
    );
  }

  /** The comment in context: the post it answers (Kabar's target when known) and why it was classified so. */
  async context(id: string): Promise<{ comment: any; post: any; events: any[] }> {
    const [r] = await this.ds.query(
      `SELECT c.kind, c.text, c.url, c.author_handle, c.written_at, c.score, c.reasons, c.model_version, c.classified_at, c.post_external_id,
              c.parent_external_id, pt.id AS target_id, pt.post_id, pt.external_url AS post_url,
              (SELECT v.text FROM post_variants v WHERE v.post_id = pt.post_id ORDER BY v.language = 'id' DESC, v.platform NULLS FIRST LIMIT 1) AS post_text
       FROM aduan_tickets t JOIN aduan_comments c ON c.id = t.comment_id LEFT JOIN post_targets pt ON pt.id = c.post_target_id WHERE t.id = $1`,
      [id],
    );
    const events = await this.ds.query(
      `SELECT e.at, e.action, e.from_status AS "from", e.to_status AS "to", e.data, e.actor_id AS "actorId", u.name AS "actorName"
       FROM aduan_ticket_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.ticket_id = $1 ORDER BY e.id`,
      [id],
    );
    return {
      comment: {
        kind: r.kind,
        text: r.text,
        url: r.url,
        authorHandle: r.author_handle,
        writtenAt: r.written_at,
        score: r.score,
        reasons: r.reasons ?? [],
        modelVersion: r.model_version,
        classifiedAt: r.classified_at,
      },
      post:
        r.post_external_id || r.target_id
          ? { externalId: r.post_external_id, targetId: r.target_id, postId: r.post_id, url: r.post_url, text: r.post_text }
          : null,
      events,
    };
  }
}
