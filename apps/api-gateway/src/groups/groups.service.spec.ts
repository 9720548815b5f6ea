import { DomainException } from '@helpdesk/service-runtime';
import { AuditAction } from '../audit/audit-action';
import {
  ADMIN_ACTOR,
  fakeAudit,
  fakeDataSource,
  fakeEvents,
  fakeGroupsRepository,
  fakeUsersRepository,
  userEntity,
} from '../../test/fakes/identity-fakes';
import { GroupsService } from './groups.service';

const alice = userEntity({ id: '01900000-0000-7000-8000-00000000000a', email: 'alice@example.com' });
const bob = userEntity({ id: '01900000-0000-7000-8000-00000000000b', email: 'bob@example.com' });
const gone = userEntity({ id: '01900000-0000-7000-8000-00000000000c', email: 'gone@example.com', active: false });

function setup() {
  const deps = {
    dataSource: fakeDataSource(),
    groups: fakeGroupsRepository(),
    users: fakeUsersRepository([alice, bob, gone]),
    audit: fakeAudit(),
    events: fakeEvents(),
  };
  return { service: new GroupsService(deps.dataSource, deps.groups, deps.users, deps.audit, deps.events), ...deps };
}

async function error(p: Promise<unknown>): Promise<DomainException> {
  try {
    await p;
  } catch (e) {
    return e as DomainException;
  }
  throw new Error('expected an error');
}

describe('GroupsService', () => {
  it('creates a group with members; audit and identity.group.created carry the member list', async () => {
    const { service, audit, events } = setup();
    const { group, memberIds } = await service.create(
      { name: 'Network', nameJa: 'ネットワーク', tier: 2, supervisorId: alice.id, memberIds: [bob.id, alice.id] },
      ADMIN_ACTOR,
    );
    expect(group).toMatchObject({ name: 'Network', nameJa: 'ネットワーク', tier: 2, active: true, version: 1 });
    expect(memberIds).toEqual([alice.id, bob.id].sort());
    expect(audit.records[0].action).toBe(AuditAction.GroupCreated);
    expect(audit.records[0].changes).toContainEqual({ field: 'memberIds', from: [], to: memberIds });
    expect(events.events).toEqual([
      expect.objectContaining({
        kind: 'group',
        type: 'created',
        payload: expect.objectContaining({ memberIds, supervisorId: alice.id }),
      }),
    ]);
  });

  it('refuses unknown or inactive members and supervisors with 400 on the field', async () => {
    const { service } = setup();
    const bad = await error(service.create({ name: 'X', tier: 1, memberIds: [gone.id] }, ADMIN_ACTOR));
    expect(bad.getStatus()).toBe(400);
    expect(bad.details).toEqual([{ field: 'memberIds', reason: expect.stringContaining(gone.id) }]);
    expect((await error(service.create({ name: 'Y', tier: 1, supervisorId: gone.id }, ADMIN_ACTOR))).details[0].field).toBe(
      'supervisorId',
    );
  });

  it('a duplicate name (any case) is 409', async () => {
    const { service } = setup();
    await service.create({ name: 'Applications', tier: 2 }, ADMIN_ACTOR);
    expect((await error(service.create({ name: 'APPLICATIONS', tier: 2 }, ADMIN_ACTOR))).getStatus()).toBe(409);
  });

  it('replaces members, auditing who was added and removed; an identical list changes nothing', async () => {
    const { service, audit, events } = setup();
    const { group } = await service.create({ name: 'Desk', tier: 1, memberIds: [alice.id] }, ADMIN_ACTOR);
    const result = await service.replaceMembers(group.id, [bob.id], 1, ADMIN_ACTOR);
    expect(result).toMatchObject({ memberIds: [bob.id], group: expect.objectContaining({ version: 2 }) });
    expect(audit.records[1]).toMatchObject({
      action: AuditAction.GroupMembersChanged,
      context: { added: [bob.id], removed: [alice.id] },
    });
    expect(events.events.map((e) => e.type)).toEqual(['created', 'members-changed']);
    await service.replaceMembers(group.id, [bob.id], undefined, ADMIN_ACTOR);
    expect(events.events).toHaveLength(2);
    expect((await error(service.replaceMembers(group.id, [], 1, ADMIN_ACTOR))).getStatus()).toBe(409);
  });

  it('updates fields with optimistic locking; deactivation is its own audit action', async () => {
    const { service, audit } = setup();
    const { group } = await service.create({ name: 'Apps', tier: 2 }, ADMIN_ACTOR);
    expect((await error(service.update(group.id, { tier: 1 }, 7, ADMIN_ACTOR))).getStatus()).toBe(409);
    const updated = await service.update(group.id, { active: false, description: '廃止予定' }, 1, ADMIN_ACTOR);
    expect(updated.group).toMatchObject({ active: false, description: '廃止予定', version: 2 });
    expect(audit.records[1].action).toBe(AuditAction.GroupDeactivated);
    expect((await error(service.get('01900000-0000-7000-8000-0000000000ff'))).getStatus()).toBe(404);
  });
});
