import { EventEnvelope } from '@helpdesk/contracts';
import { EventConsumer, InboxOutcome, InboxService, kafkaClientConfig } from '../src';
import { RequestContext } from '@helpdesk/observability';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Kafka, Partitioners } from 'kafkajs';
import { createTestDatabase, TestDatabase, testKafkaBrokers, TopicRecorder, waitFor } from '@helpdesk/testing';
import { counterTotal, startTestApp, TestApp } from './support/messaging-test-app';
import { thingChanged } from './support/test-events';
import { uniqueSuffix } from './support/unique-name';

const run = uniqueSuffix();
const TOPIC = `helpdesk.test.${run}.thing.v1`;
const ThingChanged = thingChanged(TOPIC);
const DAY_MS = 24 * 3600 * 1000;

interface Delivery {
  outcome: InboxOutcome;
  eventId: string;
  causationId: string | null | undefined;
  topic: string;
}
const deliveries: Delivery[] = [];

@EventConsumer()
class ThingConsumer {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(TOPIC)
  async onThing(@Payload() envelope: EventEnvelope, @Ctx() context: KafkaContext): Promise<void> {
    const event = ThingChanged.match(envelope);
    if (!event) return;
    const ctx = RequestContext.current();
    const outcome = await this.inbox.handleOnce(this.inbox.consumerGroup, event, async (manager) => {
      await manager.query(
        `INSERT INTO test_effect (event_id, aggregate_id, sequence, correlation_id, causation_id) VALUES ($1, $2, $3, $4, $5)`,
        [event.id, event.aggregateId, event.sequence, ctx?.correlationId, ctx?.causationId],
      );
    });
    deliveries.push({ outcome, eventId: event.id, causationId: ctx?.causationId, topic: context.getTopic() });
  }
}

