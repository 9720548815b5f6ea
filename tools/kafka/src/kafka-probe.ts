import { Kafka, logLevel } from 'kafkajs';

export interface KafkaProbeOptions {
  /** Upper bound for the whole probe. */
  timeoutMs?: number;
  /** Also create (and delete) a topic: proves the controller and the broker both work. */
  createTopic?: boolean;
}

const PROBE_TOPIC = '__local-kafka-probe';

/** Resolves when the brokers answer an admin request; rejects with the cause otherwise. */
export async function probeKafka(brokers: string, opts: KafkaProbeOptions = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const kafka = new Kafka({
    clientId: 'local-kafka-probe',
    brokers: brokers.split(',').map((broker) => broker.trim()),
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const probe = async (): Promise<void> => {
    await admin.connect();
    await admin.describeCluster();
    if (opts.createTopic) {
      await admin.createTopics({ topics: [{ topic: PROBE_TOPIC, numPartitions: 1, replicationFactor: 1 }], timeout: timeoutMs });
      await admin.deleteTopics({ topics: [PROBE_TOPIC], timeout: timeoutMs }).catch(() => undefined);
    }
  };
  try {
    await Promise.race([probe(), timeout]);
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}

/** probeKafka as a boolean. */
export async function kafkaAnswers(brokers: string, timeoutMs = 2000): Promise<boolean> {
  try {
    await probeKafka(brokers, { timeoutMs });
    return true;
  } catch {
    return false;
  }
}
