import { DynamicModule, Global, Module } from '@nestjs/common';
import { KabarConfig } from '@kabar/config';

export const KABAR_CONFIG = 'KABAR_CONFIG';

/** Makes the validated configuration injectable: `@Inject(KABAR_CONFIG) config: KabarConfig`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: KabarConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: KABAR_CONFIG, useValue: config }], exports: [KABAR_CONFIG] };
  }
}
