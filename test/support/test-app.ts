import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KabarConfig, loadConfig } from '@kabar/config';
import { LogLevel } from '@kabar/common';
import { dataSourceOptions } from '@kabar/database';
import { seedDemoUnits } from '@kabar/demo';
import { createApiApp } from '../../apps/api/src/runtime/create-api-app';
import { ALL_ENTITIES } from '@kabar/runtime';
import { createTestDatabase } from './test-database';
import { freePort } from './spawn-app';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  config: KabarConfig;
  databaseUrl: string;
  ds: DataSource;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<KabarConfig> = {}): KabarConfig {
  return {
    ...loadConfig({ NODE_ENV: 'test', KABAR_LOG_LEVEL: 'error' }),
    secretKey: Buffer.alloc(32, 7).toString('base64'),
    seedDemo: false,
    sandbox: false,
    ...overrides,
  };
}

/** The real API over real HTTP on a free port, against a database of its own, with the demo units seeded. */
export async function startTestApp(overrides: Partial<KabarConfig> = {}, opts: { logLevel?: LogLevel } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const ds = new DataSource(dataSourceOptions(db.url, ALL_ENTITIES));
  await ds.initialize();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = testConfig({ port, publicUrl: baseUrl, ...overrides });
  await seedDemoUnits(ds, config.defaultTimeZone);
  const app = await createApiApp(config, db.url, opts.logLevel ?? 'error');
  await app.listen(port, '127.0.0.1');
  return {
    app,
    baseUrl,
    config,
    databaseUrl: db.url,
    ds,
    close: async () => {
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}
