import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import { map, Observable } from 'rxjs';
import { Report } from '../reports/report';
import { toCsv, toTable } from '@kabar/common';
import { toXlsx } from './xlsx';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * The one export path: a report handler returns `{ meta, rows }`; with `format=csv|xlsx` the same rows,
 * in `meta.columns` order, leave as an attachment named kabar-<report>-<from>-<to>.<ext>.
 */
@Injectable()
export class ReportExportInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const format = context.switchToHttp().getRequest<Request>().query.format;
    if (format !== 'csv' && format !== 'xlsx') return next.handle();
    return next.handle().pipe(map((r: Report) => exportReport(r, format)));
  }
}

export function exportReport(r: Report, format: 'csv' | 'xlsx'): StreamableFile {
  const table = toTable(r.meta.columns, r.rows);
  const body = format === 'csv' ? toCsv(table) : Buffer.from(toXlsx(table, r.meta.report));
  return new StreamableFile(body, { type: TYPES[format], disposition: `attachment; filename="${exportFileName(r, format)}"`, length: body.length });
}

export function exportFileName(r: Report, ext: string): string {
  return `kabar-${r.meta.report}-${r.meta.from}-${r.meta.to}.${ext}`;
}
