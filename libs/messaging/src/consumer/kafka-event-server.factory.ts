import { MetricsRegistry } from '@helpdesk/observability';
import { INestApplicationContext } from '@nestjs/common';
import { MESSAGING_OPTIONS, ResolvedMessagingOptions } from '../messaging.options';
import { KafkaEventServerOptions, kafkaEventServerOptions } from './kafka-event-server.options';
import { KafkaEventServer } from './kafka-event.server';

/**
 * The service's consumer, configured from its MessagingModule options (brokers, group, retry)
 * and reporting to its MetricsRegistry: `app.connectMicroservice({ strategy: createKafkaEventServer(app) })`.
 */
export function createKafkaEventServer(
  app: INestApplicationContext,
  overrides: Partial<KafkaEventServerOptions> = {},
): KafkaEventServer {
  const options = app.get<ResolvedMessagingOptions>(MESSAGING_OPTIONS);
  const metrics = app.get(MetricsRegistry).registry;
  return new KafkaEventServer({ ...kafkaEventServerOptions(options, metrics), ...overrides });
}
