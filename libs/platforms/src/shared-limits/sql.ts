/**
 * The one thing shared limits need from a database: a TypeORM DataSource or a pg Pool both fit. No ORM here,
 * so libs/platforms stays free of the database lib.
 */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** Rows of a statement: TypeORM answers UPDATE … RETURNING with [rows, count], pg with { rows }. */
export async function rowsOf<T = any>(sql: SqlRunner, text: string, params: unknown[] = []): Promise<T[]> {
  const r = await sql.query(text, params);
  if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return r[0] as T[];
  if (r && !Array.isArray(r) && Array.isArray(r.rows)) return r.rows as T[];
  return r as T[];
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());
