import { setUpTracing, traceHeadersOf, tracerOf } from '@helpdesk/observability';
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AlwaysOnSampler, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startConsumeSpan } from './consume-tracing';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PRODUCER_SPAN_ID = '00f067aa0ba902b7';
const TOPIC = 'helpdesk.incident.incident.v1';

describe('startConsumeSpan', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = tracerOf('consume-spec');
  beforeAll(() =>
    setUpTracing({
      serviceName: 'consume-spec',
      spanProcessors: [new SimpleSpanProcessor(exporter)],
      sampler: new AlwaysOnSampler(),
    }),
  );
  beforeEach(() => exporter.reset());

  const message = (headers: Record<string, Buffer>) => ({
    topic: TOPIC,
    partition: 2,
    message: { headers, offset: '41', key: Buffer.from('inc-1') },
  });

  it('continues the message’s traceparent in a CONSUMER span that the handler runs in', () => {
    const consumed = startConsumeSpan(
      tracer,
      message({
        traceparent: Buffer.from(`00-${TRACE_ID}-${PRODUCER_SPAN_ID}-01`),
        'x-event-id': Buffer.from('0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f'),
        'x-event-type': Buffer.from('incident.created'),
      }),
      'reporting-service',
    );
    const inside = context.with(consumed.context, () => traceHeadersOf());
    consumed.end({ outcome: { status: 'handled', attempts: 1, envelope: {} as never } });

    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe(`process ${TOPIC}`);
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.parentSpanContext).toMatchObject({ spanId: PRODUCER_SPAN_ID, isRemote: true });
    expect(inside?.traceparent).toBe(`00-${TRACE_ID}-${span.spanContext().spanId}-01`);
    expect(span.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': TOPIC,
      'messaging.destination.partition.id': '2',
      'messaging.kafka.offset': 41,
      'messaging.consumer.group.name': 'reporting-service',
      'messaging.kafka.message.key': 'inc-1',
      'messaging.message.id': '0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f',
      'helpdesk.event.type': 'incident.created',
      'helpdesk.delivery.attempts': 1,
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('starts a trace for a message without one', () => {
    startConsumeSpan(tracer, message({}), 'g').end({ outcome: { status: 'handled', attempts: 1, envelope: {} as never } });
    const [span] = exporter.getFinishedSpans();
    expect(span.parentSpanContext).toBeUndefined();
  });

  it('records failed attempts, and a dead letter or an interrupted delivery as an error', () => {
    const deadLettered = startConsumeSpan(tracer, message({}), 'g');
    deadLettered.attemptFailed(new TypeError('bad'), 1, 'permanent');
    deadLettered.attemptFailed(new TypeError('bad'), 2, 'permanent');
    deadLettered.end({ outcome: { status: 'dead-lettered', attempts: 2, reason: 'handler-failed', error: 'TypeError: bad' } });
    startConsumeSpan(tracer, message({}), 'g').end({ error: new Error('Delivery interrupted') });

    const [dead, interrupted] = exporter.getFinishedSpans();
    expect(dead.events.map((e) => [e.name, e.attributes?.attempt, e.attributes?.kind])).toEqual([
      ['handler attempt failed', 1, 'permanent'],
      ['handler attempt failed', 2, 'permanent'],
    ]);
    expect(dead.attributes['helpdesk.delivery.dead_letter_reason']).toBe('handler-failed');
    expect(dead.status).toEqual({ code: SpanStatusCode.ERROR, message: 'dead-lettered: TypeError: bad' });
    expect(interrupted.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Delivery interrupted' });
  });
});
