import { checkPayload, defineEvent, requiredString } from '@helpdesk/contracts';
import { setUpTracing, tracerOf } from '@helpdesk/observability';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AlwaysOnSampler, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DataSource, EntityManager } from 'typeorm';
import { startConsumeSpan } from '../consumer/consume-tracing';
import { resolveMessagingOptions } from '../messaging.options';
import { OutboxRow, toTopicMessages } from './outbox-batch';
import { NewOutboxRow, OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OutboxSignal } from './outbox.signal';
import { startPublishSpans } from './outbox-tracing';

const ThingRenamed = defineEvent<{ name: string }>()({
  type: 'thing.renamed',
  topic: 'helpdesk.test.thing.v1',
  version: 1,
  aggregateType: 'thing',
  describePayloadProblems: (p: unknown) => checkPayload(p, [requiredString('name', 200)]),
});

const exporter = new InMemorySpanExporter();
const tracer = tracerOf('outbox-tracing-spec');
const finished = (name: string) => exporter.getFinishedSpans().filter((s) => s.name === name);

function row(id: string, traceContext: OutboxRow['traceContext']): OutboxRow {
  return {
    id,
    position: id.replace(/\D/g, '') || '1',
    topic: ThingRenamed.topic,
    messageKey: 'thing-1',
    envelope: { id },
    headers: { 'x-event-id': id, 'x-correlation-id': 'corr-1' },
    traceContext,
  };
}

/** What OutboxService.append stores when called inside the given span (the repository only records the row). */
async function appendInside(span: ReturnType<typeof tracer.startSpan> | null): Promise<NewOutboxRow> {
  const inserted: NewOutboxRow[] = [];
  const outbox = new OutboxService(
    resolveMessagingOptions({ serviceName: 'svc', brokers: 'k:9092', publishes: [], consumes: [] }),
    {} as DataSource,
    {
      nextSequence: async () => 1,
      insert: async (_m: EntityManager, r: NewOutboxRow) => void inserted.push(r),
    } as unknown as OutboxRepository,
    new OutboxSignal(),
  );
  const manager = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;
  const append = () => outbox.append(manager, { event: ThingRenamed, aggregateId: 'thing-1', payload: { name: 'n' } });
  await (span ? context.with(trace.setSpan(context.active(), span), append) : append());
  return inserted[0];
}

describe('trace context through the outbox', () => {
  beforeAll(() =>
    setUpTracing({
      serviceName: 'outbox-tracing-spec',
      spanProcessors: [new SimpleSpanProcessor(exporter)],
      sampler: new AlwaysOnSampler(),
    }),
  );
  beforeEach(() => exporter.reset());

  it('OutboxService.append stores the writing span’s traceparent with the row, and null outside any span', async () => {
    const request = tracer.startSpan('HTTP POST /api/v1/things', { kind: SpanKind.SERVER });
    const stored = await appendInside(request);
    const { traceId, spanId } = request.spanContext();
    expect(stored.traceContext).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
    expect(stored.headers).not.toHaveProperty('traceparent'); // the relay's span goes there, not the writer's
    expect((await appendInside(null)).traceContext).toBeNull();
  });

  it('the relay publishes each row in a PRODUCER span, a child of the writer’s, whose context goes into the headers', () => {
    const writer = tracer.startSpan('HTTP POST /api/v1/things', { kind: SpanKind.SERVER });
    const { traceId, spanId } = writer.spanContext();
    const rows = [row('e1', { traceparent: `00-${traceId}-${spanId}-01`, tracestate: 'helpdesk=1' }), row('e2', null)];

    const publishing = startPublishSpans(tracer, rows);
    publishing.end();

    const [child, root] = finished(`publish ${ThingRenamed.topic}`);
    expect(child.kind).toBe(SpanKind.PRODUCER);
    expect(child.spanContext().traceId).toBe(traceId);
    expect(child.parentSpanContext).toMatchObject({ spanId, isRemote: true });
    expect(child.spanContext().traceState?.get('helpdesk')).toBe('1');
    expect(child.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': ThingRenamed.topic,
      'messaging.message.id': 'e1',
      'messaging.kafka.message.key': 'thing-1',
    });
    expect(root.parentSpanContext).toBeUndefined(); // a row written outside any trace starts one
    expect(root.spanContext().traceId).not.toBe(traceId);

    const [messages] = toTopicMessages(publishing.rows);
    expect(messages.messages.map((m) => m.headers)).toEqual([
      {
        'x-event-id': 'e1',
        'x-correlation-id': 'corr-1',
        traceparent: `00-${traceId}-${child.spanContext().spanId}-01`,
        tracestate: 'helpdesk=1',
      },
      {
        'x-event-id': 'e2',
        'x-correlation-id': 'corr-1',
        traceparent: `00-${root.spanContext().traceId}-${root.spanContext().spanId}-01`,
      },
    ]);
    expect(rows[0].headers).not.toHaveProperty('traceparent'); // the claimed rows themselves are left as read
  });

  it('a failed send ends every producer span as failed', () => {
    const publishing = startPublishSpans(tracer, [row('e1', null), row('e2', null)]);
    publishing.end(new Error('Kafka send did not finish within 5000 ms'));
    const spans = finished(`publish ${ThingRenamed.topic}`);
    expect(spans.map((s) => s.status)).toEqual([
      { code: SpanStatusCode.ERROR, message: 'Kafka send did not finish within 5000 ms' },
      { code: SpanStatusCode.ERROR, message: 'Kafka send did not finish within 5000 ms' },
    ]);
  });

  it('writer → outbox row → Kafka headers (as kafkajs delivers them) → consumer span: one trace, parent by parent', async () => {
    const writer = tracer.startSpan('HTTP POST /api/v1/things', { kind: SpanKind.SERVER });
    const stored = await appendInside(writer);
    writer.end();
    const publishing = startPublishSpans(tracer, [{ ...row('e1', stored.traceContext), headers: stored.headers }]);
    publishing.end();
    // kafkajs hands headers to the consumer as Buffers.
    const [sent] = toTopicMessages(publishing.rows)[0].messages;
    const received = Object.fromEntries(Object.entries(sent.headers).map(([k, v]) => [k, Buffer.from(v)]));

    const consumed = startConsumeSpan(
      tracer,
      { topic: ThingRenamed.topic, partition: 0, message: { headers: received, offset: '7', key: Buffer.from('thing-1') } },
      'reporting-service',
    );
    expect(trace.getSpan(consumed.context)?.spanContext().traceId).toBe(writer.spanContext().traceId);
    consumed.end({ outcome: { status: 'handled', attempts: 1, envelope: {} as never } });

    const [producer] = finished(`publish ${ThingRenamed.topic}`);
    const [consumer] = finished(`process ${ThingRenamed.topic}`);
    expect(new Set([writer, producer, consumer].map((s) => s.spanContext().traceId)).size).toBe(1);
    expect(producer.parentSpanContext?.spanId).toBe(writer.spanContext().spanId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
  });
});
