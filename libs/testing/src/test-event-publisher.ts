import { randomUUID } from 'node:crypto';
import { EventActor, EventDefinition, EventEnvelope } from '@helpdesk/contracts';
import { buildEnvelope, envelopeHeaders } from '@helpdesk/messaging';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { testKafkaBrokers } from './test-environment';

export interface TestPublishOptions {
  /** Reuse an envelope id (a redelivery). */
  id?: string;
  sequence?: number;
  actor?: EventActor;
  source?: string;
}

/** Publishes events to the test broker the way another service's outbox relay would (envelope, key, headers). */
export class TestEventPublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(clientId: string, brokers = testKafkaBrokers()): Promise<TestEventPublisher> {
    const kafka = new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return new TestEventPublisher(producer);
  }

  async publish<TPayload>(
    event: EventDefinition<string, TPayload>,
    aggregateId: string,
    payload: TPayload,
    options: TestPublishOptions = {},
  ): Promise<EventEnvelope> {
    const envelope = buildEnvelope({
      event,
      id: options.id ?? randomUUID(),
      aggregateId,
      sequence: options.sequence ?? 1,
      payload,
      source: options.source ?? 'test',
      occurredAt: new Date(),
      correlationId: randomUUID(),
      causationId: null,
      actor: options.actor,
    });
    await this.producer.send({
      topic: event.topic,
      messages: [{ key: aggregateId, value: JSON.stringify(envelope), headers: envelopeHeaders(envelope) }],
    });
    return envelope;
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
