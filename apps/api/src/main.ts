import 'reflect-metadata';
import { JsonLogger } from '@kabar/common';
import { loadConfigOrExit, prepareRuntime } from './runtime/prepare-runtime';
import { createApiApp } from './runtime/create-api-app';
import { seedDemo } from './runtime/seed-demo';
import { startWorker } from '../../worker/src/start-worker';
import { onShutdown } from './runtime/shutdown';

/**
 * `node dist/apps/api/src/main.js`        → the API alone (production; needs DATABASE_URL).
 * `node dist/apps/api/src/main.js --all`  → api + worker in one process, embedded PostgreSQL by default (`npm start`).
 */
async function main() {
  const all = process.argv.includes('--all');
  const config0 = loadConfigOrExit();
  const logger = new JsonLogger(config0.logLevel);
  const { config, databaseUrl, embedded } = await prepareRuntime(config0, { allowEmbedded: all, role: 'start:api' });
  if (config.seedDemo) await seedDemo(config, databaseUrl);

  const app = await createApiApp(config, databaseUrl, logger);
  const worker = all ? await startWorker(config, databaseUrl, logger) : undefined;
  try {
    await app.listen(config.port, config.host);
  } catch (e) {
    process.stderr.write(`kabar: cannot listen on ${config.host}:${config.port}: ${(e as Error).message}\n`);
    await worker?.close();
    await app.close();
    await embedded?.stop();
    process.exit(1);
  }
  process.stdout.write(
    `\nKabar is running at ${config.publicUrl}\n  API docs: ${config.publicUrl}/api/docs\n` +
      (embedded ? `  Data: ${config.dataDir} (embedded PostgreSQL)\n` : '') +
      '\n',
  );

  onShutdown(logger, async () => {
    await app.close();
    await worker?.close();
    await embedded?.stop();
  });
}

main().catch((e) => {
  process.stderr.write(`kabar: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
