export { AppLogger, createPinoLogger } from './logging/app-logger';
export { CORRELATION_HEADER, CorrelationMiddleware } from './logging/correlation.middleware';
export { RequestContext, RequestContextData } from './logging/request-context';
export { HealthCheck, HealthCheckResult, HealthRegistry } from './health/health.registry';
export { HttpMetrics } from './metrics/http-metrics';
export { METRICS_ROUTE_LOCAL, metricsRouteOf, setMetricsRoute, UNMATCHED_ROUTE } from './metrics/metrics-route';
export { MetricsRegistry } from './metrics/metrics.registry';
export { ObservabilityModule, ObservabilityOptions } from './observability.module';
export { withTimeout } from './timing/with-timeout';
