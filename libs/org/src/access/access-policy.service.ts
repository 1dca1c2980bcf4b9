import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { AppError } from '@kabar/common';
import { Role } from '../entities/membership.entity';
import { UnitEntity } from '../entities/unit.entity';
import { isRegion } from '../units/unit-kinds';
import { UnitsRepository } from '../units/units.repository';
import { Principal } from './principal';
import { UnitScope } from './unit-scope';

let paramSeq = 0;

/**
 * The one access policy. A role on a unit covers its whole subtree. Anything outside the caller's
 * units is "not found" (its existence is not revealed); a visible thing without the needed role is 403.
 * Lists are filtered with `scope()`; single objects are checked with `requireUnit()`.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly units: UnitsRepository) {}

  /** Paths of the subtrees the caller may see (any role) or act on (one of `roles`). */
  paths(p: Principal, roles?: readonly Role[]): string[] {
    return [...this.unitScope(p, roles).paths];
  }

  /** The caller's units (any role, or one of `roles`) as the filter every query applies. */
  unitScope(p: Principal, roles?: readonly Role[]): UnitScope {
    const ms = roles ? p.memberships.filter((m) => roles.includes(m.role)) : p.memberships;
    return UnitScope.of(ms.map((m) => m.path));
  }

  covers(p: Principal, unit: Pick<UnitEntity, 'path'>, roles?: readonly Role[]): boolean {
    return this.unitScope(p, roles).covers(unit.path);
  }

  /** Whether the caller holds one of `roles` on a unit strictly above `unit` (not on the unit itself). */
  coversFromAbove(p: Principal, unit: Pick<UnitEntity, 'path'>, roles: readonly Role[]): boolean {
    return p.memberships.some((m) => roles.includes(m.role) && unit.path.startsWith(m.path) && unit.path !== m.path);
  }

  isCityAdmin(p: Principal): boolean {
    return p.memberships.some((m) => m.role === 'admin' && m.isRoot);
  }

  requireCityAdmin(p: Principal): void {
    if (!this.isCityAdmin(p)) throw AppError.forbidden();
  }

  /**
   * Who changes the unit tree: the installation's admins (admin on the root: the city, the province or the
   * country) anywhere, and the admin of a region (provinsi, kabupaten, kota) strictly inside it — a kota's
   * Diskominfo adds its kelurahan, a province's admin its kabupaten's kecamatan; nobody reshapes the unit
   * they hold the role on, or anything above it.
   */
  mayManageUnit(p: Principal, unit: Pick<UnitEntity, 'path'>): boolean {
    if (this.isCityAdmin(p)) return true;
    return p.memberships.some((m) => m.role === 'admin' && !!m.kind && isRegion(m.kind) && unit.path.startsWith(m.path) && unit.path !== m.path);
  }

  /** A new unit under `parent` lies strictly inside it. */
  mayAddUnder(p: Principal, parent: Pick<UnitEntity, 'path'>): boolean {
    return this.mayManageUnit(p, { path: `${parent.path}+/` });
  }

  /** Whether the caller manages any part of the tree (the console shows the unit editor then). */
  managesUnits(p: Principal): boolean {
    return this.isCityAdmin(p) || p.memberships.some((m) => m.role === 'admin' && !!m.kind && isRegion(m.kind));
  }

  /** Whether the caller sees the unit (any role). */
  async seesUnit(p: Principal, unitId: string): Promise<boolean> {
    const unit = await this.units.findById(unitId);
    return !!unit && this.covers(p, unit);
  }

  /** The unit if the caller sees it and holds one of `roles` there; 404 when unseen, 403 when seen without the role. */
  async requireUnit(p: Principal, unitId: string, roles?: readonly Role[]): Promise<UnitEntity> {
    const unit = await this.units.findById(unitId);
    if (!unit || !this.covers(p, unit)) throw AppError.notFound('errors.unitNotFound');
    if (roles && !this.covers(p, unit, roles)) throw AppError.forbidden();
    return unit;
  }

  /**
   * Restricts a query to rows whose unit lies in the caller's subtrees.
   * `unitIdColumn` is the row's unit id column, e.g. 'a.unit_id'.
   */
  scope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, p: Principal, unitIdColumn: string, roles?: readonly Role[]): SelectQueryBuilder<T> {
    const scope = this.unitScope(p, roles);
    if (scope.isEmpty) return qb.andWhere('1 = 0');
    const name = `scope_${++paramSeq % 1_000_000}`;
    return qb.andWhere(scope.unitIn(unitIdColumn, `:${name}`), { [name]: scope.patterns });
  }
}
