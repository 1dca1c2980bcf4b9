import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, ErrorDetail } from '@kabar/common';
import { translate } from '@kabar/i18n';
import { AccessPolicy, Principal, UnitEntity, UnitsRepository } from '@kabar/org';
import { PostChecks } from '../checks/post-checks.service';
import { PostInputResolver, ResolvedPost } from '../posts/post-input.resolver';
import { locale } from '../posts/post-loader';
import { PostRefsRepository } from '../posts/post-refs.repository';
import { PostWrites } from '../posts/post-writes.repository';
import { CsvError, parseCsv } from './csv';
import { ImportRow, Layout, detectLayout, readRows } from './layouts';

export const MAX_ROWS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportRequest {
  unitId?: string;
  accountIds?: string[];
  pillar?: string;
  timeZone?: string;
}

/** CSV bulk import: every row checked like a post; all rows become drafts in one transaction, or none. */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly units: UnitsRepository,
    private readonly access: AccessPolicy,
    private readonly refs: PostRefsRepository,
    private readonly resolver: PostInputResolver,
    private readonly checks: PostChecks,
    private readonly writes: PostWrites,
  ) {}

  async import(p: Principal, csv: Buffer | undefined, req: ImportRequest): Promise<{ layout: Layout; imported: number; postIds: string[] }> {
    if (!csv?.length) throw AppError.validation([{ field: 'file', code: 'content.import.fileRequired' }]);
    let table: string[][];
    try {
      table = parseCsv(csv.toString('utf8'));
    } catch (e) {
      throw AppError.validation([{ field: 'file', code: 'content.import.badCsv', params: { reason: e instanceof CsvError ? e.message : 'unreadable' } }]);
    }
    if (!table.length) throw AppError.validation([{ field: 'file', code: 'content.import.empty' }]);
    if (table.length > MAX_ROWS + 1) throw AppError.validation([{ field: 'file', code: 'content.import.tooManyRows', params: { max: MAX_ROWS } }]);
    const layout = detectLayout(table);
    if (!layout) throw AppError.validation([{ field: 'file', code: 'content.import.unknownLayout' }]);
    const { rows, errors } = readRows(layout, table);
    let fixedUnit: UnitEntity | undefined;
    if (layout !== 'kabar') {
      if (!req.unitId) throw AppError.validation([{ field: 'unitId', code: 'content.import.unitRequired' }]);
      if (!req.accountIds?.length) throw AppError.validation([{ field: 'accountIds', code: 'content.import.accountsRequired' }]);
      if (!req.pillar) throw AppError.validation([{ field: 'pillar', code: 'validation.required' }]);
      fixedUnit = await this.access.requireUnit(p, req.unitId, ['admin']);
    }
    const planned: Array<{ unit: UnitEntity; post: ResolvedPost; row: number }> = [];
    for (const r of rows) {
      if (errors.some((e) => (e.params as { row: number }).row === r.row)) continue;
      const rowErrors: ErrorDetail[] = [];
      const unit = fixedUnit ?? (await this.unitOf(p, r, rowErrors));
      const accountIds = fixedUnit ? req.accountIds! : await this.accountsOf(r, rowErrors);
      const programId = r.program ? await this.programOf(r, rowErrors) : null;
      if (!unit || rowErrors.length) {
        errors.push(...rowErrors);
        continue;
      }
      const variants: Array<{ language: 'id' | 'en'; text: string; hashtags: string[]; link: string | null }> = [
        { language: 'id', text: r.idText, hashtags: r.hashtags ?? [], link: r.link || null },
      ];
      if (r.enText) variants.push({ language: 'en', text: r.enText, hashtags: r.hashtags ?? [], link: r.link || null });
      const { post, errors: found } = await this.resolver.resolve(p, unit, {
        pillar: r.pillar ?? req.pillar!,
        programId,
        campaignId: null,
        variants,
        mediaIds: r.mediaIds ?? [],
        targets: accountIds.map((accountId) => ({ accountId })),
        scheduledAt: r.at,
        timeZone: req.timeZone ?? unit.timeZone,
      });
      const checked = found.length ? { errors: [] } : await this.checks.check(post, { locale: locale() });
      errors.push(...[...found, ...checked.errors].map((e) => this.rowError(r.row, e)));
      planned.push({ unit, post, row: r.row });
    }
    if (errors.length) throw AppError.validation(errors.sort((a, b) => rowOf(a) - rowOf(b)));
    const postIds = await this.ds.transaction(async (em) => {
      const ids: string[] = [];
      for (const x of planned) ids.push(await this.writes.insertDraft(em, x.unit.id, p.userId, x.post, 'import', { layout, row: x.row }));
      return ids;
    });
    return { layout, imported: postIds.length, postIds };
  }

  private rowError(row: number, e: ErrorDetail): ErrorDetail {
    return { field: `rows[${row}].${e.field}`, code: 'content.import.row', params: { row, message: translate(locale(), e.code, e.params) } };
  }

  private async unitOf(p: Principal, r: ImportRow, errors: ErrorDetail[]): Promise<UnitEntity | undefined> {
    const unit = r.unitCode ? await this.units.findByCode(r.unitCode) : null;
    if (unit && this.access.covers(p, unit, ['admin'])) return unit;
    errors.push({ field: `rows[${r.row}].unit_code`, code: 'content.import.unknownUnit', params: { row: r.row, value: r.unitCode ?? '' } });
    return undefined;
  }

  private async accountsOf(r: ImportRow, errors: ErrorDetail[]): Promise<string[]> {
    const ids = (r.accounts ?? []).filter((a) => UUID.test(a));
    const handles = (r.accounts ?? []).filter((a) => !UUID.test(a));
    const found = await this.refs.accountsByHandle(handles);
    for (const h of handles) {
      const match = found.filter((a) => (a.handle ?? '').replace(/^@/, '').toLowerCase() === h.replace(/^@/, '').toLowerCase());
      if (match.length === 1) ids.push(match[0].id);
      else errors.push({ field: `rows[${r.row}].accounts`, code: 'content.import.unknownAccount', params: { row: r.row, value: h } });
    }
    return ids;
  }

  private async programOf(r: ImportRow, errors: ErrorDetail[]): Promise<string | null> {
    const program = UUID.test(r.program!) ? await this.refs.program(r.program!) : await this.refs.programByKey(r.program!);
    if (program) return program.id;
    errors.push({ field: `rows[${r.row}].program`, code: 'content.import.unknownProgram', params: { row: r.row, value: r.program } });
    return null;
  }
}

const rowOf = (e: ErrorDetail) => Number((e.params as { row?: number } | undefined)?.row ?? 0);
