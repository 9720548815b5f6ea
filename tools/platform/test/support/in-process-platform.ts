/**
 * The gateway, the incident service and the reporting service in the test's own process (not as `npm start`
 * runs them), so one OpenTelemetry provider sees every span they make: each app's real AppModule, booted as
 * its main.ts does, on a throw-away database and the test broker, the two HTTP apps listening on free ports.
 * The gateway signs tokens with a key pair made here, which the services verify; the incident service learns
 * the demo directory from the gateway's identity events, as in production.
 */
import { generateKeyPairSync } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { Topics } from '@helpdesk/contracts';
import { createServiceApp } from '@helpdesk/service-runtime';
import { createTestDatabase, ServiceTestApp, startServiceTestApp, TestDatabase, testKafkaBrokers } from '@helpdesk/testing';
// The point of this harness is to run three apps in one process: the only place outside the apps that imports them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import * as gateway from '../../../../apps/api-gateway/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configureGateway } from '../../../../apps/api-gateway/src/configure-gateway';
// eslint-disable-next-line @nx/enforce-module-boundaries
import * as incident from '../../../../apps/incident-service/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import * as reporting from '../../../../apps/reporting-service/src/app.module';

export interface InProcessPlatform {
  gatewayPort: number;
  incidentService: ServiceTestApp;
  reportingService: ServiceTestApp;
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 30_000;

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`in-process platform: an app did not close within ${ms} ms; left to the worker's exit`);
      resolve();
    }, ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function startInProcessPlatform(label: string): Promise<InProcessPlatform> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keys = {
    AUTH_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    AUTH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const closers: Array<() => Promise<void>> = [];
  // An app that does not close in time (a Kafka client stuck in a rejoin, seen once) must not fail the suite
  // after its assertions ran: it is left to the worker's exit.
  const close = async () => {
    for (const closeOne of closers.reverse()) await withTimeout(closeOne(), CLOSE_TIMEOUT_MS).catch(() => undefined);
  };
  try {
    const reportingService = await startServiceTestApp({
      serviceName: reporting.SERVICE_NAME,
      globalPrefix: reporting.GLOBAL_PREFIX,
      loadModule: (env) => reporting.AppModule.forRoot(env),
      databasePrefix: `${label}_rpt`,
      consumes: reporting.REPORTING_CONSUMES,
      env: { AUTH_PUBLIC_KEY: keys.AUTH_PUBLIC_KEY },
    });
    closers.push(() => reportingService.close());

    const incidentService = await startServiceTestApp({
      serviceName: incident.SERVICE_NAME,
      globalPrefix: incident.GLOBAL_PREFIX,
      loadModule: (env) => incident.AppModule.forRoot(env),
      databasePrefix: `${label}_inc`,
      // From the topics' ends, before the gateway seeds: it sees this gateway's directory and nobody else's.
      consumes: [Topics.identityUser, Topics.identityGroup, Topics.problem],
      env: { AUTH_PUBLIC_KEY: keys.AUTH_PUBLIC_KEY },
    });
    closers.push(() => incidentService.close());
    const incidentPort = await listen(incidentService.app);

    const db = await createTestDatabase(`${label}_gw`);
    closers.push(() => db.drop());
    const gatewayApp = await startGateway(db, { ...keys, INCIDENT_SERVICE_URL: `http://127.0.0.1:${incidentPort}` });
    closers.push(() => gatewayApp.close());
    const gatewayPort = await listen(gatewayApp);
    return { gatewayPort, incidentService, reportingService, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The gateway's AppModule as its main.ts boots it (edge set-up, demo seed), on its own database. */
async function startGateway(db: TestDatabase, overrides: NodeJS.ProcessEnv): Promise<INestApplication> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DATABASE_URL: db.serverUrl,
    DATABASE_NAME: db.name,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    SEED_DEMO: 'true',
    // Empty means the default demo password (DEFAULT_DEMO_PASSWORD).
    DEMO_PASSWORD: '',
    // Cheaper hashes keep the suite fast; they are not what it is about.
    PASSWORD_HASH_MEMORY_KIB: '4096',
    ...overrides,
  };
  const app = await createServiceApp({
    serviceName: gateway.SERVICE_NAME,
    loadModule: () => gateway.AppModule.forRoot(env),
    globalPrefix: gateway.GLOBAL_PREFIX,
    configure: configureGateway,
    openApi: false,
  });
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

async function listen(app: INestApplication): Promise<number> {
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}
