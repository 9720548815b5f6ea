import { ensureTopicsExist } from '@helpdesk/messaging';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-environment';

/**
 * Commits a new consumer group's offsets at the topics' current ends (creating the topics if need be,
 * with the services' default of 3 partitions). A test app in that group then sees the events published
 * after it started and nothing else: not the history other suites left on the shared test broker, and
 * not the events of suites running beside it (which a shared group would split between the apps).
 */
export async function createConsumerGroupAtEnd(groupId: string, topics: string[], brokers = testKafkaBrokers()): Promise<void> {
  const kafka = new Kafka({ clientId: 'test-consumer-group', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends: Array<{ topic: string; partition: number; offset: string }> = [];
  try {
    await ensureTopicsExist(admin, topics, { partitions: 3, replicationFactor: 1 });
    for (const topic of topics) {
      for (const p of await offsetsOf(admin, topic)) ends.push({ topic, partition: p.partition, offset: p.high });
    }
  } finally {
    await admin.disconnect();
  }
  // What admin.setOffsets does, for every topic in one join and without its 5 s fetch wait per topic:
  // a member of the group seeks each partition (kafkajs commits a seek before its next fetch), then leaves.
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50, retry: { retries: 5 } });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: false });
    await new Promise<void>((resolve, reject) => {
      const stopListening = consumer.on(consumer.events.FETCH, () => {
        stopListening();
        resolve();
      });
      consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      consumer.pause(topics.map((topic) => ({ topic })));
      for (const end of ends) consumer.seek(end);
    });
  } finally {
    await consumer.disconnect();
  }
}

/** A topic created a moment ago may not have elected its partition leaders yet: ask again for up to 15 s. */
async function offsetsOf(admin: Admin, topic: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (e) {
      if (!(e as { retriable?: boolean }).retriable || Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
