/** Anything that runs SQL: a TypeORM DataSource or EntityManager, or a pg client wrapped by the caller. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}
