import { DynamicModule, Module } from '@nestjs/common';
import { KabarConfig } from '@kabar/config';
import { DatabaseModule, DatabaseTimeouts } from '@kabar/database';
import { OrgModule } from '@kabar/org';
import { AccountsModule } from '@kabar/accounts';
import { ContentModule } from '@kabar/content';
import { PublishingApiModule } from '@kabar/publishing';
import { AnalyticsApiModule } from '@kabar/analytics';
import { AduanModule } from '@kabar/aduan';
import { HealthController } from './health/health.controller';
import { ConfigModule, loggerModule } from '@kabar/common';
import type { Logger as Pino } from 'pino';
import { WorkerFeaturesModule } from '@kabar/runtime';

/** The HTTP process: composes the contexts' modules. Domain code lives in libs/. */
@Module({})
export class ApiModule {
  /** `withWorker`: the embedded default runs the worker's features in this same process and pool. */
  static forRoot(config: KabarConfig, databaseUrl: string, opts: { withWorker?: boolean; logger: Pino }): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(opts.logger),
        DatabaseModule.forRoot(
          databaseUrl,
          opts.withWorker ? Math.max(10, config.workerConcurrency + 6) : 10,
          databaseTimeouts(config),
          config.databaseReadUrl,
        ),
        OrgModule,
        AccountsModule,
        ContentModule,
        PublishingApiModule,
        AnalyticsApiModule,
        AduanModule,
        ...(opts.withWorker ? [WorkerFeaturesModule] : []),
      ],
      controllers: [HealthController],
    };
  }
}

export function databaseTimeouts(config: KabarConfig): DatabaseTimeouts {
  return { connectMs: config.dbConnectTimeoutMs, statementMs: config.dbStatementTimeoutMs, lockMs: config.dbLockTimeoutMs };
}
