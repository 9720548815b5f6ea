import { Context, context, Span, SpanOptions, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';

/** Marks a span as failed with the error (recorded as an exception event when the span records). */
export function failSpan(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  const message = error instanceof Error ? error.message : String(error);
  span.recordException(error instanceof Error ? error : message);
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/**
 * Runs fn in a new span (a child of parent, default the active context) and ends it when fn settles;
 * a rejection marks the span failed and is rethrown. fn sees the span as the active one.
 */
export async function inSpan<T>(
  tracer: Tracer,
  name: string,
  options: SpanOptions,
  fn: (span: Span) => Promise<T>,
  parent: Context = context.active(),
): Promise<T> {
  const span = tracer.startSpan(name, options, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}
