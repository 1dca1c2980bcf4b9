import type { Logger as Pino } from 'pino';

/** SIGINT/SIGTERM: close in order (HTTP, jobs, database), once; a second signal forces the exit. */
export function onShutdown(logger: Pino, close: () => Promise<void>) {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) {
      process.exit(130);
    }
    closing = true;
    logger.info({ signal, context: 'runtime' }, 'shutting down');
    close()
      .then(() => process.exit(0))
      .catch((e) => {
        logger.error({ err: e, context: 'runtime' }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
