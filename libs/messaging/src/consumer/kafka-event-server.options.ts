import { KafkaOptions } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { Registry } from 'prom-client';
import { kafkaClientConfig } from '../kafka/kafka-client.config';
import { MessagingErrorCode, MessagingException } from '../messaging.exception';
import { ConsumerRetryOptions, ConsumerTuningOptions, ResolvedMessagingOptions, TopicOptions } from '../messaging.options';

export interface KafkaEventServerOptions {
  brokers: string[];
  clientId: string;
  /** Names the tracer of its consumer spans (default clientId). */
  serviceName?: string;
  /** Used as is (ServerKafka would append "-server"). */
  groupId: string;
  retry: ConsumerRetryOptions;
  consumer: ConsumerTuningOptions;
  /** Create the subscribed topics and their .dlq before subscribing; false if operators manage topics. */
  topics: TopicOptions | false;
  /** Where kafka_consumer_* metrics go (MetricsRegistry.registry); a private registry if omitted. */
  metrics?: Registry;
}

/** The KafkaEventServer options of a service, from the same options as its MessagingModule. */
export function kafkaEventServerOptions(options: ResolvedMessagingOptions, metrics?: Registry): KafkaEventServerOptions {
  return {
    brokers: options.brokers,
    clientId: `${options.serviceName}-consumer`,
    serviceName: options.serviceName,
    groupId: options.consumerGroup,
    retry: options.retry,
    consumer: options.consumer,
    topics: options.topics,
    metrics,
  };
}

/** ServerKafka's options: read-only consumer, from the beginning, no auto-created topics. */
export function toServerKafkaOptions(options: KafkaEventServerOptions): Required<KafkaOptions>['options'] {
  const tuning = options.consumer;
  return {
    postfixId: '',
    client: kafkaClientConfig({
      brokers: options.brokers,
      clientId: options.clientId,
    }) as Required<KafkaOptions>['options']['client'],
    consumer: {
      groupId: options.groupId,
      sessionTimeout: tuning.sessionTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    },
    subscribe: { fromBeginning: true },
    // One partition at a time keeps memory and DB connections predictable; scale with replicas.
    run: { autoCommit: true, partitionsConsumedConcurrently: 1 },
    // Only for dead letters; never for replies.
    producer: { allowAutoTopicCreation: false, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner },
  };
}

/** Handler patterns must be plain topic names: they are subscribed to as such. */
export function assertTopicPatterns(patterns: string[]): void {
  const bad = patterns.filter((p) => !/^[A-Za-z0-9._-]{1,249}$/.test(p));
  if (bad.length > 0) {
    throw new MessagingException(
      MessagingErrorCode.InvalidPattern,
      `KafkaEventServer handlers need @EventPattern('<topic name>'), got: ${bad.join(', ')}`,
    );
  }
}
