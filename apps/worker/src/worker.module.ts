import { DynamicModule, Module } from '@nestjs/common';
import { KabarConfig } from '@kabar/config';
import { DatabaseModule } from '@kabar/database';
import { ConfigModule, loggerModule, rootLogger } from '@kabar/common';
import type { Logger as Pino } from 'pino';
import { WorkerFeaturesModule } from '@kabar/runtime';

/** The worker process: queue consumers and periodic triggers; no HTTP but a health port. Add features to WorkerFeaturesModule. */
@Module({})
export class WorkerModule {
  /** `logger`: the process's pino logger (one is made at the configured level when absent, as in tests). */
  static forRoot(config: KabarConfig, databaseUrl: string, logger: Pino = rootLogger(config.logLevel)): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(logger),
        DatabaseModule.forRoot(databaseUrl, Math.min(16, Math.max(4, config.workerConcurrency + 2)), {
          connectMs: config.dbConnectTimeoutMs,
          statementMs: config.dbStatementTimeoutMs,
          lockMs: config.dbLockTimeoutMs,
        }),
        WorkerFeaturesModule,
      ],
    };
  }
}
