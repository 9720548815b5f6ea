import { createTestDatabase, TestDatabase, TopicRecorder, waitFor } from '@helpdesk/testing';
import { counterTotal, startTestApp, TestApp } from './support/messaging-test-app';
import { thingChanged } from './support/test-events';
import { oneTo, sequencesByKey } from './support/topic-order';
import { uniqueSuffix } from './support/unique-name';

const run = uniqueSuffix();
const TOPIC = `helpdesk.test.${run}.replicas.v1`;
const ThingChanged = thingChanged(TOPIC);
const AGGREGATES = 8;
const EVENTS_PER_AGGREGATE = 25;

describe('two outbox relays on one database', () => {
  let db: TestDatabase;
  const replicas: TestApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('messaging_replicas');
    // Small batches and a fast poll, so the two replicas really interleave.
    const options = {
      database: db.name,
      serviceName: 'replica-test',
      publishes: [TOPIC],
      relay: { batchSize: 5, pollIntervalMs: 20 },
    };
    replicas.push(await startTestApp(options), await startTestApp(options));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await db?.drop();
  });

  it("keeps each aggregate's sequence order on the topic", async () => {
    // Concurrent writers, one per aggregate, alternating between the replicas' OutboxService.
    await Promise.all(
      oneTo(AGGREGATES).map(async (a) => {
        for (const n of oneTo(EVENTS_PER_AGGREGATE)) {
          const replica = replicas[n % 2];
          await replica.dataSource.transaction((manager) =>
            replica.outbox.append(manager, { event: ThingChanged, aggregateId: `thing-${a}`, payload: { n } }),
          );
        }
      }),
    );
    const total = AGGREGATES * EVENTS_PER_AGGREGATE;
    await waitFor(
      async () => {
        const [row] = await replicas[0].dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL`);
        return row.n === 0;
      },
      { timeoutMs: 60_000, description: 'an empty outbox' },
    );

    const recorder = await new TopicRecorder([TOPIC]).start();
    const messages = await waitFor(() => recorder.messages.length >= total && recorder.messages, {
      timeoutMs: 60_000,
      description: `${total} messages`,
    });
    await recorder.stop();

    expect(messages).toHaveLength(total); // nothing failed, so nothing was sent twice
    const byKey = sequencesByKey(messages);
    expect([...byKey.keys()].sort()).toEqual(
      oneTo(AGGREGATES)
        .map((a) => `thing-${a}`)
        .sort(),
    );
    for (const sequences of byKey.values()) expect(sequences).toEqual(oneTo(EVENTS_PER_AGGREGATE));

    // Both replicas did part of the work.
    const published = await Promise.all(replicas.map((r) => counterTotal(r.metrics, 'outbox_published_total')));
    expect(published[0] + published[1]).toBe(total);
    expect(Math.min(...published)).toBeGreaterThan(0);
  });
});
