import { DomainException } from '@helpdesk/service-runtime';
import { AuditAction } from '../audit/audit-action';
import {
  ADMIN_ACTOR,
  fakeAudit,
  fakeDataSource,
  fakeEvents,
  fakeHasher,
  fakeRefreshTokens,
  fakeUsersRepository,
  userEntity,
} from '../../test/fakes/identity-fakes';
import { canSeeUser, UsersService } from './users.service';

function setup(users = [userEntity()]) {
  const deps = {
    dataSource: fakeDataSource(),
    users: fakeUsersRepository(users),
    refreshTokens: fakeRefreshTokens(),
    audit: fakeAudit(),
    events: fakeEvents(),
    hasher: fakeHasher(),
  };
  const service = new UsersService(deps.dataSource, deps.users, deps.refreshTokens, deps.audit, deps.events, deps.hasher);
  return { service, ...deps };
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.catch((e) => e);
  expect(error).toBeInstanceOf(DomainException);
  return {
    status: (error as DomainException).getStatus(),
    code: (error as DomainException).code,
    details: (error as DomainException).details,
  };
}

describe('UsersService', () => {
  it('creates with defaults, a derived display name, a hashed password, an audit row and an event', async () => {
    const { service, audit, events, users } = setup([]);
    const user = await service.create(
      { email: 'hanako@example.com', displayNameJa: '佐藤 花子', displayNameEn: 'Hanako Sato', password: 'long-enough-pw' },
      ADMIN_ACTOR,
    );
    expect(user).toMatchObject({
      displayName: '佐藤 花子',
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      roles: ['employee'],
      active: true,
      version: 1,
      passwordHash: 'hash:long-enough-pw',
    });
    expect(users.rows.get(user.id)).toBeDefined();
    expect(audit.records).toEqual([
      expect.objectContaining({ action: AuditAction.UserCreated, entityId: user.id, actor: ADMIN_ACTOR }),
    ]);
    expect(audit.records[0].changes).toContainEqual({ field: 'passwordHash', redacted: true });
    expect(events.events).toEqual([expect.objectContaining({ kind: 'user', type: 'created', actor: ADMIN_ACTOR })]);
    expect(events.events[0].payload).not.toHaveProperty('passwordHash');
  });

  it('derives the display name in the user’s locale, falling back to the other language', async () => {
    const { service } = setup([]);
    expect(
      (
        await service.create(
          { email: 'a@example.com', displayNameJa: '田中', displayNameEn: 'Tanaka', locale: 'en' },
          ADMIN_ACTOR,
        )
      ).displayName,
    ).toBe('Tanaka');
    expect((await service.create({ email: 'b@example.com', displayNameEn: 'Emily Clark' }, ADMIN_ACTOR)).displayName).toBe(
      'Emily Clark',
    );
  });

  it('refuses a taken e-mail (any case) with 409 and an unknown manager with 400 on managerId', async () => {
    const { service, events } = setup();
    expect(await codeOf(service.create({ email: 'TARO.YAMADA@example.com', displayNameEn: 'X' }, ADMIN_ACTOR))).toMatchObject({
      status: 409,
      code: 'EMAIL_TAKEN',
    });
    expect(
      await codeOf(
        service.create(
          { email: 'new@example.com', displayNameEn: 'X', managerId: '01900000-0000-7000-8000-00000000dead' },
          ADMIN_ACTOR,
        ),
      ),
    ).toMatchObject({
      status: 400,
      details: [{ field: 'managerId', reason: expect.any(String) }],
    });
    expect(events.events).toHaveLength(0);
  });

  it('updates only what was sent, bumps the version, and audits from → to', async () => {
    const { service, audit, events } = setup();
    const updated = await service.update(userEntity().id, { department: '人事部', roles: ['employee', 'agent'] }, 1, ADMIN_ACTOR);
    expect(updated).toMatchObject({ department: '人事部', roles: ['employee', 'agent'], version: 2, displayName: '山田 太郎' });
    expect(audit.records[0]).toMatchObject({ action: AuditAction.UserUpdated });
    expect(audit.records[0].changes).toEqual([
      { field: 'department', from: '経理部', to: '人事部' },
      { field: 'roles', from: ['employee'], to: ['employee', 'agent'] },
    ]);
    expect(events.events.map((e) => e.type)).toEqual(['updated']);
  });

  it('409 on a stale version, without writing anything', async () => {
    const { service, audit, events } = setup([userEntity({ version: 4 })]);
    expect(await codeOf(service.update(userEntity().id, { department: '人事部' }, 3, ADMIN_ACTOR))).toMatchObject({
      status: 409,
      code: 'STALE_VERSION',
    });
    expect(audit.records).toHaveLength(0);
    expect(events.events).toHaveLength(0);
  });

  it('a change that changes nothing keeps the version and emits nothing', async () => {
    const { service, audit, events } = setup();
    const same = await service.update(userEntity().id, { department: '経理部' }, undefined, ADMIN_ACTOR);
    expect(same.version).toBe(1);
    expect(audit.records).toHaveLength(0);
    expect(events.events).toHaveLength(0);
  });

  it('deactivation revokes refresh tokens, is audited as such and publishes identity.user.deactivated', async () => {
    const { service, audit, events, refreshTokens } = setup();
    await service.update(userEntity().id, { active: false }, undefined, ADMIN_ACTOR);
    expect(refreshTokens.revoked).toEqual([{ userId: userEntity().id, reason: 'user_deactivated' }]);
    expect(audit.records[0].action).toBe(AuditAction.UserDeactivated);
    expect(events.events[0]).toMatchObject({ type: 'deactivated', payload: expect.objectContaining({ active: false }) });
  });

  it('a password change revokes sessions and records only that the password changed', async () => {
    const { service, audit, refreshTokens } = setup();
    await service.update(userEntity().id, { password: 'a-brand-new-password' }, undefined, ADMIN_ACTOR);
    expect(refreshTokens.revoked).toEqual([{ userId: userEntity().id, reason: 'password_changed' }]);
    expect(audit.records[0].changes).toEqual([{ field: 'passwordHash', redacted: true }]);
    expect(JSON.stringify(audit.records)).not.toContain('a-brand-new-password');
  });

  it('keeps a name in some language and follows name changes while the display name is derived', async () => {
    const { service } = setup();
    expect(
      await codeOf(service.update(userEntity().id, { displayNameJa: null, displayNameEn: null }, undefined, ADMIN_ACTOR)),
    ).toMatchObject({ status: 400, code: 'NAME_REQUIRED' });
    const renamed = await service.update(userEntity().id, { displayNameJa: '山田 次郎' }, undefined, ADMIN_ACTOR);
    expect(renamed.displayName).toBe('山田 次郎');
    const english = await service.update(userEntity().id, { locale: 'en' }, undefined, ADMIN_ACTOR);
    expect(english.displayName).toBe('Taro Yamada');
  });

  it('an admin cannot deactivate themself nor drop their own admin role', async () => {
    const admin = userEntity({ id: ADMIN_ACTOR.id, email: 'admin@example.com', roles: ['admin'] });
    const { service } = setup([admin]);
    expect(await codeOf(service.update(admin.id, { active: false }, undefined, ADMIN_ACTOR))).toMatchObject({
      status: 409,
      code: 'CANNOT_DEACTIVATE_SELF',
    });
    expect(await codeOf(service.update(admin.id, { roles: ['agent'] }, undefined, ADMIN_ACTOR))).toMatchObject({
      status: 409,
      code: 'CANNOT_REMOVE_OWN_ADMIN',
    });
  });

  it('an employee sees only themself; staff see anyone; unknown ids are 404', async () => {
    const { service } = setup();
    const me = userEntity();
    expect(canSeeUser({ id: me.id, roles: ['employee'] }, me.id)).toBe(true);
    expect(canSeeUser({ id: 'other', roles: ['employee'] }, me.id)).toBe(false);
    expect(canSeeUser({ id: 'other', roles: ['agent'] }, me.id)).toBe(true);
    expect(await codeOf(service.get(me.id, { id: 'other', roles: ['employee'] }))).toMatchObject({
      status: 404,
      code: 'USER_NOT_FOUND',
    });
    expect(await codeOf(service.get('01900000-0000-7000-8000-00000000beef', { id: 'x', roles: ['admin'] }))).toMatchObject({
      status: 404,
    });
  });
});
