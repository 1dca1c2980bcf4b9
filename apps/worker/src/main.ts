import 'reflect-metadata';
import { rootLogger } from '@kabar/common';
import { describeStartError, loadConfigOrExit, onShutdown, prepareRuntime } from '@kabar/runtime';
import { startWorker } from './start-worker';

/** `npm run start:worker`: a worker process alone, against DATABASE_URL. Run as many as needed. */
async function main() {
  const config0 = loadConfigOrExit();
  const logger = rootLogger(config0.logLevel);
  const { config, databaseUrl } = await prepareRuntime(config0, { allowEmbedded: false, role: 'start:worker' });
  const worker = await startWorker(config, databaseUrl, logger);
  onShutdown(logger, () => worker.close());
}

main().catch((e) => {
  process.stderr.write(`kabar: ${describeStartError(e)}\n`);
  process.exit(1);
});
