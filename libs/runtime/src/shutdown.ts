import { JsonLogger } from '@kabar/common';

/** SIGINT/SIGTERM: close in order (HTTP, jobs, database), once; a second signal forces the exit. */
export function onShutdown(logger: JsonLogger, close: () => Promise<void>) {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) {
      process.exit(130);
    }
    closing = true;
    logger.info('shutting down', { signal }, 'runtime');
    close()
      .then(() => process.exit(0))
      .catch((e) => {
        logger.error(e instanceof Error ? e : String(e), 'runtime');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
