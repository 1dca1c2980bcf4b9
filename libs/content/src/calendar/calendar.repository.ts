import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitScope } from '@kabar/org';

export interface CalendarFilter {
  from: Date;
  to: Date;
  zone: string;
  /** The caller's units (already narrowed to unitId's subtree when given). */
  scope: UnitScope;
  accountId?: string;
  pillar?: string;
  programId?: string;
  status?: string;
}

export interface CalendarRow {
  id: string;
  unitId: string;
  unitName: string;
  pillar: string;
  status: string;
  programId: string | null;
  campaignId: string | null;
  /** Epoch milliseconds (as text: bigint), cheaper to read than a timestamp. */
  scheduledAt: string;
  local: string;
  timeZone: string;
  version: number;
  excerpt: string;
  /** Comma-separated: cheaper to read than an array. */
  platforms: string;
}

/**
 * The calendar in one statement: posts by time range (index on posts.scheduled_at), scoped by unit path.
 * Excerpt and platforms live on the post row, so nothing is looked up per post. Local times are rendered by PostgreSQL.
 */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async range(f: CalendarFilter): Promise<CalendarRow[]> {
    if (f.scope.isEmpty) return [];
    const params: unknown[] = [f.from, f.to, f.zone, f.scope.patterns];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.status) add('p.status = ?', f.status);
    else where.push(`p.status <> 'cancelled'`);
    if (f.pillar) add('p.pillar = ?', f.pillar);
    if (f.programId) add('p.program_id = ?::uuid', f.programId);
    if (f.accountId) add('EXISTS (SELECT 1 FROM post_targets ft WHERE ft.post_id = p.id AND ft.account_id = ?::uuid)', f.accountId);
    return this.ds.query(
      `SELECT p.id, p.unit_id AS "unitId", u.name AS "unitName", p.pillar, p.status, p.program_id AS "programId", p.campaign_id AS "campaignId",
              (extract(epoch FROM p.scheduled_at) * 1000)::bigint AS "scheduledAt", to_char(p.scheduled_at AT TIME ZONE $3, 'YYYY-MM-DD"T"HH24:MI') AS local,
              p.time_zone AS "timeZone", p.version, p.excerpt, array_to_string(p.platforms, ',') AS platforms
         FROM posts p
         JOIN units u ON u.id = p.unit_id
        WHERE p.scheduled_at >= $1 AND p.scheduled_at < $2
          AND ${f.scope.pathIn('u.path', '$4')}
          ${where.map((w) => `AND ${w}`).join(' ')}
        ORDER BY p.scheduled_at, p.id`,
      params,
    );
  }

  async userZone(userId: string): Promise<string | null> {
    const [row] = await this.ds.query(`SELECT time_zone FROM users WHERE id = $1`, [userId]);
    return row?.time_zone ?? null;
  }
}
