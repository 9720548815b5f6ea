import { ClientKafka } from '@nestjs/microservices';
import { Partitioners, Producer } from 'kafkajs';
import { kafkaClientConfig } from '../kafka/kafka-client.config';
import { withTimeout } from '@helpdesk/observability';
import { OutgoingTopicMessages } from './outbox-batch';

export interface OutboxPublisherOptions {
  brokers: string[];
  clientId: string;
  sendTimeoutMs: number;
}

/**
 * The relay's producer: a Nest ClientKafka in producer-only mode with an idempotent kafkajs
 * producer (acks=all, one request in flight, so retries neither duplicate nor reorder within a
 * session). After any failure the client is thrown away and rebuilt on the next send: a failed
 * ClientKafka.connect() stays rejected forever, and an idempotent producer whose sequence numbers
 * went astray during an outage is best replaced.
 */
export class OutboxPublisher {
  private client: ClientKafka | null = null;

  constructor(private readonly options: OutboxPublisherOptions) {}

  async publish(batch: OutgoingTopicMessages[]): Promise<void> {
    if (batch.length === 0) return;
    const { sendTimeoutMs } = this.options;
    // The bound covers connecting too: the relay's round (and its row locks) must not hang on Kafka.
    await withTimeout(
      this.connect().then((producer) => producer.sendBatch({ topicMessages: batch, acks: -1, timeout: sendTimeoutMs })),
      sendTimeoutMs,
      `Kafka send did not finish within ${sendTimeoutMs} ms`,
    );
  }

  /** Drops the client; the next publish connects a fresh one. */
  async reset(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.close().catch(() => undefined);
  }

  close(): Promise<void> {
    return this.reset();
  }

  private async connect(): Promise<Producer> {
    if (!this.client) {
      this.client = new ClientKafka({
        postfixId: '',
        producerOnlyMode: true,
        client: kafkaClientConfig({ brokers: this.options.brokers, clientId: this.options.clientId }),
        producer: {
          // Explicit (kafkajs warns otherwise): Java-compatible murmur2, same key → same partition as other clients.
          createPartitioner: Partitioners.DefaultPartitioner,
          idempotent: true,
          maxInFlightRequests: 1,
          allowAutoTopicCreation: false,
          // Bounded, so an outage fails the round (and the relay backs off) instead of hanging in it.
          retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 5 },
        },
      });
    }
    // ClientKafka.connect() resolves to the kafkajs producer it created (same as unwrap()'s producer).
    return (await this.client.connect()) as unknown as Producer;
  }
}
