import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@kabar/config';
import { dataSourceOptions } from '@kabar/database';
import { ALL_ENTITIES } from '@kabar/runtime';

/** For the TypeORM CLI (`npm run migration:generate -- libs/database/src/migrations/Name`), against DATABASE_URL. */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl ?? 'postgres://localhost/kabar', ALL_ENTITIES));
