import { randomUUID } from 'node:crypto';
import { EventEnvelope, IncidentSnapshot, Role, Topics, UserCreated } from '@helpdesk/contracts';
import {
  TestIncidentEventType,
  testUserSnapshot,
  publishIncidentEvent,
  requestAs,
  ServiceTestApp,
  startServiceTestApp,
  TestEventPublisher,
  testIncidentSnapshot,
  TestPrincipal,
  TestPublishOptions,
  TestTokenSigner,
} from '@helpdesk/testing';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from '../../src/app.module';

export type TestPerson = TestPrincipal;

export interface ProblemPeople {
  admin: TestPerson;
  problemManager: TestPerson;
  otherManager: TestPerson;
  agent: TestPerson;
  specialist: TestPerson;
  knowledgeManager: TestPerson;
  employee: TestPerson;
}

export interface ProblemTestApp extends ServiceTestApp {
  people: ProblemPeople;
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

/** Boots the real problem-service AppModule (HTTP + Kafka consumer) against a throw-away database and the test broker. */
export async function startProblemService(name: string, overrides: NodeJS.ProcessEnv = {}): Promise<ProblemTestApp> {
  const signer = TestTokenSigner.create();
  const service = await startServiceTestApp({
    serviceName: SERVICE_NAME,
    globalPrefix: GLOBAL_PREFIX,
    loadModule: (env) => AppModule.forRoot(env),
    databasePrefix: `prb_${name}`,
    consumes: [Topics.incident, Topics.identityUser, Topics.identityGroup],
    env: { AUTH_PUBLIC_KEY: signer.publicKeyPem, ...overrides },
  });
  let publisher: TestEventPublisher;
  try {
    publisher = await TestEventPublisher.connect(`problem-test-${name}`);
  } catch (e) {
    await service.close().catch(() => undefined);
    throw e;
  }
  const people: ProblemPeople = {
    admin: person('admin@example.com', 'Admin', ['admin']),
    problemManager: person('pm@example.com', '問題 管理者', ['problem_manager']),
    otherManager: person('pm2@example.com', 'Other Manager', ['problem_manager']),
    agent: person('agent@example.com', '鈴木 一郎', ['agent']),
    specialist: person('net@example.com', '伊藤 直樹', ['specialist']),
    knowledgeManager: person('km@example.com', 'KM', ['knowledge_manager']),
    employee: person('employee@example.com', '山田 花子 🌸', ['employee']),
  };
  // The directory copy knows the problem managers (owners are checked against it).
  for (const p of [people.problemManager, people.otherManager, people.agent]) {
    await publisher.publish(UserCreated, p.id, testUserSnapshot(p, { department: 'IT' }));
  }
  const incidentEvent: ProblemTestApp['incidentEvent'] = (type, incident, detail, options) =>
    publishIncidentEvent(publisher, type, incident, detail, options);
  return {
    ...service,
    people,
    publisher,
    bearer: (p) => signer.bearer(p),
    incidentEvent,
    close: async () => {
      await publisher.disconnect();
      await service.close();
    },
  };
}

export function as(t: ProblemTestApp, p: TestPerson) {
  return requestAs(t, p);
}

export const incident = testIncidentSnapshot;
