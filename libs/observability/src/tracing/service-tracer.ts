import { Tracer } from '@opentelemetry/api';
import { tracerOf } from './tracing';

/** The service's tracer for Nest code (ObservabilityModule provides it; see tracerOf). */
export class ServiceTracer {
  readonly tracer: Tracer;

  constructor(readonly serviceName: string) {
    this.tracer = tracerOf(serviceName);
  }
}
