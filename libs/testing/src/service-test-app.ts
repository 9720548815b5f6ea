import { INestApplication } from '@nestjs/common';
import { createKafkaEventServer } from '@helpdesk/messaging';
import { createServiceApp } from '@helpdesk/service-runtime';
import { DataSource } from 'typeorm';
import { createConsumerGroupAtEnd } from './consumer-group-at-end';
import { createTestDatabase, TestDatabase } from './test-database';
import { testKafkaBrokers } from './test-environment';

export interface ServiceTestAppOptions {
  serviceName: string;
  /** The service's global prefix (`api/v1`); requests helpers put it before each path. */
  globalPrefix: string;
  /** The root module for an environment, as main.ts loads it (`(env) => AppModule.forRoot(env)`). */
  loadModule: (env: NodeJS.ProcessEnv) => unknown;
  /** Start of the throw-away database's name (`inc_sla`), so a leftover database says whose it was. */
  databasePrefix: string;
  /** The service's own variables and the suite's overrides, over the common test environment. */
  env?: NodeJS.ProcessEnv;
  /** Connect the Kafka consumer as main.ts does (a hybrid app); false for a service that only publishes. */
  consumeEvents?: boolean;
  /**
   * The topics the service consumes. When given, the app gets a consumer group of its own
   * (KAFKA_CONSUMER_GROUP) that starts at the topics' current ends: it sees the events published after
   * it started, never another suite's.
   */
  consumes?: string[];
  /** The same extra set-up main.ts passes to bootstrapService (helmet, CORS…). */
  configure?: (app: INestApplication) => void | Promise<void>;
  /** Runs once the app is up (e.g. seeding a local copy); a failure closes the app and drops the database. */
  prepare?: (app: INestApplication) => Promise<void>;
}

export interface ServiceTestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  /** `/api/v1`: what the service's public paths start with. */
  apiPrefix: string;
  db: TestDatabase;
  /** The environment the app was built from. */
  env: NodeJS.ProcessEnv;
  dataSource: DataSource;
  /** Closes the app (consumers leave their group, the outbox relay stops) and drops the database. */
  close(): Promise<void>;
}

/**
 * Boots a service's real root module the way main.ts does (createServiceApp, the same global prefix,
 * the Kafka consumer from createKafkaEventServer) against a throw-away database and the test broker.
 */
export async function startServiceTestApp(options: ServiceTestAppOptions): Promise<ServiceTestApp> {
  const db = await createTestDatabase(options.databasePrefix);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DATABASE_URL: db.serverUrl,
    DATABASE_NAME: db.name,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    ...(options.consumes ? { KAFKA_CONSUMER_GROUP: `${options.serviceName}-${db.name}` } : {}),
    ...options.env,
  };
  let app: INestApplication | undefined;
  try {
    if (options.consumes) await createConsumerGroupAtEnd(env.KAFKA_CONSUMER_GROUP!, options.consumes);
    app = await createServiceApp({
      serviceName: options.serviceName,
      loadModule: () => options.loadModule(env),
      globalPrefix: options.globalPrefix,
      configure: options.configure,
      microservice: options.consumeEvents === false ? undefined : (a) => ({ strategy: createKafkaEventServer(a) }),
    });
    await app.init();
    await options.prepare?.(app);
  } catch (e) {
    await app?.close().catch(() => undefined);
    await db.drop().catch(() => undefined);
    throw e;
  }
  const started = app;
  return {
    app: started,
    http: started.getHttpServer(),
    apiPrefix: `/${options.globalPrefix}`,
    db,
    env,
    dataSource: started.get(DataSource),
    close: async () => {
      await started.close();
      await db.drop();
    },
  };
}
