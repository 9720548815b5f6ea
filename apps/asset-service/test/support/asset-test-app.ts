import { randomUUID } from 'node:crypto';
import { EventEnvelope, IncidentSnapshot, Role, Topics, UserCreated, UserDeactivated, UserSnapshot } from '@helpdesk/contracts';
import {
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
  waitFor,
} from '@helpdesk/testing';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from '../../src/app.module';

export type TestPerson = TestPrincipal & { department: string };

export interface AssetPeople {
  admin: TestPerson;
  assetManager: TestPerson;
  agent: TestPerson;
  employee: TestPerson;
  otherEmployee: TestPerson;
}

export interface AssetTestApp extends ServiceTestApp {
  people: AssetPeople;
  publisher: TestEventPublisher;
  bearer(person: TestPrincipal): Promise<string>;
  /** Publishes identity.user.created/deactivated for a person, as the gateway would. */
  userEvent(type: 'created' | 'deactivated', person: TestPerson, options?: TestPublishOptions): Promise<EventEnvelope>;
  /** Publishes an incident event the way the incident service's relay would (options.id: a redelivery). */
  incidentEvent(type: 'created' | 'updated', incident: IncidentSnapshot, options?: TestPublishOptions): Promise<EventEnvelope>;
}

function person(email: string, name: string, roles: Role[], department: string): TestPerson {
  return { id: randomUUID(), email, name, roles, department };
}

function userSnapshot(p: TestPerson, active: boolean): UserSnapshot {
  return testUserSnapshot(p, { department: p.department, active });
}

/**
 * Boots the real asset-service AppModule (HTTP + Kafka consumer) against a throw-away database and the test
 * broker; the directory copy learns the suite's people from identity events before it returns.
 */
export async function startAssetService(name: string, overrides: NodeJS.ProcessEnv = {}): Promise<AssetTestApp> {
  const signer = TestTokenSigner.create();
  const service = await startServiceTestApp({
    serviceName: SERVICE_NAME,
    globalPrefix: GLOBAL_PREFIX,
    loadModule: (env) => AppModule.forRoot(env),
    databasePrefix: `asset_${name}`,
    consumes: [Topics.incident, Topics.identityUser],
    env: { AUTH_PUBLIC_KEY: signer.publicKeyPem, ...overrides },
  });
  let publisher: TestEventPublisher;
  try {
    publisher = await TestEventPublisher.connect(`asset-test-${name}`);
  } catch (e) {
    await service.close().catch(() => undefined);
    throw e;
  }
  const people: AssetPeople = {
    admin: person('admin@example.com', 'Admin', ['admin'], '情報システム部'),
    assetManager: person('assets@example.com', '資産 管理者', ['asset_manager'], '情報システム部'),
    agent: person('agent@example.com', '鈴木 一郎', ['agent'], '情報システム部'),
    employee: person('employee@example.com', '山田 花子 🌸', ['employee'], '営業部'),
    otherEmployee: person('other@example.com', 'Other Employee', ['employee'], '経理部'),
  };
  const userEvent: AssetTestApp['userEvent'] = (type, p, options = {}) =>
    type === 'created'
      ? publisher.publish(UserCreated, p.id, userSnapshot(p, true), options)
      : publisher.publish(UserDeactivated, p.id, userSnapshot(p, false), options);
  for (const p of Object.values(people)) await userEvent('created', p);
  // Suites start from a directory that knows their people: a person arriving later would rename and
  // re-department what a test has just assigned to them.
  const ids = Object.values(people).map((p) => p.id);
  await waitFor(
    async () => {
      const [row] = await service.dataSource.query(`SELECT count(*)::int AS n FROM asset_person WHERE id = ANY ($1)`, [ids]);
      return row.n === ids.length || undefined;
    },
    { description: 'the directory copy to know the suite\u2019s people' },
  );
  const incidentEvent: AssetTestApp['incidentEvent'] = (type, incident, options) =>
    publishIncidentEvent(publisher, type, incident, undefined, options);
  return {
    ...service,
    people,
    publisher,
    bearer: (p) => signer.bearer(p),
    userEvent,
    incidentEvent,
    close: async () => {
      await publisher.disconnect();
      await service.close();
    },
  };
}

export function as(t: AssetTestApp, p: TestPrincipal) {
  return requestAs(t, p);
}

export const incident = testIncidentSnapshot;
