import { DataSource, EntityManager } from 'typeorm';

/** Runs `fn` in one transaction: all of its writes land, or none (nothing half-written stays). */
export function inTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return ds.transaction(fn);
}
