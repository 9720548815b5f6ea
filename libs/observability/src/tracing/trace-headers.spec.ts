import { context, createContextKey, ROOT_CONTEXT, SpanContext, trace, TraceFlags } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import fc from 'fast-check';
import { contextFromHeaders, traceHeadersOf } from './trace-headers';
import { setUpTracing } from './tracing';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${SPAN_ID}-01`;

const withSpan = (spanContext: SpanContext) => trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext(spanContext));

describe('traceHeadersOf', () => {
  it("writes the context's span as traceparent, with its tracestate", () => {
    const ctx = withSpan({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: TraceFlags.SAMPLED,
      traceState: new TraceState('vendor=abc'),
    });
    expect(traceHeadersOf(ctx)).toEqual({ traceparent: TRACEPARENT, tracestate: 'vendor=abc' });
  });

  it('keeps an unsampled span unsampled and leaves tracestate out when there is none', () => {
    const ctx = withSpan({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.NONE });
    expect(traceHeadersOf(ctx)).toEqual({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-00` });
  });

  it('is null outside any span or for an invalid one', () => {
    expect(traceHeadersOf(ROOT_CONTEXT)).toBeNull();
    expect(traceHeadersOf(withSpan({ traceId: '0'.repeat(32), spanId: SPAN_ID, traceFlags: 1 }))).toBeNull();
  });
});

describe('contextFromHeaders', () => {
  const remote = (headers: Parameters<typeof contextFromHeaders>[0]) => trace.getSpanContext(contextFromHeaders(headers));

  it('reads HTTP headers (strings), Kafka headers (Buffers) and repeated headers (the first)', () => {
    const expected = { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.SAMPLED, isRemote: true };
    expect(remote({ traceparent: TRACEPARENT, 'content-type': 'application/json' })).toMatchObject(expected);
    expect(remote({ traceparent: Buffer.from(TRACEPARENT), 'x-event-id': Buffer.from('e1') })).toMatchObject(expected);
    expect(remote({ traceparent: [TRACEPARENT, `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`] })).toMatchObject(expected);
    expect(remote({ traceparent: Buffer.from(TRACEPARENT), tracestate: Buffer.from('a=1,b=2') })?.traceState?.get('b')).toBe('2');
  });

  it('gives the base context back when there is no valid traceparent', () => {
    const key = createContextKey('base marker');
    const base = ROOT_CONTEXT.setValue(key, 'kept');
    for (const headers of [
      undefined,
      null,
      {},
      { traceparent: undefined },
      { traceparent: 'garbage' },
      { traceparent: `00-${'0'.repeat(32)}-${SPAN_ID}-01` },
      { traceparent: `00-${TRACE_ID}-${'0'.repeat(16)}-01` },
    ]) {
      const ctx = contextFromHeaders(headers, base);
      expect(trace.getSpanContext(ctx)).toBeUndefined();
      expect(ctx.getValue(key)).toBe('kept');
    }
  });

  it("starts from the root context by default, never from the caller's active span", () => {
    setUpTracing({ serviceName: 'trace-headers-spec', spanProcessors: [] }); // the context manager
    const caller = withSpan({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED });
    context.with(caller, () => {
      expect(trace.getSpanContext(context.active())?.traceId).toBe('a'.repeat(32));
      expect(trace.getSpanContext(contextFromHeaders({}))).toBeUndefined();
      expect(trace.getSpanContext(contextFromHeaders({ traceparent: TRACEPARENT }))?.traceId).toBe(TRACE_ID);
      expect(trace.getSpanContext(contextFromHeaders({}, context.active()))?.traceId).toBe('a'.repeat(32));
    });
  });

  it('round-trips any valid span context through headers, as strings or Buffers (property)', () => {
    const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`)).filter((s) => !/^0+$/.test(s));
    fc.assert(
      fc.property(
        hex(32),
        hex(16),
        fc.constantFrom(TraceFlags.NONE, TraceFlags.SAMPLED),
        fc.boolean(),
        (traceId, spanId, flags, asBuffer) => {
          const headers = traceHeadersOf(withSpan({ traceId, spanId, traceFlags: flags }))!;
          const carrier = asBuffer ? { traceparent: Buffer.from(headers.traceparent) } : headers;
          expect(remote(carrier)).toMatchObject({ traceId, spanId, traceFlags: flags });
        },
      ),
      { numRuns: 300 },
    );
  });
});
