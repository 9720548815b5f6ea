import { randomUUID } from 'node:crypto';
import { EventEnvelope, IncidentSnapshot, Role } from '@helpdesk/contracts';
import {
  publishIncidentEvent,
  requestAs,
  ServiceTestApp,
  startServiceTestApp,
  TestEventPublisher,
  TestIncidentEventType,
  testIncidentSnapshot,
  TestPrincipal,
  TestPublishOptions,
  TestTokenSigner,
} from '@helpdesk/testing';
import { AppModule, GLOBAL_PREFIX, REPORTING_CONSUMES, SERVICE_NAME } from '../../src/app.module';

export type TestPerson = TestPrincipal;

export interface ReportingPeople {
  admin: TestPerson;
  supervisor: TestPerson;
  agent: TestPerson;
  employee: TestPerson;
}

export interface ReportingTestApp extends ServiceTestApp {
  people: ReportingPeople;
  publisher: TestEventPublisher;
  bearer(person: TestPerson): Promise<string>;
  /** Publishes an incident event the way the incident service's relay would (options.id: a redelivery). */
  incidentEvent(
    type: TestIncidentEventType,
    incident: IncidentSnapshot,
    detail?: object,
    options?: TestPublishOptions,
  ): Promise<EventEnvelope>;
}

function person(email: string, name: string, roles: Role[]): TestPerson {
  return { id: randomUUID(), email, name, roles };
}

/** Boots the real reporting-service AppModule (HTTP + Kafka consumer) against a throw-away database and the test broker. */
export async function startReportingService(name: string, overrides: NodeJS.ProcessEnv = {}): Promise<ReportingTestApp> {
  const signer = TestTokenSigner.create();
  const service = await startServiceTestApp({
    serviceName: SERVICE_NAME,
    globalPrefix: GLOBAL_PREFIX,
    loadModule: (env) => AppModule.forRoot(env),
    databasePrefix: `rpt_${name}`,
    consumes: REPORTING_CONSUMES,
    env: { AUTH_PUBLIC_KEY: signer.publicKeyPem, ...overrides },
  });
  let publisher: TestEventPublisher;
  try {
    publisher = await TestEventPublisher.connect(`reporting-test-${name}`);
  } catch (e) {
    await service.close().catch(() => undefined);
    throw e;
  }
  const people: ReportingPeople = {
    admin: person('admin@example.com', 'Admin', ['admin']),
    supervisor: person('supervisor@example.com', '佐藤 課長', ['supervisor']),
    agent: person('agent@example.com', '鈴木 一郎', ['agent']),
    employee: person('employee@example.com', '山田 花子 🌸', ['employee']),
  };
  return {
    ...service,
    people,
    publisher,
    bearer: (p) => signer.bearer(p),
    incidentEvent: (type, incident, detail, options) => publishIncidentEvent(publisher, type, incident, detail, options),
    close: async () => {
      await publisher.disconnect();
      await service.close();
    },
  };
}

export function as(t: ReportingTestApp, p: TestPerson) {
  return requestAs(t, p);
}

export const incident = testIncidentSnapshot;
