import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPEN_STATUSES } from '../tickets/ticket-states';
import { ticketScopeSql } from '../tickets/ticket-scope';

export type ReportInterval = 'day' | 'week' | 'month';

export interface SeriesPoint {
  /** First local day of the period (the ticket's zone), YYYY-MM-DD. */
  period: string;
  key: string | null;
  name: string | null;
  count: number;
}

export interface AduanReport {
  from: string;
  to: string;
  interval: ReportInterval;
  totals: { tickets: number; answered: number; resolved: number; overdueNow: number; answeredLate: number };
  medianFirstAnswerHours: number | null;
  medianResolutionHours: number | null;
  byCategory: SeriesPoint[];
  byKelurahan: SeriesPoint[];
  byKecamatan: SeriesPoint[];
  byAgency: SeriesPoint[];
  overdueByAgency: Array<{ key: string | null; name: string | null; count: number }>;
}

const round = (n: unknown) => (n === null || n === undefined ? null : Math.round(Number(n) * 100) / 100);

/**
 * Complaints over time per category, kelurahan, kecamatan and OPD (the tickets opened in the range, within the
 * caller's scope), the median time to the first answer and to resolution (wall-clock hours), and overdue counts.
 */
@Injectable()
export class AduanReportsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async report(paths: string[], range: { from: Date; to: Date; interval: ReportInterval }, now: Date): Promise<AduanReport> {
    const params: unknown[] = [range.from, range.to];
    const scope = ticketScopeSql(paths, params);
    const base = `FROM aduan_tickets t
      LEFT JOIN units pl ON pl.id = t.place_unit_id
      LEFT JOIN units kc ON kc.id = CASE WHEN pl.kind = 'kecamatan' THEN pl.id ELSE pl.parent_id END
      LEFT JOIN units ag ON ag.id = t.agency_unit_id
      WHERE t.opened_at >= $1 AND t.opened_at < $2 AND ${scope}`;
    const period = `to_char(date_trunc('${range.interval}', t.opened_at AT TIME ZONE t.time_zone), 'YYYY-MM-DD')`;
    const series = async (key: string, name: string, extra = ''): Promise<SeriesPoint[]> =>
      (
        await this.ds.query(
          `SELECT ${period} AS period, ${key} AS key, ${name} AS name, count(*)::int AS count ${base} ${extra} GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC, 3`,
          params,
        )
      ).map((r: any) => ({ period: r.period, key: r.key, name: r.name, count: r.count }));

    const [totals] = await this.ds.query(
      `SELECT count(*)::int AS tickets, count(t.first_answered_at)::int AS answered, count(t.resolved_at)::int AS resolved,
              count(*) FILTER (WHERE t.first_answered_at IS NULL AND t.status = ANY ($${params.length + 1}::text[]) AND t.due_at < $${params.length + 2})::int AS "overdueNow",
              count(*) FILTER (WHERE t.first_answered_at > t.due_at)::int AS "answeredLate",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_answered_at - t.opened_at)) / 3600 AS first_answer,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.opened_at)) / 3600 AS resolution
       ${base}`,
      [...params, OPEN_STATUSES, now],
    );
    const overdueByAgency = await this.ds.query(
      `SELECT t.agency_unit_id AS key, ag.name, count(*)::int AS count ${base}
         AND t.first_answered_at IS NULL AND t.status = ANY ($${params.length + 1}::text[]) AND t.due_at < $${params.length + 2}
       GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
      [...params, OPEN_STATUSES, now],
    );
    return {
      from: range.from.toISOString().slice(0, 10),
      to: new Date(range.to.getTime() - 1).toISOString().slice(0, 10),
      interval: range.interval,
      totals: {
        tickets: totals.tickets,
        answered: totals.answered,
        resolved: totals.resolved,
        overdueNow: totals.overdueNow,
        answeredLate: totals.answeredLate,
      },
      medianFirstAnswerHours: round(totals.first_answer),
      medianResolutionHours: round(totals.resolution),
      byCategory: await series('t.category', 't.category'),
      byKelurahan: await series('pl.id', 'pl.name', `AND pl.kind IN ('kelurahan', 'desa')`),
      byKecamatan: await series('kc.id', 'kc.name', 'AND kc.id IS NOT NULL'),
      byAgency: await series('ag.id', 'ag.name'),
      overdueByAgency,
    };
  }
}
