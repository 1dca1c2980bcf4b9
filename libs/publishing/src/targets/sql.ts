import { DataSource, EntityManager } from 'typeorm';

/**
 * Rows of a raw statement. TypeORM answers UPDATE/DELETE … RETURNING with [rows, rowCount] and
 * everything else with rows; callers here always want the rows.
 */
export async function rows<T = any>(ds: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const r = await ds.query(sql, params);
  if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return r[0] as T[];
  return r as T[];
}
