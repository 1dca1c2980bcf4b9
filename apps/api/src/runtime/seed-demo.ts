import { DataSource } from 'typeorm';
import { KabarConfig } from '@kabar/config';
import { dataSourceOptions } from '@kabar/database';
import { seedDemoUnits } from '@kabar/org';
import { seedDemoContent } from '@kabar/content';
import { ALL_ENTITIES } from '../entities';
import { ensureFirstAdmin } from './first-admin';

/** First start of the embedded default: the Kota Bogor demo and its first city admin. Each seed is idempotent. */
export async function seedDemo(config: KabarConfig, databaseUrl: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, ALL_ENTITIES));
  await ds.initialize();
  try {
    await seedDemoUnits(ds, config.defaultTimeZone);
    await seedDemoContent(ds);
    await ensureFirstAdmin(config, ds);
  } finally {
    await ds.destroy();
  }
}
