import 'reflect-metadata';
import { rootLogger } from '@kabar/common';
import { EmbeddedDatabase } from '@kabar/database';
import { seedDemo, startDemoSandbox, syncSandboxAccounts } from '@kabar/demo';
import { describeStartError, ensureFirstAdmin, ensureFirstAdminByUrl, loadConfigOrExit, onShutdown, prepareRuntime, withDataSource } from '@kabar/runtime';
import { createApiApp } from './runtime/create-api-app';

/**
 * `node dist/apps/api/src/main.js`        → the API alone (production; needs DATABASE_URL).
 * `node dist/apps/api/src/main.js --all`  → api + worker in one process, embedded PostgreSQL by default (`npm start`).
 */
/** The embedded PostgreSQL this process started, stopped on any failure after it. */
let embeddedDb: EmbeddedDatabase | undefined;

async function main() {
  const all = process.argv.includes('--all');
  const config0 = loadConfigOrExit();
  const logger = rootLogger(config0.logLevel);
  const prepared = await prepareRuntime(config0, { allowEmbedded: all, role: 'start:api' });
  const { databaseUrl, embedded } = prepared;
  embeddedDb = embedded;
  const demo = all && prepared.config.sandbox ? await startDemoSandbox(prepared.config) : undefined;
  const config = demo?.config ?? prepared.config;
  if (config.seedDemo)
    await withDataSource(databaseUrl, async (ds) => {
      await seedDemo(config, ds);
      await ensureFirstAdmin(config, ds);
    });
  else if (config.adminEmail || embedded) await ensureFirstAdminByUrl(config, databaseUrl);
  if (demo) await withDataSource(databaseUrl, (ds) => syncSandboxAccounts(ds, config, demo.sandbox));

  const app = await createApiApp(config, databaseUrl, config.logLevel, { withWorker: all });
  try {
    await app.listen(config.port, config.host);
  } catch (e) {
    process.stderr.write(`kabar: cannot listen on ${config.host}:${config.port}: ${describeStartError(e)}\n`);
    await app.close();
    await embedded?.stop();
    process.exit(1);
  }
  process.stdout.write(
    `\nKabar is running at ${config.publicUrl}\n` +
      (config.apiDocs ? `  API docs: ${config.publicUrl}/api/docs\n` : '') +
      (embedded ? `  Data: ${config.dataDir} (embedded PostgreSQL)\n` : '') +
      (demo ? `  Sandbox platforms: ${demo.sandbox.url}\n` : '') +
      '\n',
  );

  onShutdown(logger, async () => {
    await app.close();
    await demo?.sandbox.close();
    await embedded?.stop();
  });
}

main().catch(async (e) => {
  process.stderr.write(`kabar: ${describeStartError(e)}\n`);
  await embeddedDb?.stop().catch(() => undefined);
  process.exit(1);
});
