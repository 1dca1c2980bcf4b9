import * as http from 'http';
import { NestFactory } from '@nestjs/core';
import { KabarConfig } from '@kabar/config';
import { JsonLogger } from '@kabar/common';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  close(): Promise<void>;
}

/** Boots the worker's modules without HTTP; closing it lets running jobs finish or releases them. */
export async function startWorker(config: KabarConfig, databaseUrl: string, logger: JsonLogger): Promise<RunningWorker> {
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, databaseUrl), { logger });
  await ctx.init();
  let health: http.Server | undefined;
  if (config.workerHealthPort) {
    health = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', pid: process.pid }));
    });
    await new Promise<void>((resolve) => health!.listen(config.workerHealthPort, '127.0.0.1', resolve));
  }
  logger.info('worker started', { pid: process.pid }, 'worker');
  return {
    close: async () => {
      await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()));
      await ctx.close();
    },
  };
}
