/** What a service tells MessagingModule.forRoot (everything but the names has a default). */
export interface MessagingModuleOptions {
  /** Envelope `source`, default actor id and Kafka client id prefix. */
  serviceName: string;
  /** `host:port` list, or the comma-separated KAFKA_BROKERS string. */
  brokers: string | string[];
  /** Consumer group of this service's KafkaEventServer and inbox. Default: serviceName. */
  consumerGroup?: string;
  /** Topics this service writes to through the outbox (created with their .dlq at start-up). */
  publishes: string[];
  /** Topics this service consumes (created with their .dlq at start-up). */
  consumes: string[];
  topics?: Partial<TopicOptions>;
  relay?: Partial<RelayOptions>;
  inbox?: Partial<InboxOptions>;
  retry?: Partial<ConsumerRetryOptions>;
  consumer?: Partial<ConsumerTuningOptions>;
}

export interface TopicOptions {
  /** Default 3 (KAFKA_TOPIC_PARTITIONS). */
  partitions: number;
  /** Default 1 (KAFKA_REPLICATION_FACTOR). */
  replicationFactor: number;
}

export interface RelayOptions {
  /** Off for services that only consume, or for a replica that must not publish. Default true. */
  enabled: boolean;
  /** How often the relay looks for unsent rows when nobody nudged it. Default 250 ms. */
  pollIntervalMs: number;
  /** Rows per round (one transaction, one Kafka batch). Default 100. */
  batchSize: number;
  /** First delay after a failed round; doubles up to maxBackoffMs. Default 250 ms. */
  baseBackoffMs: number;
  /** Default 5000 ms. */
  maxBackoffMs: number;
  /** Sent rows are kept this long as the replay archive. Default 7 days. */
  retentionMs: number;
  /** How often old sent rows are pruned. Default 1 hour. */
  pruneIntervalMs: number;
  /** Upper bound for one Kafka send. Default 10 s. */
  sendTimeoutMs: number;
}

/**
 * How long inbox rows (the "already applied" marks of consumed events) are kept. A row only
 * matters while Kafka can still hand the event out again: redelivery after a crash, or a consumer
 * group whose offsets expired re-reading its topics from the beginning. Kafka keeps a message for
 * the topic's retention.ms plus up to segment.ms (the broker defaults are 7 + 7 days).
 */
export interface InboxOptions {
  /** Rows older than this are deleted; keep it above the consumed topics' retention.ms + segment.ms. Default 30 days. */
  retentionMs: number;
  /** How often old rows are pruned. Default 1 hour. */
  pruneIntervalMs: number;
}

export interface ConsumerRetryOptions {
  /** Attempts before a permanently failing message goes to `<topic>.dlq` (1 = no retry). Default 3. */
  attempts: number;
  /** Delay before the 2nd attempt; doubles after. Default 200 ms. */
  baseDelayMs: number;
  /**
   * Cap of the back-off. Default 5000 ms. Transient failures (database or Kafka unreachable,
   * serialization failure, deadlock) are retried at most this far apart until they succeed.
   */
  maxDelayMs: number;
}

export interface ConsumerTuningOptions {
  /** Default 10 s: a dead consumer's partitions move after this long. */
  sessionTimeoutMs: number;
  /** Default 1 s. */
  heartbeatIntervalMs: number;
  /** Default 10 s. */
  rebalanceTimeoutMs: number;
  /** Longest a fetch waits for new messages (also bounds shutdown). Default 1 s. */
  maxWaitTimeMs: number;
}

/** The options with every default filled in. */
export interface ResolvedMessagingOptions {
  serviceName: string;
  brokers: string[];
  consumerGroup: string;
  publishes: string[];
  consumes: string[];
  topics: TopicOptions;
  relay: RelayOptions;
  inbox: InboxOptions;
  retry: ConsumerRetryOptions;
  consumer: ConsumerTuningOptions;
}

/** Injection token of the ResolvedMessagingOptions. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  enabled: true,
  pollIntervalMs: 250,
  batchSize: 100,
  baseBackoffMs: 250,
  maxBackoffMs: 5000,
  retentionMs: 7 * 24 * 3600 * 1000,
  pruneIntervalMs: 3600 * 1000,
  sendTimeoutMs: 10_000,
};

export const DEFAULT_INBOX_OPTIONS: InboxOptions = {
  retentionMs: 30 * 24 * 3600 * 1000,
  pruneIntervalMs: 3600 * 1000,
};

export const DEFAULT_RETRY_OPTIONS: ConsumerRetryOptions = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5000 };

export const DEFAULT_CONSUMER_OPTIONS: ConsumerTuningOptions = {
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 1000,
  rebalanceTimeoutMs: 10_000,
  maxWaitTimeMs: 1000,
};

export function parseBrokers(brokers: string | string[]): string[] {
  const list = (Array.isArray(brokers) ? brokers : brokers.split(',')).map((b) => b.trim()).filter(Boolean);
  if (list.length === 0) throw new Error('MessagingModule needs at least one Kafka broker');
  return list;
}

export function resolveMessagingOptions(options: MessagingModuleOptions): ResolvedMessagingOptions {
  if (!options.serviceName) throw new Error('MessagingModule needs a serviceName');
  const retry = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) throw new Error('retry.attempts must be an integer ≥ 1');
  const inbox = { ...DEFAULT_INBOX_OPTIONS, ...options.inbox };
  if (!(inbox.retentionMs > 0) || !(inbox.pruneIntervalMs > 0)) {
    throw new Error('inbox.retentionMs and inbox.pruneIntervalMs must be positive');
  }
  return {
    serviceName: options.serviceName,
    brokers: parseBrokers(options.brokers),
    consumerGroup: options.consumerGroup ?? options.serviceName,
    publishes: [...new Set(options.publishes)],
    consumes: [...new Set(options.consumes)],
    topics: { partitions: 3, replicationFactor: 1, ...options.topics },
    relay: { ...DEFAULT_RELAY_OPTIONS, ...options.relay },
    inbox,
    retry,
    consumer: { ...DEFAULT_CONSUMER_OPTIONS, ...options.consumer },
  };
}
