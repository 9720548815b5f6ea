// In-memory stand-ins for the repositories and collaborators of the identity services (unit specs only).
import { PasswordHasher } from '@helpdesk/auth';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../src/audit/actor';
import { AuditRecord, AuditService } from '../../src/audit/audit.service';
import { RefreshTokensRepository } from '../../src/auth/refresh-tokens.repository';
import { GroupEntity } from '../../src/groups/entities/group.entity';
import { GroupsRepository } from '../../src/groups/groups.repository';
import { IdentityEventsPublisher } from '../../src/identity-events/identity-events.publisher';
import { UserEntity } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';

export const fakeManager = {} as EntityManager;

/** transaction(work) runs work with a dummy manager; rolledBack counts failed transactions. */
export function fakeDataSource() {
  const ds = {
    rolledBack: 0,
    transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      try {
        return await work(fakeManager);
      } catch (e) {
        ds.rolledBack++;
        throw e;
      }
    },
  };
  return ds as typeof ds & DataSource;
}

export function fakeUsersRepository(initial: UserEntity[] = []) {
  const rows = new Map(initial.map((u) => [u.id, u]));
  const repo = {
    rows,
    findById: async (id: string) => (rows.get(id) ? { ...rows.get(id)!, roles: [...rows.get(id)!.roles] } : null),
    findByEmail: async (email: string) => [...rows.values()].find((u) => u.email.toLowerCase() === email.toLowerCase()) ?? null,
    existingIds: async (ids: string[], _m?: EntityManager, activeOnly = false) =>
      new Set(ids.filter((id) => rows.has(id) && (!activeOnly || rows.get(id)!.active))),
    insert: async (user: UserEntity) => void rows.set(user.id, { ...user }),
    save: async (user: UserEntity) => (rows.set(user.id, { ...user }), user),
    find: async () => [...rows.values()],
  };
  return repo as typeof repo & UsersRepository;
}

export function fakeGroupsRepository() {
  const groups = new Map<string, GroupEntity>();
  const members = new Map<string, string[]>();
  const repo = {
    groups,
    members,
    findById: async (id: string) => (groups.get(id) ? { ...groups.get(id)! } : null),
    findByName: async (name: string) => [...groups.values()].find((g) => g.name.toLowerCase() === name.toLowerCase()) ?? null,
    insert: async (g: GroupEntity) => void groups.set(g.id, { ...g }),
    save: async (g: GroupEntity) => (groups.set(g.id, { ...g }), g),
    memberIds: async (id: string) => [...(members.get(id) ?? [])],
    replaceMembers: async (id: string, ids: string[]) => void members.set(id, [...ids].sort()),
    memberIdsByGroup: async (ids: string[]) => new Map(ids.map((id) => [id, members.get(id) ?? []])),
    activeGroupsOfUser: async (userId: string) =>
      [...groups.values()].filter((g) => g.active && (members.get(g.id) ?? []).includes(userId)),
    find: async () => [...groups.values()],
  };
  return repo as typeof repo & GroupsRepository;
}

export function fakeAudit() {
  const records: AuditRecord[] = [];
  return { records, record: async (_m: EntityManager, r: AuditRecord) => void records.push(r) } as {
    records: AuditRecord[];
  } & AuditService;
}

export function fakeEvents() {
  const events: Array<{ kind: 'user' | 'group'; type: string; payload: unknown; actor: Actor }> = [];
  return {
    events,
    user: async (_m: EntityManager, type: string, payload: unknown, actor: Actor) =>
      void events.push({ kind: 'user', type, payload, actor }),
    group: async (_m: EntityManager, type: string, payload: unknown, actor: Actor) =>
      void events.push({ kind: 'group', type, payload, actor }),
  } as unknown as { events: typeof events } & IdentityEventsPublisher;
}

export function fakeRefreshTokens() {
  const revoked: Array<{ userId?: string; familyId?: string; reason: string }> = [];
  return {
    revoked,
    revokeAllOfUser: async (userId: string, reason: string) => (revoked.push({ userId, reason }), 2),
    revokeFamily: async (familyId: string, reason: string) => (revoked.push({ familyId, reason }), 1),
  } as unknown as { revoked: typeof revoked } & RefreshTokensRepository;
}

/** Hashes are "hash:<password>"; verify records calls so specs can see the dummy verification. */
export function fakeHasher() {
  const calls: Array<{ hash: string | null | undefined; password: string }> = [];
  return {
    calls,
    hash: async (p: string) => `hash:${p}`,
    verify: async (hash: string | null | undefined, password: string) => (
      calls.push({ hash, password }),
      hash === `hash:${password}`
    ),
    needsRehash: () => false,
  } as unknown as { calls: typeof calls } & PasswordHasher;
}

export function userEntity(overrides: Partial<UserEntity> = {}): UserEntity {
  const now = new Date('2026-11-01T00:00:00Z');
  return Object.assign(new UserEntity(), {
    id: '01900000-0000-7000-8000-000000000001',
    email: 'taro.yamada@example.com',
    displayName: '山田 太郎',
    displayNameJa: '山田 太郎',
    displayNameEn: 'Taro Yamada',
    department: '経理部',
    managerId: null,
    phone: null,
    locale: 'ja' as const,
    timeZone: 'Asia/Tokyo',
    roles: ['employee' as const],
    active: true,
    passwordHash: 'hash:correct-password',
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  });
}

export const ADMIN_ACTOR: Actor = { id: '01900000-0000-7000-8000-0000000000ad', role: 'admin' };
