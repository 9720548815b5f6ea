// @helpdesk/messaging: transactional outbox, relay to Kafka, idempotent consumers (inbox),
// retries and dead letters. See architecture.md, "Events".

// Module and options
export { MessagingModule } from './messaging.module';
export type { MessagingModuleAsyncOptions } from './messaging.module';
export { MESSAGING_OPTIONS, parseBrokers, resolveMessagingOptions } from './messaging.options';
export type {
  ConsumerRetryOptions,
  ConsumerTuningOptions,
  InboxOptions,
  MessagingModuleOptions,
  RelayOptions,
  ResolvedMessagingOptions,
  TopicOptions,
} from './messaging.options';
export { MessagingErrorCode, MessagingException } from './messaging.exception';

// Database: add both to the service's DataSource
export { messagingEntities, messagingMigrations } from './database/messaging.schema';
export { AggregateSequence } from './database/aggregate-sequence.entity';
export { InboxMessage } from './database/inbox-message.entity';
export { OutboxMessage } from './database/outbox-message.entity';

// Publishing
export { OutboxService } from './outbox/outbox.service';
export type { AppendEventArgs } from './outbox/outbox.service';
export { OutboxRelay } from './outbox/outbox-relay.service';
export type { RelayRoundResult } from './outbox/outbox-relay.service';
export { buildEnvelope, envelopeHeaders } from './outbox/event-envelope.builder';
export type { BuildEnvelopeInput } from './outbox/event-envelope.builder';

// Consuming
export { InboxService } from './inbox/inbox.service';
export type { InboxOutcome } from './inbox/inbox.service';
export { KafkaEventServer } from './consumer/kafka-event.server';
export { createKafkaEventServer } from './consumer/kafka-event-server.factory';
export { kafkaEventServerOptions } from './consumer/kafka-event-server.options';
export type { KafkaEventServerOptions } from './consumer/kafka-event-server.options';
export { EventConsumer, EventErrorFilter } from './consumer/event-error.filter';
export { deadLetterHeaders } from './consumer/dead-letter';
export { isTransientError } from './consumer/transient-error';
export type { DeadLetterInfo } from './consumer/dead-letter';

// Topics and Kafka clients
export { KafkaTopicsService } from './kafka/kafka-topics.service';
export { ensureTopicsExist, withDeadLetterTopics } from './kafka/kafka-topic-admin';
export { kafkaClientConfig } from './kafka/kafka-client.config';
export type { KafkaClientConfigInput } from './kafka/kafka-client.config';
export { kafkaLogCreator } from './kafka/kafka-log.creator';

// Back-off (also for a service's own retry loops)
export { Backoff, backoffDelay } from './retry-backoff';
export type { BackoffPolicy } from './retry-backoff';
