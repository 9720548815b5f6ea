import { KafkaConfig, logLevel, RetryOptions } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log.creator';

export interface KafkaClientConfigInput {
  brokers: string[];
  clientId: string;
  retry?: RetryOptions;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

// One for the process, so the throttle spans the clients the relay rebuilds after each failure.
const sharedLogCreator = kafkaLogCreator();

/**
 * kafkajs settings shared by the relay's producer, the consumer server and the admin: short
 * timeouts and retries, so a dead broker surfaces as an error our own loops back off from
 * (instead of a call that hangs for minutes), and WARN+ logs through our logger.
 */
export function kafkaClientConfig(input: KafkaClientConfigInput): KafkaConfig {
  return {
    clientId: input.clientId,
    brokers: input.brokers,
    connectionTimeout: input.connectionTimeoutMs ?? 3000,
    requestTimeout: input.requestTimeoutMs ?? 10_000,
    retry: input.retry ?? { initialRetryTime: 200, maxRetryTime: 2000, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator: sharedLogCreator,
  };
}
