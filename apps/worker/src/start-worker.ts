import * as http from 'http';
import { NestFactory } from '@nestjs/core';
import { KabarConfig } from '@kabar/config';
import { Logger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  close(): Promise<void>;
}

/** Boots the worker's modules without HTTP; closing it lets running jobs finish or releases them. */
export async function startWorker(config: KabarConfig, databaseUrl: string, logger: Pino): Promise<RunningWorker> {
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, databaseUrl, logger), { bufferLogs: true });
  ctx.useLogger(ctx.get(Logger));
  await ctx.init();
  let health: http.Server | undefined;
  if (config.workerHealthPort) {
    health = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', pid: process.pid }));
    });
    await new Promise<void>((resolve) => health!.listen(config.workerHealthPort, '127.0.0.1', resolve));
  }
  logger.info({ pid: process.pid, context: 'worker' }, 'worker started');
  return {
    close: async () => {
      await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()));
      await ctx.close();
    },
  };
}
