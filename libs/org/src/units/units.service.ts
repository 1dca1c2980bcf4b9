import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppError } from '@kabar/common';
import { AccessPolicy } from '../access/access-policy.service';
import { Principal } from '../access/principal';
import { UnitScope } from '../access/unit-scope';
import { AuditService } from '../audit/audit.service';
import { CreateUnitDto, ListUnitsQuery, UnitDto, UnitNodeDto, UnitOverviewDto, UpdateUnitDto, mapUnit } from '../dto/unit.dto';
import { mayHold } from './unit-kinds';
import { UnitsRepository } from './units.repository';

function codeTaken(e: unknown): AppError | unknown {
  return e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === '23505' ? AppError.conflict('units.codeTaken') : e;
}

/** Everyone sees the units of their subtrees; the installation's admins and region admins (inside their region) change the tree. */
@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async list(query: ListUnitsQuery, within?: UnitScope): Promise<UnitDto[]> {
    return (await this.units.list({ ...query, within })).map(mapUnit);
  }

  listFor(p: Principal, query: ListUnitsQuery): Promise<UnitDto[]> {
    return this.list(query, this.policy.isCityAdmin(p) ? undefined : this.policy.unitScope(p));
  }

  async get(p: Principal, id: string): Promise<UnitDto> {
    return mapUnit(await this.policy.requireUnit(p, id));
  }

  /** One level of the tree: the caller's top units, or the children of a unit they see; each with its number of children. */
  async tree(p: Principal, parentId?: string): Promise<UnitNodeDto[]> {
    const nodes = parentId
      ? await this.units.withChildCounts({ parentId: (await this.policy.requireUnit(p, parentId)).id })
      : await this.units.withChildCounts({ ids: this.policy.paths(p).map((path) => path.split('/').at(-2)!) });
    return nodes.map((u) => ({ ...mapUnit(u), childCount: u.childCount }));
  }

  /** The unit page: the unit, the ancestors the caller sees (a breadcrumb), and its subtree's counts. */
  async overview(p: Principal, id: string): Promise<UnitOverviewDto> {
    const unit = await this.policy.requireUnit(p, id);
    const above = unit.path.split('/').filter((x) => x && x !== unit.id);
    const [ancestors, counts] = await Promise.all([this.units.findByIds(above), this.units.subtreeCounts(unit)]);
    return {
      unit: mapUnit(unit),
      ancestors: ancestors
        .filter((a) => this.policy.covers(p, a))
        .sort((a, b) => a.path.length - b.path.length)
        .map(mapUnit),
      ...counts,
    };
  }

  async create(p: Principal, dto: CreateUnitDto): Promise<UnitDto> {
    const parent = await this.policy.requireUnit(p, dto.parentId);
    if (!this.policy.mayAddUnder(p, parent)) throw AppError.forbidden();
    if (!mayHold(parent.kind, dto.kind)) throw AppError.validation([{ field: 'kind', code: 'units.kindNotUnderParent', params: { parentKind: parent.kind } }]);
    const unit = await this.ds
      .transaction(async (em) => {
        const created = await this.units.insert(em, {
          name: dto.name.trim(),
          kind: dto.kind,
          parentId: parent.id,
          code: dto.code ?? null,
          timeZone: dto.timeZone ?? parent.timeZone,
          reviewRequired: dto.reviewRequired,
        });
        await this.audit.record({ action: 'unit.create', objectType: 'unit', objectId: created.id, unitId: created.id, details: { ...dto } }, em);
        return created;
      })
      .catch((e) => {
        throw codeTaken(e);
      });
    return this.get(p, unit.id);
  }

  async update(p: Principal, id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    const unit = await this.policy.requireUnit(p, id);
    if (!this.policy.mayManageUnit(p, unit)) throw AppError.forbidden();
    const patch = { ...dto, ...(dto.name !== undefined ? { name: dto.name.trim() } : {}) };
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, unit[k as keyof typeof patch]]));
    await this.ds
      .transaction(async (em) => {
        await this.units.update(em, id, patch);
        await this.audit.record({ action: 'unit.update', objectType: 'unit', objectId: id, unitId: id, details: { before, after: patch } }, em);
      })
      .catch((e) => {
        throw codeTaken(e);
      });
    return this.get(p, id);
  }
}
