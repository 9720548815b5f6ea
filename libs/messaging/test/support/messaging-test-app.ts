import { DatabaseModule } from '@helpdesk/database';
import {
  createKafkaEventServer,
  InboxService,
  KafkaTopicsService,
  messagingEntities,
  messagingMigrations,
  MessagingModule,
  MessagingModuleOptions,
  OutboxService,
} from '../../src';
import { HealthRegistry, MetricsRegistry, ObservabilityModule } from '@helpdesk/observability';
import { testDatabaseServerUrl, testKafkaBrokers } from '@helpdesk/testing';
import { ConsoleLogger, INestApplicationContext, INestMicroservice, LogLevel, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CREATE_EFFECT_TABLE } from './test-events';

export interface TestAppOptions extends Partial<MessagingModuleOptions> {
  database: string;
  /** Controllers with @EventPattern handlers; when given, a KafkaEventServer consumes for them. */
  consumers?: Type[];
  providers?: any[];
}

export interface TestApp {
  module: TestingModule;
  app: INestApplicationContext;
  dataSource: DataSource;
  outbox: OutboxService;
  inbox: InboxService;
  topics: KafkaTopicsService;
  health: HealthRegistry;
  metrics: MetricsRegistry;
  close(): Promise<void>;
}

// Warnings and errors by default (TestingModule would show errors only); MESSAGING_TEST_LOG=debug for all.
const LOG_LEVELS: LogLevel[] = process.env.MESSAGING_TEST_LOG === 'debug' ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn'];

/** A service-shaped Nest app: observability, its own database (migrated), messaging, optional consumer. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const { database, consumers = [], providers = [], ...messaging } = options;
  const module = await Test.createTestingModule({
    imports: [
      ObservabilityModule.forRoot({ serviceName: messaging.serviceName ?? 'messaging-test', logLevel: 'warn' }),
      DatabaseModule.forRoot({
        serverUrl: testDatabaseServerUrl(),
        database,
        entities: messagingEntities,
        migrations: messagingMigrations,
        runMigrations: true,
        poolSize: 8,
      }),
      MessagingModule.forRoot({
        serviceName: 'messaging-test',
        brokers: testKafkaBrokers(),
        publishes: [],
        consumes: [],
        consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 6000, maxWaitTimeMs: 500 },
        ...messaging,
      }),
    ],
    controllers: consumers,
    providers,
  })
    .setLogger(new ConsoleLogger({ logLevels: LOG_LEVELS }))
    .compile();
  const dataSource = module.get(DataSource);
  await dataSource.query(CREATE_EFFECT_TABLE);
  let app: INestApplicationContext;
  if (consumers.length > 0) {
    const microservice: INestMicroservice = module.createNestMicroservice({ strategy: createKafkaEventServer(module) });
    await microservice.listen();
    app = microservice;
  } else {
    app = await module.init();
  }
  return {
    module,
    app,
    dataSource,
    outbox: module.get(OutboxService),
    inbox: module.get(InboxService),
    topics: module.get(KafkaTopicsService),
    health: module.get(HealthRegistry),
    metrics: module.get(MetricsRegistry),
    close: () => app.close(),
  };
}

/** Sum of a counter's values (all labels), from a registry. */
export async function counterTotal(metrics: MetricsRegistry, name: string): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  return values.reduce((sum, v) => sum + v.value, 0);
}
