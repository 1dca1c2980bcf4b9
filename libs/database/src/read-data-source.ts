import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Where reports read: the replica of DATABASE_READ_URL (a streaming standby), or the primary when unset.
 * Nothing writes through it: a standby refuses writes ("cannot execute … in a read-only transaction").
 */
export const READ_DATA_SOURCE = Symbol('READ_DATA_SOURCE');

/** A pool on the replica (no entities, no migrations run: the primary's migrations reach it by replication). */
export async function openReadDataSource(readUrl: string | undefined, primary: DataSource, poolSize: number): Promise<DataSource> {
  if (!readUrl) return primary;
  const ds = new DataSource({ ...dataSourceOptions(readUrl, []), migrations: [], extra: { max: poolSize, application_name: 'kabar-read' } } as never);
  return ds.initialize();
}

/** Closes the replica's pool at shutdown (the primary's belongs to TypeORM's module). */
@Injectable()
export class ReadDataSourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(READ_DATA_SOURCE) private readonly read: DataSource,
    @Inject(getDataSourceToken()) private readonly primary: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.read !== this.primary && this.read.isInitialized) await this.read.destroy();
  }
}
