import { DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseTimeouts, dataSourceOptions, poolTimeouts } from './data-source-options';
import { openReadDataSource, READ_DATA_SOURCE, ReadDataSourceCloser } from './read-data-source';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * The app's connection pool; each context registers its entities with TypeOrmModule.forFeature. `readUrl`
 * (DATABASE_READ_URL) adds a pool on a replica for reports (READ_DATA_SOURCE; the primary when unset).
 */
@Global()
@Module({})
export class DatabaseModule {
  /** `timeouts`: what a request waits for a connection, a statement, a lock (the API answers 503 past them); `readUrl`: a replica for reports. */
  static forRoot(url: string, poolSize = 10, timeouts?: DatabaseTimeouts, readUrl?: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url),
          autoLoadEntities: true,
          migrationsRun: false,
          extra: { max: poolSize, application_name: 'kabar', ...(timeouts ? poolTimeouts(timeouts) : {}) },
        }),
      ],
      providers: [
        { provide: DATABASE_URL, useValue: url },
        {
          provide: READ_DATA_SOURCE,
          inject: [getDataSourceToken()],
          useFactory: (primary: DataSource) => openReadDataSource(readUrl, primary, poolSize),
        },
        ReadDataSourceCloser,
      ],
      exports: [DATABASE_URL, READ_DATA_SOURCE],
    };
  }
}
