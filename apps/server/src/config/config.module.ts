// Provides the validated configuration to every module.
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TtxConfig } from './ttx-config.js';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: TtxConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: TtxConfig, useValue: config }], exports: [TtxConfig] };
  }
}
