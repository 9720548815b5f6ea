import { deadLetterTopic, isDeadLetterTopic } from '@helpdesk/contracts';
import { Admin } from 'kafkajs';
import { TopicOptions } from '../messaging.options';

/** The topics plus each one's `.dlq` (a dead-letter topic gets no `.dlq.dlq`). */
export function withDeadLetterTopics(topics: string[]): string[] {
  const all = topics.flatMap((topic) => (isDeadLetterTopic(topic) ? [topic] : [topic, deadLetterTopic(topic)]));
  return [...new Set(all)].sort();
}

/** Creates the missing ones (topic auto-creation is off on our brokers); returns what it created. */
export async function ensureTopicsExist(
  admin: Admin,
  topics: string[],
  spec: TopicOptions,
  timeoutMs = 15_000,
): Promise<string[]> {
  const wanted = withDeadLetterTopics(topics);
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return [];
  try {
    await admin.createTopics({
      topics: missing.map((topic) => ({ topic, numPartitions: spec.partitions, replicationFactor: spec.replicationFactor })),
      waitForLeaders: true,
      timeout: timeoutMs,
    });
  } catch (err) {
    // Another replica or service may have created some of them meanwhile: fine if all exist now.
    const now = new Set(await admin.listTopics());
    if (missing.some((topic) => !now.has(topic))) throw err;
  }
  return missing;
}
