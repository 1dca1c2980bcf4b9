import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { UnitEntity, UnitKind } from '../entities/unit.entity';

export interface NewUnit {
  code: string | null;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  timeZone: string;
  reviewRequired?: boolean;
}

@Injectable()
export class UnitsRepository {
  constructor(@InjectRepository(UnitEntity) private readonly repo: Repository<UnitEntity>) {}

  list(filter: { kind?: UnitKind; parentId?: string; withinPaths?: string[] }): Promise<UnitEntity[]> {
    const qb = this.repo.createQueryBuilder('u').orderBy('u.code', 'ASC', 'NULLS LAST').addOrderBy('u.name', 'ASC');
    if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.withinPaths) {
      if (filter.withinPaths.length === 0) return Promise.resolve([]);
      qb.andWhere(
        `(${filter.withinPaths.map((_, i) => `u.path LIKE :p${i}`).join(' OR ')})`,
        Object.fromEntries(filter.withinPaths.map((p, i) => [`p${i}`, `${p}%`])),
      );
    }
    return qb.getMany();
  }

  findById(id: string): Promise<UnitEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByIds(ids: string[]): Promise<UnitEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  findByCode(code: string): Promise<UnitEntity | null> {
    return this.repo.findOne({ where: { code } });
  }

  /** The units with these ids, each with the number of units directly under it. */
  async withChildCounts(where: { ids: string[] } | { parentId: string }): Promise<Array<UnitEntity & { childCount: number }>> {
    const qb = this.repo
      .createQueryBuilder('u')
      .addSelect('(SELECT count(*) FROM units c WHERE c.parent_id = u.id)::int', 'child_count')
      .orderBy('u.code', 'ASC', 'NULLS LAST')
      .addOrderBy('u.name', 'ASC');
    if ('ids' in where) {
      if (!where.ids.length) return [];
      qb.where('u.id IN (:...ids)', { ids: where.ids });
    } else qb.where('u.parent_id = :parentId', { parentId: where.parentId });
    const { entities, raw } = await qb.getRawAndEntities();
    const counts = new Map(raw.map((r: { u_id: string; child_count: number }) => [r.u_id, r.child_count]));
    return entities.map((e) => Object.assign(e, { childCount: counts.get(e.id) ?? 0 }));
  }

  /** What the unit page shows about a unit's subtree: units by kind, direct children, accounts, people with a role. */
  async subtreeCounts(
    unit: Pick<UnitEntity, 'id' | 'path'>,
  ): Promise<{ descendants: Record<string, number>; childCount: number; accounts: number; members: number }> {
    const m = this.repo.manager;
    const [kinds, [children], [accounts], [members]] = await Promise.all([
      m.query(`SELECT kind, count(*)::int AS n FROM units WHERE path LIKE $1 || '%' AND id <> $2 GROUP BY kind ORDER BY kind`, [unit.path, unit.id]),
      m.query(`SELECT count(*)::int AS n FROM units WHERE parent_id = $1`, [unit.id]),
      m.query(`SELECT count(*)::int AS n FROM social_accounts s JOIN units u ON u.id = s.unit_id WHERE u.path LIKE $1 || '%' AND s.status <> 'disabled'`, [
        unit.path,
      ]),
      m.query(`SELECT count(DISTINCT ms.user_id)::int AS n FROM memberships ms JOIN units u ON u.id = ms.unit_id WHERE u.path LIKE $1 || '%'`, [unit.path]),
    ]);
    return {
      descendants: Object.fromEntries(kinds.map((k: { kind: string; n: number }) => [k.kind, k.n])),
      childCount: children.n,
      accounts: accounts.n,
      members: members.n,
    };
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Inserts a unit under its parent, computing its path, inside the caller's transaction. */
  async insert(em: EntityManager, unit: NewUnit): Promise<UnitEntity> {
    const repo = em.getRepository(UnitEntity);
    const parent = unit.parentId ? await repo.findOneOrFail({ where: { id: unit.parentId } }) : null;
    const created = repo.create({ ...unit, reviewRequired: unit.reviewRequired ?? true, path: '' });
    const saved = await repo.save(created);
    saved.path = `${parent ? parent.path : ''}${saved.id}/`;
    await repo.update({ id: saved.id }, { path: saved.path });
    return saved;
  }

  async update(em: EntityManager, id: string, patch: Partial<Pick<UnitEntity, 'name' | 'code' | 'timeZone' | 'reviewRequired'>>): Promise<void> {
    await em.getRepository(UnitEntity).update({ id }, patch);
  }
}
