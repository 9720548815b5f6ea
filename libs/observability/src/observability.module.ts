import { DynamicModule, Global, Module } from '@nestjs/common';
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

/**
 * Logs, metrics, health and correlation ids for one service (global: every module can inject them).
 * CorrelationMiddleware is mounted by service-runtime's createServiceApp with app.use, ahead of every
 * route and outside the API prefix, so health, metrics and unknown paths get an id and a timing too.
 */
@Global()
@Module({})
export class ObservabilityModule {
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
      exports: [AppLogger, MetricsRegistry, HealthRegistry, HttpMetrics, CorrelationMiddleware],
    };
  }
}
