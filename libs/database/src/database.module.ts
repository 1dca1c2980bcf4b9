import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseTimeouts, dataSourceOptions, poolTimeouts } from './data-source-options';

export const DATABASE_URL = Symbol('DATABASE_URL');

/** The app's one connection pool; each context registers its entities with TypeOrmModule.forFeature. */
@Global()
@Module({})
export class DatabaseModule {
  /** `timeouts`: what a request waits for a connection, a statement, a lock (the API answers 503 past them). */
  static forRoot(url: string, poolSize = 10, timeouts?: DatabaseTimeouts): DynamicModule {
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
      providers: [{ provide: DATABASE_URL, useValue: url }],
      exports: [DATABASE_URL],
    };
  }
}
