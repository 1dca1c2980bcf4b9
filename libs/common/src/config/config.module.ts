import { DynamicModule, Global, Module } from '@nestjs/common';
import { KabarConfig } from '@kabar/config';
import { Clock } from '../time/clock';

export const KABAR_CONFIG = 'KABAR_CONFIG';

/** Makes the validated configuration injectable (`@Inject(KABAR_CONFIG) config: KabarConfig`), and the product's Clock. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: KabarConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: KABAR_CONFIG, useValue: config },
        { provide: Clock, useValue: new Clock(config.clockStart) },
      ],
      exports: [KABAR_CONFIG, Clock],
    };
  }
}
