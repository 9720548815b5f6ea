export { AppLogger, createPinoLogger } from './logging/app-logger';
export { CORRELATION_HEADER, CorrelationMiddleware } from './logging/correlation.middleware';
export { RequestContext, RequestContextData } from './logging/request-context';
export { HealthCheck, HealthCheckResult, HealthRegistry } from './health/health.registry';
export { HttpMetrics } from './metrics/http-metrics';
export { METRICS_ROUTE_LOCAL, metricsRouteOf, setMetricsRoute, UNMATCHED_ROUTE } from './metrics/metrics-route';
export { MetricsRegistry } from './metrics/metrics.registry';
export { ObservabilityModule, ObservabilityOptions } from './observability.module';
export { withTimeout } from './timing/with-timeout';
export { failSpan, inSpan } from './tracing/spans';
export { HttpServerTracing, ServerSpan, UNTRACED_PATHS } from './tracing/http-server-tracing';
export { ServiceTracer } from './tracing/service-tracer';
export {
  contextFromHeaders,
  HeaderCarrier,
  TRACEPARENT_HEADER,
  TraceHeaders,
  traceHeadersOf,
  TRACESTATE_HEADER,
} from './tracing/trace-headers';
export { traceLogFields } from './tracing/trace-log-fields';
export { flushTracing, OTLP_ENDPOINT_VARIABLES, setUpTracing, tracerOf, TracingOptions, TracingSetup } from './tracing/tracing';
