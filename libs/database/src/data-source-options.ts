import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Milliseconds; 0 turns one off. */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  lockMs: number;
}

/**
 * node-postgres pool options for the timeouts: PostgreSQL's statement_timeout and lock_timeout, the wait for a
 * connection, and a client-side query timeout a little after the statement timeout (a server that hangs cannot
 * cancel its own statement).
 */
export function poolTimeouts(t: DatabaseTimeouts): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = { keepAlive: true };
  if (t.connectMs) out.connectionTimeoutMillis = t.connectMs;
  if (t.statementMs) {
    out.statement_timeout = t.statementMs;
    out.query_timeout = t.statementMs + Math.max(1000, Math.min(5000, t.statementMs / 2));
  }
  if (t.lockMs) out.lock_timeout = t.lockMs;
  return out;
}

/** One DataSource definition for the app, the worker, the TypeORM CLI and the tests. `synchronize` is never on. */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 10, application_name: 'kabar' },
  } as DataSourceOptions;
}
