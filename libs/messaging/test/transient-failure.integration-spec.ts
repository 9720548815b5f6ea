import { EventEnvelope } from '@helpdesk/contracts';
import { createTestDatabase, TestDatabase, testKafkaBrokers, waitFor } from '@helpdesk/testing';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { EventConsumer, InboxService, kafkaClientConfig } from '../src';
import { counterTotal, startTestApp, TestApp } from './support/messaging-test-app';
import { thingChanged } from './support/test-events';
import { uniqueSuffix } from './support/unique-name';

const run = uniqueSuffix();
const TOPIC = `helpdesk.test.${run}.transient.v1`;
const GROUP = `transient-test-${run}`;
const ThingChanged = thingChanged(TOPIC);
const OUTAGE_MS = 5000;

/** Handler attempts per event sequence, and when the first event finally went through. */
const attempts = new Map<number, number>();
let outageEndsAt = 0;
let firstAppliedAt = 0;

/**
 * For OUTAGE_MS after the first event arrives, PostgreSQL drops the handler's session in the
 * middle of its transaction (pg_terminate_backend: a real 57P01 admin_shutdown, as in a failover
 * or a restart of the server).
 */
@EventConsumer()
class FlakyDatabaseConsumer {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(TOPIC)
  async onThing(@Payload() envelope: EventEnvelope): Promise<void> {
    const event = ThingChanged.match(envelope);
    if (!event) return;
    attempts.set(event.sequence, (attempts.get(event.sequence) ?? 0) + 1);
    if (event.sequence === 1 && outageEndsAt === 0) outageEndsAt = Date.now() + OUTAGE_MS;
    await this.inbox.handleOnce(GROUP, event, async (manager) => {
      await manager.query(`INSERT INTO test_effect (event_id, aggregate_id, sequence) VALUES ($1, $2, $3)`, [
        event.id,
        event.aggregateId,
        event.sequence,
      ]);
      if (event.sequence === 1 && Date.now() < outageEndsAt) {
        await manager.query(`SELECT pg_terminate_backend(pg_backend_pid())`);
      }
    });
    if (event.sequence === 1) firstAppliedAt = Date.now();
  }
}

describe('a database outage while consuming', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase('messaging_transient');
    t = await startTestApp({
      database: db.name,
      serviceName: 'transient-test',
      consumerGroup: GROUP,
      publishes: [TOPIC],
      consumes: [TOPIC],
      retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
      consumers: [FlakyDatabaseConsumer],
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('retries the event until the database is back, applies it once, dead-letters nothing and keeps the order', async () => {
    const append = (n: number) =>
      t.dataSource.transaction((manager) =>
        t.outbox.append(manager, { event: ThingChanged, aggregateId: 'thing-1', payload: { n } }),
      );
    const first = await append(1);
    const second = await append(2);

    const effects = await waitFor(
      async () => {
        const rows: Array<{ event_id: string; sequence: number }> = await t.dataSource.query(
          `SELECT event_id, sequence FROM test_effect ORDER BY id`,
        );
        return rows.length >= 2 && rows;
      },
      { timeoutMs: 40_000, description: 'both events applied' },
    );

    // Each event applied exactly once, the second only after the first.
    expect(effects).toEqual([
      { event_id: first.id, sequence: 1 },
      { event_id: second.id, sequence: 2 },
    ]);
    const [inbox] = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE consumer_group = $1`, [GROUP]);
    expect(inbox.n).toBe(2);
    // Far more attempts than retry.attempts, for as long as the outage lasted, and no dead letter.
    expect(attempts.get(1)).toBeGreaterThan(3);
    expect(firstAppliedAt).toBeGreaterThanOrEqual(outageEndsAt);
    expect(attempts.get(2)).toBe(1);

    const admin = new Kafka(kafkaClientConfig({ brokers: testKafkaBrokers(), clientId: 'transient-test-admin' })).admin();
    await admin.connect();
    try {
      const dlq = await admin.fetchTopicOffsets(`${TOPIC}.dlq`);
      expect(dlq.map((p) => p.high)).toEqual(dlq.map(() => '0'));
    } finally {
      await admin.disconnect();
    }
    expect(await counterTotal(t.metrics, 'kafka_consumer_dead_lettered_total')).toBe(0);
    expect(await counterTotal(t.metrics, 'kafka_consumer_handler_errors_total')).toBe((attempts.get(1) ?? 0) - 1);
  });
});
