import { DynamicModule, Module } from '@nestjs/common';
import { loadConfig } from './load-config';

/** Registers a validated config class as a provider (inject it by its class). */
@Module({})
export class ConfigModule {
  static forRoot<T extends object>(configClass: new () => T, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: configClass, useValue: loadConfig(configClass, env) }],
      exports: [configClass],
    };
  }
}