describe('outbox → Kafka → inbox', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase('messaging_inbox');
    t = await startTestApp({
      database: db.name,
      serviceName: 'inbox-test',
      consumerGroup: `inbox-test-${run}`,
      publishes: [TOPIC],
      consumes: [TOPIC],
      // A poll far slower than the test: deliveries must come from the after-commit nudge.
      relay: { pollIntervalMs: 30_000 },
      inbox: { retentionMs: 30 * DAY_MS, pruneIntervalMs: 300 },
      consumers: [ThingConsumer],
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('applies an event exactly once although it is delivered three times', async () => {
    const correlationId = `corr-${run}`;
    const envelope = await RequestContext.run({ correlationId }, () =>
      t.dataSource.transaction((manager) =>
        t.outbox.append(manager, {
          event: ThingChanged,
          aggregateId: 'thing-1',
          payload: { n: 1 },
          actor: { id: 'u-1', role: 'agent' },
        }),
      ),
    );
    expect(envelope).toMatchObject({
      sequence: 1,
      source: 'inbox-test',
      correlationId,
      causationId: null,
      actor: { id: 'u-1', role: 'agent' },
    });

    await waitFor(() => deliveries.length >= 1, { timeoutMs: 8000, description: 'the first delivery (nudged after commit)' });

    // Redelivery 1: the relay publishes the same row again (as after a crash between send and commit).
    await t.dataSource.query(`UPDATE outbox_message SET sent_at = NULL WHERE id = $1`, [envelope.id]);
    t.outbox.nudge();
    // Redelivery 2: the same message produced once more by hand.
    const kafka = new Kafka(kafkaClientConfig({ brokers: testKafkaBrokers(), clientId: 'test-duplicator' }));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [{ key: 'thing-1', value: JSON.stringify(envelope) }] });
    await producer.disconnect();

    await waitFor(() => deliveries.length >= 3, { description: 'three deliveries' });
    expect(deliveries.map((d) => d.outcome)).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(new Set(deliveries.map((d) => d.eventId))).toEqual(new Set([envelope.id]));

    const [effects] = await t.dataSource.query(
      `SELECT count(*)::int AS n, max(correlation_id) AS corr, max(causation_id) AS cause FROM test_effect`,
    );
    expect(effects).toEqual({ n: 1, corr: correlationId, cause: envelope.id });
    const [inbox] = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE consumer_group = $1`, [
      `inbox-test-${run}`,
    ]);
    expect(inbox.n).toBe(1);

    // What went over the wire: key = aggregate id, value = the envelope, tracing headers beside it.
    const recorder = await new TopicRecorder([TOPIC]).start();
    const onTopic = await waitFor(() => recorder.messages.length >= 3 && recorder.messages, {
      description: '3 messages on the topic',
    });
    await recorder.stop();
    expect(onTopic[0]).toMatchObject({
      key: 'thing-1',
      headers: { 'x-correlation-id': correlationId, 'x-event-type': 'test.thing.changed', 'x-event-id': envelope.id },
    });
    expect(JSON.parse(onTopic[0].value ?? '')).toEqual(envelope);
    expect(await counterTotal(t.metrics, 'outbox_published_total')).toBe(2);
    expect(await counterTotal(t.metrics, 'kafka_consumer_consumed_total')).toBe(3);
  });

  it('numbers each aggregate gap-free and rolls events back with the transaction', async () => {
    const append = (aggregateId: string, n: number) =>
      t.dataSource.transaction((manager) => t.outbox.append(manager, { event: ThingChanged, aggregateId, payload: { n } }));
    const a = await Promise.all([1, 2, 3, 4, 5].map((n) => append('thing-seq', n)));
    expect(a.map((e) => e.sequence).sort()).toEqual([1, 2, 3, 4, 5]);

    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.outbox.append(manager, { event: ThingChanged, aggregateId: 'thing-seq', payload: { n: 6 } });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect((await append('thing-seq', 7)).sequence).toBe(6);

    // A bad payload or a missing transaction is a programming error.
    await expect(
      t.dataSource.transaction((manager) =>
        t.outbox.append(manager, { event: ThingChanged, aggregateId: 'x', payload: { n: 'one' as unknown as number } }),
      ),
    ).rejects.toThrow('n must be an integer');
    await expect(
      t.outbox.append(t.dataSource.manager, { event: ThingChanged, aggregateId: 'x', payload: { n: 1 } }),
    ).rejects.toThrow('open transaction');
    const [rows] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE message_key = 'x'`);
    expect(rows.n).toBe(0);
  });

  it('prunes inbox rows older than inbox.retentionMs, in the background and in chunks', async () => {
    const group = `prune-test-${run}`;
    const insert = (eventId: string, ageDays: number) =>
      t.dataSource.query(
        `INSERT INTO inbox_message (consumer_group, event_id, processed_at) VALUES ($1, $2, now() - $3::int * interval '1 day')`,
        [group, eventId, ageDays],
      );
    const remaining = async (): Promise<string[]> =>
      (await t.dataSource.query(`SELECT event_id FROM inbox_message WHERE consumer_group = $1 ORDER BY event_id`, [group])).map(
        (r: { event_id: string }) => r.event_id,
      );
    const id = (n: number) => `0190bbbb-0000-7000-8000-${String(n).padStart(12, '0')}`;

    // The module's pruning loop (every 300 ms here) removes what is past the 30-day retention only.
    await insert(id(1), 31);
    await insert(id(2), 29);
    await waitFor(async () => !(await remaining()).includes(id(1)), { description: 'the 31-day-old row pruned' });
    expect(await remaining()).toEqual([id(2)]);

    // A backlog goes chunk by chunk in one call.
    for (let n = 10; n < 15; n++) await insert(id(n), 40);
    await insert(id(20), 1);
    await expect(t.inbox.prune(30 * DAY_MS, 2)).resolves.toBeLessThanOrEqual(5);
    expect(await remaining()).toEqual([id(2), id(20)]);
  });

  it('reports Kafka readiness', async () => {
    const readiness = await t.health.readiness();
    expect(readiness.checks.kafka).toMatchObject({ status: 'up' });
  });
});
