import { EventEnvelope } from '@helpdesk/contracts';
import { EventPattern, Payload } from '@nestjs/microservices';
import { findFreePort, LocalKafka } from '@helpdesk/local-kafka';
import { createTestDatabase, TestDatabase, TopicRecorder, waitFor } from '@helpdesk/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventConsumer, InboxService } from '../src';
import { counterTotal, startTestApp, TestApp } from './support/messaging-test-app';
import { thingChanged } from './support/test-events';
import { oneTo, sequencesByKey } from './support/topic-order';
import { uniqueSuffix } from './support/unique-name';

const run = uniqueSuffix();
const TOPIC = `helpdesk.test.${run}.outage.v1`;
const ThingChanged = thingChanged(TOPIC);
const OUTAGE_MS = 30_000;
const AGGREGATES = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records each event in its app's inbox (one consumer group per app). */
@EventConsumer()
class ThingRecorder {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(TOPIC)
  async onThing(@Payload() envelope: EventEnvelope): Promise<void> {
    await this.inbox.handleOnce(this.inbox.consumerGroup, envelope, async () => undefined);
  }
}

// A broker of its own on free ports: stopping it must not disturb the other suites.
describe('Kafka down for 30 s during a stream of writes', () => {
  let kafka: LocalKafka;
  let dataDir: string;
  let db: TestDatabase;
  let t: TestApp;
  let lateConsumer: TestApp | undefined;

  beforeAll(async () => {
    const port = await findFreePort();
    let controllerPort = await findFreePort();
    while (controllerPort === port) controllerPort = await findFreePort();
    dataDir = await mkdtemp(join(tmpdir(), 'messaging-outage-kafka-'));
    kafka = new LocalKafka({ port, controllerPort, dataDir, heap: '-Xms128m -Xmx384m', stopTimeoutMs: 20_000 });
    await kafka.start();
    db = await createTestDatabase('messaging_outage');
    t = await startTestApp({
      database: db.name,
      serviceName: 'outage-test',
      brokers: kafka.brokers,
      consumerGroup: `outage-test-${run}`,
      publishes: [TOPIC],
      consumes: [TOPIC],
      relay: { pollIntervalMs: 100, maxBackoffMs: 2000 },
      consumers: [ThingRecorder],
    });
  });

  afterAll(async () => {
    await lateConsumer?.close();
    await t?.close();
    await kafka?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await db?.drop();
  });

  it('fails no write and delivers every event, in per-aggregate order, once the broker is back', async () => {
    const written: EventEnvelope[] = [];
    const failures: unknown[] = [];
    let slowestWriteMs = 0;
    let writing = true;
    const writer = (async () => {
      for (let n = 1; writing; n++) {
        const started = Date.now();
        try {
          const envelope = await t.dataSource.transaction(async (manager) => {
            const event = await t.outbox.append(manager, {
              event: ThingChanged,
              aggregateId: `thing-${n % AGGREGATES}`,
              payload: { n },
            });
            // The state change the event describes, in the same transaction.
            await manager.query(`INSERT INTO test_effect (event_id, aggregate_id, sequence) VALUES ($1, $2, $3)`, [
              event.id,
              event.aggregateId,
              event.sequence,
            ]);
            return event;
          });
          written.push(envelope);
        } catch (err) {
          failures.push(err);
        }
        slowestWriteMs = Math.max(slowestWriteMs, Date.now() - started);
        await sleep(40);
      }
    })();

    await sleep(2000);
    await kafka.stop();
    const outageStarted = Date.now();
    const writtenBeforeOutage = written.length;
    await sleep(3000);
    expect((await t.health.readiness()).checks.kafka.status).toBe('down');
    // A replica that starts while Kafka is down comes up anyway and connects later.
    lateConsumer = await startTestApp({
      database: db.name,
      serviceName: 'outage-test',
      brokers: kafka.brokers,
      consumerGroup: `outage-late-${run}`,
      consumes: [TOPIC],
      relay: { enabled: false },
      consumers: [ThingRecorder],
    });
    expect(Date.now() - outageStarted).toBeLessThan(OUTAGE_MS - 1000);
    await sleep(OUTAGE_MS - (Date.now() - outageStarted));
    const writtenDuringOutage = written.length - writtenBeforeOutage;
    const unsentAtEndOfOutage = (await t.metrics.registry.getSingleMetric('outbox_unsent_messages')!.get()).values[0].value;
    await kafka.start();
    await sleep(2000);
    writing = false;
    await writer;

    expect(failures).toEqual([]);
    expect(slowestWriteMs).toBeLessThan(2000); // writes never wait for Kafka
    expect(writtenDuringOutage).toBeGreaterThan(100);
    expect(unsentAtEndOfOutage).toBeGreaterThanOrEqual(writtenDuringOutage * 0.9);
    expect(await counterTotal(t.metrics, 'outbox_publish_errors_total')).toBeGreaterThan(0);

    await waitFor(
      async () => {
        const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL`);
        return row.n === 0;
      },
      { timeoutMs: 60_000, description: 'the outbox to drain after the outage' },
    );
    expect((await t.health.readiness()).checks.kafka.status).toBe('up');

    const ids = new Set(written.map((e) => e.id));
    const recorder = await new TopicRecorder([TOPIC], [kafka.brokers]).start();
    const messages = await waitFor(
      () => {
        const seen = new Set(recorder.messages.map((m) => JSON.parse(m.value ?? '{}').id as string));
        return [...ids].every((id) => seen.has(id)) && recorder.messages;
      },
      { timeoutMs: 60_000, description: `all ${ids.size} events on the topic` },
    );
    await recorder.stop();

    // Exactly the set written (a re-sent batch may repeat an event; consumers' inboxes absorb that).
    expect(new Set(messages.map((m) => JSON.parse(m.value ?? '{}').id))).toEqual(ids);
    const expectedCount = new Map<string, number>();
    for (const e of written) expectedCount.set(e.aggregateId, (expectedCount.get(e.aggregateId) ?? 0) + 1);
    for (const [key, sequences] of sequencesByKey(messages)) expect(sequences).toEqual(oneTo(expectedCount.get(key) ?? -1));

    // Both consumers (the one that lived through the outage, the one born during it) got everything, once.
    const inboxCount = async (group: string): Promise<number> =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE consumer_group = $1`, [group]))[0].n;
    for (const group of [`outage-test-${run}`, `outage-late-${run}`]) {
      await waitFor(async () => (await inboxCount(group)) === ids.size, {
        timeoutMs: 60_000,
        description: `${group} to catch up`,
      });
    }
  });
});
