import { Context, context as otelContext, ROOT_CONTEXT, TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

/** The W3C trace-context headers of a span: `traceparent`, and `tracestate` when there is one. */
// A type literal, not an interface: it must fit HeaderCarrier's index signature.
export type TraceHeaders = {
  traceparent: string;
  tracestate?: string;
};

/** A header value as HTTP (string, string[]) or kafkajs (Buffer, string, arrays of either) hands it over. */
type HeaderValue = string | Buffer | ReadonlyArray<string | Buffer> | null | undefined;
export type HeaderCarrier = Readonly<Record<string, HeaderValue>>;

// Our wire format whatever the global propagator is (and also before tracing is set up).
const propagator = new W3CTraceContextPropagator();

const headerGetter: TextMapGetter<HeaderCarrier> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) return value.map((v: string | Buffer) => v.toString());
    return (value as string | Buffer).toString();
  },
};

const recordSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/**
 * The trace-context headers of ctx's current span (default: the active context), or null when it has no
 * valid span (tracing not set up, or outside any span).
 */
export function traceHeadersOf(ctx: Context = otelContext.active()): TraceHeaders | null {
  const carrier: Record<string, string> = {};
  propagator.inject(ctx, carrier, recordSetter);
  return carrier[TRACEPARENT_HEADER] ? (carrier as unknown as TraceHeaders) : null;
}

/**
 * base (default: the root context, so nothing of the caller's own trace leaks in) with the remote span of
 * the headers as its current span; base unchanged when they carry no valid `traceparent`.
 */
export function contextFromHeaders(headers: HeaderCarrier | null | undefined, base: Context = ROOT_CONTEXT): Context {
  return headers ? propagator.extract(base, headers, headerGetter) : base;
}
