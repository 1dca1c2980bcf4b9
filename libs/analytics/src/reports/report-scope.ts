import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccessPolicy, Principal, UnitEntity, UnitScope, UnitsRepository } from '@kabar/org';

/** What a report reads: one unit's whole subtree, or one account. */
export type Subject = { kind: 'unit'; unit: UnitEntity } | { kind: 'account'; accountId: string; unit: UnitEntity };

/** Resolves the caller's zone and the report's subject through the access policy (outside the scope = 404). */
@Injectable()
export class ReportScope {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessPolicy,
    private readonly units: UnitsRepository,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
  ) {}

  async zone(p: Principal): Promise<string> {
    const [row] = await this.ds.query(`SELECT time_zone FROM users WHERE id = $1`, [p.userId]);
    return row?.time_zone ?? this.config.defaultTimeZone;
  }

  unit(p: Principal, unitId: string): Promise<UnitEntity> {
    return this.access.requireUnit(p, unitId);
  }

  /** The account's unit decides whether the caller sees it. */
  async account(p: Principal, accountId: string): Promise<Subject> {
    const [row] = await this.ds.query(`SELECT unit_id FROM social_accounts WHERE id = $1`, [accountId]);
    if (!row) throw AppError.notFound('analytics.accountNotFound');
    try {
      return { kind: 'account', accountId, unit: await this.access.requireUnit(p, row.unit_id) };
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw AppError.notFound('analytics.accountNotFound');
      throw e;
    }
  }

  /** `unitId` or `accountId` (exactly one); neither = the caller's top unit. */
  async subject(p: Principal, q: { unitId?: string; accountId?: string }): Promise<Subject> {
    if (q.unitId && q.accountId) throw AppError.validation([{ field: 'accountId', code: 'analytics.unitOrAccount' }]);
    if (q.accountId) return this.account(p, q.accountId);
    return { kind: 'unit', unit: await this.unit(p, q.unitId ?? (await this.topUnitId(p))) };
  }

  /** The caller's highest unit (shortest path): the city for Diskominfo, their kelurahan for its admin. */
  async topUnitId(p: Principal): Promise<string> {
    const top = [...p.memberships].sort((a, b) => a.path.length - b.path.length)[0];
    if (!top) throw AppError.notFound('errors.unitNotFound');
    return top.unitId;
  }

  /** A unit without a scope check: only for context around a unit already checked (its parent's name). */
  async unitById(id: string): Promise<UnitEntity | null> {
    return this.units.findById(id);
  }

  async rootUnitId(): Promise<string> {
    const [row] = await this.ds.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
    return row.id;
  }

  isCityAdmin(p: Principal): boolean {
    return this.access.isCityAdmin(p);
  }

  covers(p: Principal, unit: UnitEntity, roles: Array<'admin' | 'reviewer' | 'viewer'>): boolean {
    return this.access.covers(p, unit, roles);
  }
}

/** The SQL condition restricting rows to a subject: `accountCol` = the account, or `unitCol` in the unit's subtree. */
export function subjectFilter(s: Subject, cols: { account: string; unit: string }, param: number): { sql: string; value: string | string[] } {
  if (s.kind === 'account') return { sql: `${cols.account} = $${param}::uuid`, value: s.accountId };
  const scope = UnitScope.subtree(s.unit.path);
  return { sql: scope.unitIn(cols.unit, `$${param}`), value: scope.patterns };
}
