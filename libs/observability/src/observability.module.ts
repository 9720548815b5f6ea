import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppLogger, createPinoLogger } from './logging/app-logger';
import { CorrelationMiddleware } from './logging/correlation.middleware';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics.registry';
import { HttpServerTracing } from './tracing/http-server-tracing';
import { ServiceTracer } from './tracing/service-tracer';
import { flushTracing, setUpTracing } from './tracing/tracing';

export interface ObservabilityOptions {
  serviceName: string;
  logLevel?: string;
}

/**
 * Logs, metrics, health, correlation ids and traces for one service (global: every module can inject them).
 * CorrelationMiddleware is mounted by service-runtime's createServiceApp with app.use, ahead of every
 * route and outside the API prefix, so health, metrics and unknown paths get an id and a timing too.
 * Tracing is set up for the process on the first forRoot (see setUpTracing).
 */
@Global()
@Module({})
export class ObservabilityModule implements OnApplicationShutdown {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    setUpTracing({ serviceName: options.serviceName });
    const logger = new AppLogger(createPinoLogger(options.serviceName, options.logLevel));
    const tracer = new ServiceTracer(options.serviceName);
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: AppLogger, useValue: logger },
        { provide: MetricsRegistry, useValue: new MetricsRegistry(options.serviceName) },
        { provide: ServiceTracer, useValue: tracer },
        { provide: HttpServerTracing, useValue: new HttpServerTracing(tracer.tracer) },
        HttpMetrics,
        HealthRegistry,
        CorrelationMiddleware,
      ],
      exports: [AppLogger, MetricsRegistry, HealthRegistry, HttpMetrics, CorrelationMiddleware, ServiceTracer],
    };
  }

  /** Spans still in the exporter's buffer go out before the process ends. */
  async onApplicationShutdown(): Promise<void> {
    await flushTracing();
  }
}
