/**
 * A small service run as a child process by consumer-crash.integration-spec.ts (so it can be
 * killed with SIGKILL): a KafkaEventServer whose handler writes to test_effect through the inbox.
 * Prints one JSON line per delivery, prefixed with "@@", on stdout.
 */
import { EventEnvelope } from '@helpdesk/contracts';
import { DatabaseModule } from '@helpdesk/database';
import {
  EventConsumer,
  InboxService,
  KafkaEventServer,
  kafkaEventServerOptions,
  messagingEntities,
  messagingMigrations,
  MessagingModule,
  MessagingModuleOptions,
  resolveMessagingOptions,
} from '../../src';
import { ObservabilityModule } from '@helpdesk/observability';
import { Module, OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const TOPIC = env('CHILD_TOPIC');
const HANDLER_DELAY_MS = Number(process.env.CHILD_HANDLER_DELAY_MS ?? 20);
const report = (line: object): void => void process.stdout.write(`@@${JSON.stringify(line)}\n`);

const messaging: MessagingModuleOptions = {
  serviceName: 'crash-test',
  brokers: env('KAFKA_BROKERS'),
  consumerGroup: env('CHILD_GROUP'),
  publishes: [],
  consumes: [TOPIC],
  relay: { enabled: false },
  consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 6000, maxWaitTimeMs: 500 },
};

@EventConsumer()
class SlowThingConsumer {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(TOPIC)
  async onThing(@Payload() envelope: EventEnvelope): Promise<void> {
    const outcome = await this.inbox.handleOnce(this.inbox.consumerGroup, envelope, async (manager) => {
      await manager.query(`INSERT INTO test_effect (event_id, aggregate_id, sequence) VALUES ($1, $2, $3)`, [
        envelope.id,
        envelope.aggregateId,
        envelope.sequence,
      ]);
      // Slow enough that a kill lands in the middle of a batch.
      await new Promise((resolve) => setTimeout(resolve, HANDLER_DELAY_MS));
    });
    report({ outcome, id: envelope.id });
  }
}

@Module({
  imports: [
    ObservabilityModule.forRoot({ serviceName: 'crash-test', logLevel: 'warn' }),
    DatabaseModule.forRoot({
      serverUrl: env('DATABASE_URL'),
      database: env('CHILD_DATABASE'),
      entities: messagingEntities,
      migrations: messagingMigrations,
      runMigrations: true,
    }),
    MessagingModule.forRoot(messaging),
  ],
  controllers: [SlowThingConsumer],
})
class CrashTestModule implements OnApplicationShutdown {
  onApplicationShutdown(signal?: string): void {
    report({ closed: signal ?? true });
  }
}

async function main(): Promise<void> {
  // The standalone shape: options built before the app exists (no MetricsRegistry needed).
  const strategy = new KafkaEventServer(kafkaEventServerOptions(resolveMessagingOptions(messaging)));
  const app = await NestFactory.createMicroservice(CrashTestModule, { strategy, logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen();
  report({ ready: true });
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
