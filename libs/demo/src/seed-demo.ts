import { DataSource } from 'typeorm';
import { KabarConfig } from '@kabar/config';
import { seedDemoContent } from './demo-content.seed';
import { seedDemoUnits } from './demo-units.seed';

/** First start of the embedded default: the Kota Bogor units and content. Each seed is idempotent. */
export async function seedDemo(config: KabarConfig, ds: DataSource): Promise<void> {
  await seedDemoUnits(ds, config.defaultTimeZone);
  await seedDemoContent(ds);
}
