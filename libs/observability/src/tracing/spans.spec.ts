import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AlwaysOnSampler, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { inSpan } from './spans';
import { traceHeadersOf } from './trace-headers';
import { setUpTracing, tracerOf } from './tracing';

describe('inSpan', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = tracerOf('spans-spec');
  beforeAll(() =>
    setUpTracing({
      serviceName: 'spans-spec',
      spanProcessors: [new SimpleSpanProcessor(exporter)],
      sampler: new AlwaysOnSampler(),
    }),
  );
  beforeEach(() => exporter.reset());

  it('runs fn with the new span active, as a child of the active one, and ends it', async () => {
    const parent = tracer.startSpan('parent');
    const seen = await context.with(trace.setSpan(context.active(), parent), () =>
      inSpan(tracer, 'HTTP POST /api/v1/incidents', { kind: SpanKind.CLIENT }, async () => {
        await new Promise((r) => setTimeout(r, 1));
        return traceHeadersOf()?.traceparent;
      }),
    );
    const [child] = exporter.getFinishedSpans();
    expect(child.kind).toBe(SpanKind.CLIENT);
    expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(seen).toBe(`00-${child.spanContext().traceId}-${child.spanContext().spanId}-01`);
  });

  it('marks the span failed with the error and rethrows it', async () => {
    await expect(inSpan(tracer, 'forward', {}, () => Promise.reject(new Error('upstream down')))).rejects.toThrow(
      'upstream down',
    );
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'upstream down' });
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });
});
