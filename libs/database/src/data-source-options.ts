import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

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
