import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders, Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-environment';

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Reads topics from the beginning with a fresh consumer group and keeps every message, for assertions. */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly topics: string[],
    private readonly brokers = testKafkaBrokers(),
  ) {}

  async start(): Promise<this> {
    const kafka = new Kafka({ clientId: 'test-recorder', brokers: this.brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({
      groupId: `test-recorder-${randomUUID()}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers: decodeHeaders(message.headers),
        });
      },
    });
    return this;
  }

  /**
   * Parsed JSON values of the messages on one topic. A value that is not JSON is left out: suites that
   * test a consumer's handling of garbage publish it to the shared topics, and it is nobody's event.
   */
  values<T = unknown>(topic?: string): T[] {
    return this.messages.filter((m) => !topic || m.topic === topic).flatMap((m) => parsedValue<T>(m.value));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.map(String).join(',') : v.toString();
  }
  return out;
}

function parsedValue<T>(value: string | null): T[] {
  if (value === null) return [null as T];
  try {
    return [JSON.parse(value) as T];
  } catch {
    return [];
  }
}
