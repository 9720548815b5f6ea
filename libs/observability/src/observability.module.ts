import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AppLogger, createPinoLogger } from './logging/app-logger';
import { CorrelationMiddleware } from './logging/correlation.middleware';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics.registry';

export interface ObservabilityOptions {
  serviceName: string;
  logLevel?: string;
}

/** Logs, metrics, health and correlation ids for one service (global: every module can inject them). */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const logger = new AppLogger(createPinoLogger(options.serviceName, options.logLevel));
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: AppLogger, useValue: logger },
        { provide: MetricsRegistry, useValue: new MetricsRegistry(options.serviceName) },
        HttpMetrics,
        HealthRegistry,
        CorrelationMiddleware,
      ],
      exports: [AppLogger, MetricsRegistry, HealthRegistry, HttpMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(CorrelationMiddleware).forRoutes('{*path}');
  }
}
