import { DynamicModule, Module } from '@nestjs/common';
import { KabarConfig } from '@kabar/config';
import { DatabaseModule } from '@kabar/database';
import { ConfigModule } from '@kabar/common';
import { WorkerFeaturesModule } from '@kabar/runtime';

/** The worker process: queue consumers and periodic triggers; no HTTP but a health port. Add features to WorkerFeaturesModule. */
@Module({})
export class WorkerModule {
  static forRoot(config: KabarConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
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
