import { ConfigValidationError } from '@helpdesk/config';
import { trace, Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, BatchSpanProcessor, Sampler, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { withTimeout } from '../timing/with-timeout';

/** The OpenTelemetry variables that switch the OTLP/HTTP exporter on (the exporter reads the rest itself). */
export const OTLP_ENDPOINT_VARIABLES = ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'] as const;

export interface TracingOptions {
  /** service.name of the process's resource. */
  serviceName: string;
  /** Where finished spans go. Default: OTLP/HTTP when an endpoint variable is set, else nowhere. */
  spanProcessors?: SpanProcessor[];
  /** Only with span processors; default OTEL_TRACES_SAMPLER (parentbased_always_on). */
  sampler?: Sampler;
}

export interface TracingSetup {
  serviceName: string;
  /** False: spans are never recorded, only their ids are made and propagated. */
  recording: boolean;
  provider: NodeTracerProvider;
}

let installed: TracingSetup | null = null;

/**
 * Sets up tracing for the process, once (the first caller's options win; later calls get the same set-up):
 * a NodeTracerProvider with the AsyncLocalStorage context manager and the W3C trace-context propagator.
 *
 * With an OTLP endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT) spans are
 * batched and exported over OTLP/HTTP, sampled as OTEL_TRACES_SAMPLER says. Without one nothing is
 * recorded (AlwaysOffSampler): each span is a non-recording span that still has ids, so an incoming
 * `traceparent` is continued, a request without one starts a trace, ids go on to Kafka and HTTP calls and
 * into log lines, and the cost per span is two random ids and a context object.
 */
export function setUpTracing(options: TracingOptions): TracingSetup {
  if (installed) return installed;
  const processors = options.spanProcessors ?? otlpProcessorsFromEnv(options.serviceName, process.env);
  const recording = processors.length > 0;
  const provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(detectResources({ detectors: [envDetector] }))
      .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName })),
    spanProcessors: processors,
    ...(recording ? (options.sampler ? { sampler: options.sampler } : {}) : { sampler: new AlwaysOffSampler() }),
  });
  // Trace context only: baggage from public clients is not ours to pass on.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  installed = { serviceName: options.serviceName, recording, provider };
  return installed;
}

/**
 * The tracer a service's code starts its spans with. It is named after the service rather than after the
 * instrumenting library: in production each process is one service (the resource says which), and apps
 * that share a process (the trace continuity test) keep their spans apart by it.
 */
export function tracerOf(serviceName: string): Tracer {
  return trace.getTracer(serviceName);
}

/** Sends what is buffered (on shutdown); bounded, so an unreachable collector cannot hold the exit up. */
export async function flushTracing(timeoutMs = 2000): Promise<void> {
  if (!installed?.recording) return;
  await withTimeout(installed.provider.forceFlush(), timeoutMs, 'flushing spans timed out').catch(() => undefined);
}

/** An OTLP/HTTP exporter behind a batch processor when an endpoint is configured; throws on a malformed one. */
export function otlpProcessorsFromEnv(serviceName: string, env: NodeJS.ProcessEnv): SpanProcessor[] {
  const problems = OTLP_ENDPOINT_VARIABLES.flatMap((variable) => {
    const value = env[variable]?.trim();
    return value && !isHttpUrl(value) ? [{ variable, reason: 'must be an http:// or https:// URL' }] : [];
  });
  if (problems.length > 0) throw new ConfigValidationError(serviceName, problems);
  if (!OTLP_ENDPOINT_VARIABLES.some((variable) => env[variable]?.trim())) return [];
  return [new BatchSpanProcessor(new OTLPTraceExporter())];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
