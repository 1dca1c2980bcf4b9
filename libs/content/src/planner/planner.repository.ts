import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { UnitScope } from '@kabar/org';

/** Catalogues that belong to a unit (programs, campaigns, templates, hashtag sets): offered to the unit's whole subtree. */
@Injectable()
export class PlannerRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Rows owned by `unitPath`'s unit or one of its ancestors (what an admin of that unit may use). */
  lineage<T extends ObjectLiteral>(entity: EntityTarget<T>, unitPath: string, order = 'x.created_at'): Promise<T[]> {
    return this.ds
      .getRepository(entity)
      .createQueryBuilder('x')
      .innerJoin('units', 'u', 'u.id = x.unit_id')
      .where(":unitPath LIKE u.path || '%'", { unitPath })
      .orderBy(order)
      .getMany();
  }

  /** Rows owned inside `scope` or by an ancestor of one of its units. */
  around<T extends ObjectLiteral>(entity: EntityTarget<T>, scope: UnitScope, order = 'x.created_at'): Promise<T[]> {
    if (scope.isEmpty) return Promise.resolve([]);
    return this.ds
      .getRepository(entity)
      .createQueryBuilder('x')
      .innerJoin('units', 'u', 'u.id = x.unit_id')
      .where(`(${scope.pathIn('u.path', ':inside')} OR u.path = ANY(:ancestors))`, { inside: scope.patterns, ancestors: scope.lineage })
      .orderBy(order)
      .getMany();
  }

  async rootUnitId(): Promise<string> {
    const [row] = await this.ds.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
    return row.id;
  }

  async unitPath(unitId: string): Promise<string | null> {
    const [row] = await this.ds.query(`SELECT path FROM units WHERE id = $1`, [unitId]);
    return row?.path ?? null;
  }

  all<T extends ObjectLiteral>(entity: EntityTarget<T>, order: Record<string, 'ASC' | 'DESC'>): Promise<T[]> {
    return this.ds.getRepository(entity).find({ order } as never);
  }

  findById<T extends ObjectLiteral>(entity: EntityTarget<T>, id: string): Promise<T | null> {
    return this.ds.getRepository(entity).findOne({ where: { id } as never });
  }

  save<T extends ObjectLiteral>(entity: EntityTarget<T>, row: Partial<T>): Promise<T> {
    const repo = this.ds.getRepository(entity);
    return repo.save(repo.create(row as T));
  }

  async remove<T extends ObjectLiteral>(entity: EntityTarget<T>, id: string): Promise<void> {
    await this.ds.getRepository(entity).delete({ id } as never);
  }
}
