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
