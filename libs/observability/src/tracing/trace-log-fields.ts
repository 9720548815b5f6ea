import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/** The active span's ids for a log line (OpenTelemetry's log field names), or null outside any span. */
export function traceLogFields(): { trace_id: string; span_id: string } | null {
  const span = trace.getSpanContext(context.active());
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : null;
}
