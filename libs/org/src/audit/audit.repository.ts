import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditRow {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  unitId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface AuditRecord extends AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(row: AuditRow, em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager).query(
      `INSERT INTO audit_log (actor_id, actor_email, action, object_type, object_id, unit_id, ip, user_agent, request_id, details)
       VALUES ($1, (SELECT email FROM users WHERE id = $1), $2, $3, $4, $5, $6, $7, $8, $9)`,
      [row.actorId, row.action, row.objectType, row.objectId, row.unitId, row.ip, row.userAgent, row.requestId, JSON.stringify(row.details)],
    );
  }

  async find(f: AuditFilter): Promise<{ items: AuditRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.actorId) add('actor_id = ?', f.actorId);
    if (f.action) add('action = ?', f.action);
    if (f.objectType) add('object_type = ?', f.objectType);
    if (f.objectId) add('object_id = ?', f.objectId);
    if (f.from) add('at >= ?', f.from);
    if (f.to) add('at < ?', f.to);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM audit_log ${clause}`, params);
    const rows: Array<Record<string, any>> = await this.ds.query(
      `SELECT id, at, actor_id, actor_email, action, object_type, object_id, unit_id, ip, user_agent, request_id, details
         FROM audit_log ${clause} ORDER BY at DESC, id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
      params,
    );
    const items = rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      unitId: r.unit_id,
      ip: r.ip,
      userAgent: r.user_agent,
      requestId: r.request_id,
      details: r.details,
    }));
    return { items, total };
  }
}
