import { Role } from '../roles';

export interface EventActor {
  /** User id, or a service name for system actions. */
  id: string;
  role: Role | 'system';
}

/** The JSON envelope of every event on Kafka (architecture.md, "Events"). */
export interface EventEnvelope<TPayload = unknown, TType extends string = string> {
  /** UUID v7: unique and time-ordered; consumers deduplicate on it. */
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  source: string;
  aggregateType: string;
  aggregateId: string;
  /** Per aggregate, gap-free, starting at 1. */
  sequence: number;
  correlationId: string;
  causationId: string | null;
  actor: EventActor;
  payload: TPayload;
}

/** Kafka header names that carry tracing context beside the envelope. */
export const EventHeaders = {
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
  eventType: 'x-event-type',
  eventId: 'x-event-id',
  deadLetterError: 'x-dlq-error',
  deadLetterTopic: 'x-dlq-original-topic',
  deadLetterPartition: 'x-dlq-original-partition',
  deadLetterOffset: 'x-dlq-original-offset',
  deadLetterAttempts: 'x-dlq-attempts',
  deadLetterConsumer: 'x-dlq-consumer-group',
} as const;
