import { EventEnvelope } from '@helpdesk/contracts';
import { EventConsumer, InboxService, kafkaClientConfig } from '../src';
import { createTestDatabase, TestDatabase, testKafkaBrokers, TopicRecorder, waitFor } from '@helpdesk/testing';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { counterTotal, startTestApp, TestApp } from './support/messaging-test-app';
import { thingChanged } from './support/test-events';
import { uniqueSuffix } from './support/unique-name';

const run = uniqueSuffix();
const TOPIC = `helpdesk.test.${run}.dlq-thing.v1`;
const DLQ = `${TOPIC}.dlq`;
const GROUP = `dlq-test-${run}`;
const ThingChanged = thingChanged(TOPIC);
const attemptsByEvent = new Map<string, number>();

@EventConsumer()
class FailingThingConsumer {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(TOPIC)
  async onThing(@Payload() envelope: EventEnvelope): Promise<void> {
    const event = ThingChanged.match(envelope);
    if (!event) return;
    attemptsByEvent.set(event.id, (attemptsByEvent.get(event.id) ?? 0) + 1);
    await this.inbox.handleOnce(GROUP, event, async (manager) => {
      await manager.query(`INSERT INTO test_effect (event_id, aggregate_id, sequence) VALUES ($1, $2, $3)`, [
        event.id,
        event.aggregateId,
        event.sequence,
      ]);
      // Thrown inside the inbox transaction: the inbox row rolls back with the effect, so retries are real.
      if (event.payload.fail) throw new Error(`thing ${event.payload.n} cannot be handled`);
    });
  }
}

function envelope(n: number, payload: Record<string, unknown>): EventEnvelope {
  return {
    id: `0190aaaa-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'test.thing.changed',
    version: 1,
    occurredAt: '2026-11-23T08:00:00.000Z',
    source: 'dlq-test',
    aggregateType: 'thing',
    aggregateId: 'thing-dlq',
    sequence: n,
    correlationId: `corr-${n}`,
    causationId: null,
    actor: { id: 'dlq-test', role: 'system' },
    payload,
  };
}

describe('dead letters', () => {
  let db: TestDatabase;
  let t: TestApp;
  let producer: Producer;

  beforeAll(async () => {
    db = await createTestDatabase('messaging_dlq');
    t = await startTestApp({
      database: db.name,
      serviceName: 'dlq-test',
      consumerGroup: GROUP,
      consumes: [TOPIC],
      retry: { attempts: 3, baseDelayMs: 50 },
      consumers: [FailingThingConsumer],
    });
    producer = new Kafka(kafkaClientConfig({ brokers: testKafkaBrokers(), clientId: 'dlq-test-producer' })).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await t?.close();
    await db?.drop();
  });

  it('dead-letters an unparseable message and a handler that keeps failing, then goes on', async () => {
    // One key, so one partition: the good message is consumed only after the two bad ones.
    const key = 'thing-dlq';
    await producer.send({
      topic: TOPIC,
      messages: [
        { key, value: 'this is not an envelope', headers: { 'x-correlation-id': 'corr-garbage' } },
        { key, value: JSON.stringify(envelope(2, { n: 2, fail: true })) },
        { key, value: JSON.stringify(envelope(3, { n: 'three' })) },
        { key, value: JSON.stringify(envelope(4, { n: 4 })) },
      ],
    });

    await waitFor(
      async () => {
        const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM test_effect WHERE sequence = 4`);
        return row.n === 1;
      },
      { description: 'the good message after the bad ones' },
    );

    const recorder = await new TopicRecorder([DLQ]).start();
    const dead = await waitFor(() => recorder.messages.length >= 3 && recorder.messages, { description: '3 dead letters' });
    await recorder.stop();
    const [garbage, failing, invalid] = [...dead].sort(
      (a, b) => Number(a.headers['x-dlq-original-offset']) - Number(b.headers['x-dlq-original-offset']),
    );

    expect(garbage.value).toBe('this is not an envelope');
    expect(garbage.key).toBe(key);
    expect(garbage.headers).toMatchObject({
      'x-correlation-id': 'corr-garbage',
      'x-dlq-original-topic': TOPIC,
      'x-dlq-attempts': '0',
      'x-dlq-consumer-group': GROUP,
    });
    expect(garbage.headers['x-dlq-error']).toMatch(/^unparseable: EnvelopeParseError: .*not JSON/);
    expect(garbage.headers['x-dlq-original-partition']).toMatch(/^\d+$/);

    expect(JSON.parse(failing.value ?? '')).toEqual(envelope(2, { n: 2, fail: true }));
    expect(failing.headers).toMatchObject({ 'x-dlq-error': 'Error: thing 2 cannot be handled', 'x-dlq-attempts': '3' });
    expect(attemptsByEvent.get(envelope(2, {}).id)).toBe(3);

    // A payload the event definition rejects cannot get better: no retries.
    expect(invalid.headers['x-dlq-error']).toMatch(/^PayloadValidationError: .*n must be an integer/);
    expect(invalid.headers['x-dlq-attempts']).toBe('1');

    const effects = await t.dataSource.query(`SELECT sequence FROM test_effect ORDER BY id`);
    expect(effects).toEqual([{ sequence: 4 }]);
    expect(await counterTotal(t.metrics, 'kafka_consumer_dead_lettered_total')).toBe(3);
    expect(await counterTotal(t.metrics, 'kafka_consumer_handler_errors_total')).toBe(4);
    // Lag is reported per partition after each batch; everything was consumed, so it is 0 where it was measured.
    const lag = await t.metrics.registry.getSingleMetric('kafka_consumer_lag_messages')!.get();
    expect(lag.values.filter((v) => v.labels.topic === TOPIC).length).toBeGreaterThan(0);
    expect(lag.values.filter((v) => v.labels.topic === TOPIC).every((v) => v.value === 0)).toBe(true);
  });
});
