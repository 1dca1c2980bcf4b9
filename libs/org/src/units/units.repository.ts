import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { UnitScope } from '../access/unit-scope';
import { UnitEntity, UnitKind } from '../entities/unit.entity';

/**
 * The subtree of the path in $1 as a range on the path index (text_pattern_ops): unlike `LIKE $1 || '%'`, whose
 * pattern is unknown when the statement is planned, a range on a parameter uses the index. Paths hold hex digits,
 * '-' and '/', all below '~'.
 */
const SUBTREE = (column: string) => `${column} ~>=~ $1 AND ${column} ~<~ ($1 || '~')`;

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

  /**
   * Units by kind, parent and subtrees, ordered by code then name. Read as plain rows (no entity hydration): a
   * province lists 6,600 units, the country 92,000.
   */
  async list(filter: { kind?: UnitKind; parentId?: string; within?: UnitScope }): Promise<UnitEntity[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    if (filter.parentId) where.push(`parent_id = $${params.push(filter.parentId)}`);
    if (filter.within) {
      if (filter.within.isEmpty) return [];
      where.push(filter.within.pathIn('path', `$${params.push(filter.within.patterns)}`));
    }
    const rows: Array<Record<string, unknown>> = await this.repo.manager.query(
      `SELECT id, code, name, kind, parent_id, path, time_zone, review_required, created_at, updated_at FROM units
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY code ASC NULLS LAST, name ASC`,
      params,
    );
    return rows.map((r) =>
      Object.assign(new UnitEntity(), {
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        parentId: r.parent_id,
        path: r.path,
        timeZone: r.time_zone,
        reviewRequired: r.review_required,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }),
    );
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
      m.query(`SELECT kind, count(*)::int AS n FROM units WHERE ${SUBTREE('path')} AND id <> $2 GROUP BY kind ORDER BY kind`, [unit.path, unit.id]),
      m.query(`SELECT count(*)::int AS n FROM units WHERE parent_id = $1`, [unit.id]),
      m.query(`SELECT count(*)::int AS n FROM units u JOIN social_accounts s ON s.unit_id = u.id WHERE ${SUBTREE('u.path')} AND s.status <> 'disabled'`, [
        unit.path,
      ]),
      m.query(`SELECT count(DISTINCT ms.user_id)::int AS n FROM units u JOIN memberships ms ON ms.unit_id = u.id WHERE ${SUBTREE('u.path')}`, [unit.path]),
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
