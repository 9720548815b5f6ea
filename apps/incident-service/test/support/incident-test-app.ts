import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Role, Topics } from '@helpdesk/contracts';
import { requestAs, ServiceTestApp, startServiceTestApp, TestPrincipal, TestTokenSigner } from '@helpdesk/testing';
import { DataSource } from 'typeorm';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from '../../src/app.module';
import { DirectoryRepository } from '../../src/directory/directory.repository';

export const API = `/${GLOBAL_PREFIX}`;

/** Someone in the test directory: who they are in the token, and where they sit for routing and approvals. */
export interface TestPerson extends TestPrincipal {
  groups: string[];
  department?: string | null;
  managerId?: string | null;
}

/** A small directory: the service desk (tier 1) and three tier 2 groups, one person per role. */
export interface TestDirectory {
  groups: { serviceDesk: string; desktop: string; network: string; identity: string };
  people: {
    admin: TestPerson;
    supervisor: TestPerson;
    agent: TestPerson;
    agent2: TestPerson;
    specialist: TestPerson;
    manager: TestPerson;
    employee: TestPerson;
    otherEmployee: TestPerson;
    problemManager: TestPerson;
  };
}

export interface IncidentTestApp extends ServiceTestApp {
  directory: TestDirectory;
  /** "Bearer <token>" for a principal (signed by the test's own issuer, verified by the service). */
  bearer(person: TestPerson): Promise<string>;
}

function person(email: string, name: string, roles: Role[], groups: string[], extra: Partial<TestPerson> = {}): TestPerson {
  return { id: randomUUID(), email, name, roles, groups, department: '営業部', managerId: null, ...extra };
}

function makeDirectory(): TestDirectory {
  const groups = { serviceDesk: randomUUID(), desktop: randomUUID(), network: randomUUID(), identity: randomUUID() };
  const manager = person('manager@example.com', '佐藤 部長', ['employee'], []);
  return {
    groups,
    people: {
      admin: person('admin@example.com', 'Admin', ['admin'], [], { department: '情報システム部' }),
      supervisor: person('supervisor@example.com', 'Supervisor', ['supervisor', 'agent'], [groups.serviceDesk], {
        department: '情報システム部',
      }),
      agent: person('agent@example.com', '鈴木 一郎', ['agent'], [groups.serviceDesk], { department: '情報システム部' }),
      agent2: person('agent2@example.com', 'Agent Two', ['agent'], [groups.serviceDesk], { department: '情報システム部' }),
      specialist: person('net@example.com', '伊藤 直樹', ['specialist'], [groups.network], { department: '情報システム部' }),
      manager,
      employee: person('employee@example.com', '山田 花子 🌸', ['employee'], [], { managerId: manager.id }),
      otherEmployee: person('other@example.com', 'Other Employee', ['employee'], []),
      problemManager: person('problem@example.com', 'Problem Manager', ['problem_manager'], []),
    },
  };
}

/**
 * Boots the real incident-service AppModule as main.ts does (HTTP + Kafka consumer) against a
 * throw-away database and the test broker, with a directory copy seeded as identity events would.
 */
export async function startIncidentService(name: string, overrides: NodeJS.ProcessEnv = {}): Promise<IncidentTestApp> {
  const signer = TestTokenSigner.create();
  const directory = makeDirectory();
  const service = await startServiceTestApp({
    serviceName: SERVICE_NAME,
    globalPrefix: GLOBAL_PREFIX,
    loadModule: (env) => AppModule.forRoot(env),
    databasePrefix: `inc_${name}`,
    // Its own consumer group, from the topics' ends: no partitions shared with other test apps, no replay.
    consumes: [Topics.identityUser, Topics.identityGroup, Topics.problem],
    env: { AUTH_PUBLIC_KEY: signer.publicKeyPem, SLA_SCAN_INTERVAL: '1s', ...overrides },
    prepare: (app) => seedDirectory(app, directory),
  });
  return { ...service, directory, bearer: (p) => signer.bearer(p) };
}

async function seedDirectory(app: INestApplication, d: TestDirectory): Promise<void> {
  const repo = app.get(DirectoryRepository);
  const ds = app.get(DataSource);
  const at = new Date();
  await ds.transaction(async (m) => {
    for (const p of Object.values(d.people)) {
      await repo.upsertUser(
        m,
        {
          id: p.id,
          email: p.email,
          displayName: p.name,
          displayNameJa: p.name,
          displayNameEn: null,
          department: p.department ?? null,
          managerId: p.managerId ?? null,
          locale: 'ja',
          timeZone: 'Asia/Tokyo',
          roles: p.roles,
          active: true,
        },
        at,
      );
    }
    const members = (g: string) =>
      Object.values(d.people)
        .filter((p) => p.groups.includes(g))
        .map((p) => p.id);
    const groups: Array<[string, string, number, string | null]> = [
      [d.groups.serviceDesk, 'Service Desk', 1, d.people.supervisor.id],
      [d.groups.desktop, 'Desktop Support', 2, null],
      [d.groups.network, 'Network', 2, d.people.specialist.id],
      [d.groups.identity, 'Identity & Access', 2, null],
    ];
    for (const [id, name, tier, supervisorId] of groups) {
      await repo.upsertGroup(m, { id, name, nameJa: null, tier, supervisorId, memberIds: members(id), active: true }, at);
    }
  });
}

/** supertest against the app with a principal's token (await the result: it sends the request). */
export function as(t: IncidentTestApp, p: TestPerson) {
  return requestAs(t, p);
}
