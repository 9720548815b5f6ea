import { randomUUID } from 'node:crypto';
import { IncidentSnapshot, Role, Topics } from '@helpdesk/contracts';
import {
  requestAs,
  ServiceTestApp,
  startServiceTestApp,
  TestEventPublisher,
  TestPrincipal,
  TestPublishOptions,
  testIncidentSnapshot,
  TestTokenSigner,
} from '@helpdesk/testing';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from '../../src/app.module';
import { configureKnowledgeService } from '../../src/configure-knowledge-service';

export const API = `/${GLOBAL_PREFIX}`;

/** Someone the suite signs in as (the service keeps no directory: the token is all it knows of them). */
export type TestPerson = TestPrincipal;

export interface KbPeople {
  admin: TestPerson;
  knowledgeManager: TestPerson;
  agent: TestPerson;
  specialist: TestPerson;
  problemManager: TestPerson;
  assetManager: TestPerson;
  employee: TestPerson;
  otherEmployee: TestPerson;
}

export interface KbTestApp extends ServiceTestApp {
  people: KbPeople;
  /** "Bearer <token>" for a person (signed by the test's own issuer, verified by the service). */
  bearer(person: TestPerson): Promise<string>;
  /** Publishes an event to Kafka the way another service's outbox relay would. */
  publish: TestEventPublisher['publish'];
}

export type PublishOptions = TestPublishOptions;

function person(email: string, name: string, roles: Role[]): TestPerson {
  return { id: randomUUID(), email, name, roles };
}

function makePeople(): KbPeople {
  return {
    admin: person('admin@example.com', 'Admin', ['admin']),
    knowledgeManager: person('km@example.com', '中村 ナレッジ', ['knowledge_manager']),
    agent: person('agent@example.com', '鈴木 一郎', ['agent']),
    specialist: person('net@example.com', '伊藤 直樹', ['specialist']),
    problemManager: person('problem@example.com', 'Problem Manager', ['problem_manager']),
    assetManager: person('assets@example.com', 'Asset Manager', ['asset_manager']),
    employee: person('employee@example.com', '山田 花子 🌸', ['employee']),
    otherEmployee: person('other@example.com', 'Other Employee', ['employee']),
  };
}

/**
 * Boots the real knowledge-base-service AppModule as main.ts does (HTTP + Kafka consumer) against a
 * throw-away database and the test broker. Seeding is off unless the suite turns it on.
 */
export async function startKnowledgeService(name: string, overrides: NodeJS.ProcessEnv = {}): Promise<KbTestApp> {
  const signer = TestTokenSigner.create();
  const service = await startServiceTestApp({
    serviceName: SERVICE_NAME,
    globalPrefix: GLOBAL_PREFIX,
    loadModule: (env) => AppModule.forRoot(env),
    databasePrefix: `kb_${name}`,
    configure: configureKnowledgeService,
    consumes: [Topics.incident, Topics.problem],
    env: { AUTH_PUBLIC_KEY: signer.publicKeyPem, SEED_REFERENCE_DATA: 'false', ...overrides },
  });
  let publisher: TestEventPublisher;
  try {
    publisher = await TestEventPublisher.connect(`kb-test-${name}`);
  } catch (e) {
    await service.close().catch(() => undefined);
    throw e;
  }
  return {
    ...service,
    people: makePeople(),
    bearer: (p) => signer.bearer(p),
    publish: (event, aggregateId, payload, options) => publisher.publish(event, aggregateId, payload, options),
    close: async () => {
      await publisher.disconnect();
      await service.close();
    },
  };
}

/** supertest against the app with a person's token (await the result: it sends the request). */
export function as(t: KbTestApp, p: TestPerson) {
  return requestAs(t, p);
}

/** A resolved incident as the incident service's events carry it. */
export function resolvedIncident(overrides: Partial<IncidentSnapshot> = {}): IncidentSnapshot {
  const at = new Date().toISOString();
  return testIncidentSnapshot({
    version: 5,
    state: 'resolved',
    assignmentGroupId: randomUUID(),
    assignmentGroupName: 'Network',
    assignmentGroupTier: 2,
    assigneeId: randomUUID(),
    assigneeName: '伊藤 直樹',
    resolutionCode: 'solved_workaround',
    resolutionNotes: 'VPN クライアントの証明書を再発行し、再接続してもらった。',
    resolvedById: randomUUID(),
    firstResponseAt: at,
    assignedAt: at,
    resolvedAt: at,
    ...overrides,
  });
}

/** Runs a small article through draft → in review → published as the given author and reviewer. */
export async function publishArticle(t: KbTestApp, body: object, author = t.people.agent, reviewer = t.people.knowledgeManager) {
  const created = await as(t, author).post('/kb/articles', body);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await as(t, author).post(`/kb/articles/${created.body.id}/submit`, {});
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const published = await as(t, reviewer).post(`/kb/articles/${created.body.id}/publish`, {});
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}
