import { DataSource } from 'typeorm';
import { KabarConfig } from '@kabar/config';
import { dataSourceOptions } from '@kabar/database';
import { seedDemoUnits } from '@kabar/org';
import { ALL_ENTITIES } from '../entities';

/** First start of the embedded default: the Kota Bogor demo. Each seed is idempotent. */
export async function seedDemo(config: KabarConfig, databaseUrl: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, ALL_ENTITIES));
  await ds.initialize();
  try {
    await seedDemoUnits(ds, config.defaultTimeZone);
  } finally {
    await ds.destroy();
  }
}
