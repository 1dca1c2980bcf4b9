import { DynamicModule, Module } from '@nestjs/common';
import { KabarConfig } from '@kabar/config';
import { DatabaseModule } from '@kabar/database';
import { OrgModule } from '@kabar/org';
import { HealthController } from './health/health.controller';
import { ConfigModule } from '@kabar/common';

/** The HTTP process: composes the contexts' modules. Domain code lives in libs/. */
@Module({})
export class ApiModule {
  static forRoot(config: KabarConfig, databaseUrl: string): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl), OrgModule],
      controllers: [HealthController],
    };
  }
}
