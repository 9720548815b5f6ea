// Fixtures of the licences, reports and consumers suites: CIs written the one way (CiWriter, in a
// transaction, at a chosen time), events with a chosen occurredAt, and waiting until the app consumed a topic.
import { randomUUID } from 'node:crypto';
import { CiType, EventDefinition } from '@helpdesk/contracts';
import { buildEnvelope, envelopeHeaders } from '@helpdesk/messaging';
import { testKafkaBrokers, waitFor } from '@helpdesk/testing';
import { Kafka, logLevel } from 'kafkajs';
import { nextCiNumber } from '../src/cis/ci-number';
import { CiWriter } from '../src/cis/ci-writer.service';
import { CiEntity } from '../src/cis/entities/ci.entity';
import { AssetTestApp } from './support/asset-test-app';

export const DAY_MS = 86_400_000;

/** CI numbers of this suite start far from the CI-00042 that other suites' incidents name by default. */
export async function moveCiNumbersAway(t: AssetTestApp): Promise<void> {
  await t.dataSource.query(`SELECT setval('asset_ci_number_seq', $1)`, [50_000 + Math.floor(Math.random() * 40_000)]);
}

const blank = (): Omit<CiEntity, 'id' | 'number' | 'type' | 'name' | 'state' | 'version' | 'createdAt' | 'updatedAt'> => ({
  assetTag: null,
  serialNumber: null,
  model: null,
  manufacturer: null,
  purchaseDate: null,
  purchaseCost: null,
  warrantyEnd: null,
  location: null,
  os: null,
  ipAddress: null,
  macAddress: null,
  seatsOwned: null,
  licenceExpiresOn: null,
  licenceId: null,
  assignedToId: null,
  assignedToName: null,
  department: null,
  assignedAt: null,
  attributes: {},
  createdById: 'test',
});

/** Creates a CI through CiWriter as of `at` (its created_at), in state in_stock unless given. */
export async function seedCi(
  t: AssetTestApp,
  fields: Partial<CiEntity> & { type: CiType },
  at: Date = new Date(),
): Promise<CiEntity> {
  const writer = t.app.get(CiWriter);
  return t.dataSource.transaction(async (m) => {
    const number = await nextCiNumber(m);
    const ci = Object.assign(
      new CiEntity(),
      blank(),
      { id: randomUUID(), number, name: `${fields.type} ${number}`, state: 'in_stock' },
      fields,
    );
    return writer.commit(m, null, ci, { action: 'created', actor: { id: t.people.assetManager.id, role: 'asset_manager' }, at });
  });
}

/** Changes a CI through CiWriter as of `at` (history records the changed fields). */
export async function changeCi(
  t: AssetTestApp,
  before: CiEntity,
  changes: Partial<CiEntity>,
  at: Date = new Date(),
): Promise<CiEntity> {
  const writer = t.app.get(CiWriter);
  return t.dataSource.transaction(async (m) => {
    const after = Object.assign(new CiEntity(), before, changes);
    return writer.commit(m, { ...before } as CiEntity, after, {
      action: 'updated',
      actor: { id: t.people.assetManager.id, role: 'asset_manager' },
      at,
    });
  });
}

/** Publishes an event whose envelope says it happened at `occurredAt` (a late event), as a relay would. */
export async function publishAt<T>(
  event: EventDefinition<string, T>,
  aggregateId: string,
  payload: T,
  occurredAt: Date,
  sequence = 1,
): Promise<void> {
  const kafka = new Kafka({ clientId: 'asset-test-late', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    const envelope = buildEnvelope({
      event,
      id: randomUUID(),
      aggregateId,
      sequence,
      payload,
      source: 'test',
      occurredAt,
      correlationId: randomUUID(),
      causationId: null,
    });
    await producer.send({
      topic: event.topic,
      messages: [{ key: aggregateId, value: JSON.stringify(envelope), headers: envelopeHeaders(envelope) }],
    });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Waits until the app's consumer group has committed every partition of the topic up to its end as of now:
 * everything published before the call was handled (applied or skipped), so "changed nothing" means something.
 */
export async function consumedAll(t: AssetTestApp, topic: string): Promise<void> {
  const groupId = t.env.KAFKA_CONSUMER_GROUP!;
  const admin = new Kafka({ clientId: 'asset-test-lag', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await waitFor(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return ends.every((end) => {
          const at = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          // An empty partition (low = high) has nothing to consume, whatever the group committed.
          return Number(at) >= Number(end.high) || end.high === end.low;
        });
      },
      { description: `${groupId} to consume ${topic}` },
    );
  } finally {
    await admin.disconnect();
  }
}
