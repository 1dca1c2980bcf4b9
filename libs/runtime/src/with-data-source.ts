import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kabar/database';
import { ALL_ENTITIES } from './entities';

/** A short-lived connection for start-up work (seeds, first admin), closed whatever happens. */
export async function withDataSource<T>(databaseUrl: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, ALL_ENTITIES));
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}
