import { TokenIssuer } from '@helpdesk/auth';
import { loadConfig } from '@helpdesk/config';
import { DomainException } from '@helpdesk/service-runtime';
import { AuditAction } from '../audit/audit-action';
import { GatewayConfig } from '../config/gateway.config';
import { GroupsService } from '../groups/groups.service';
import {
  fakeAudit,
  fakeDataSource,
  fakeHasher,
  fakeRefreshTokens,
  fakeUsersRepository,
  userEntity,
} from '../../test/fakes/identity-fakes';
import { AuthSessionsService } from './auth-sessions.service';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { AttemptReservation, LoginThrottleService } from './login-throttle.service';
import { ThrottleScope } from './login-failures.repository';
import { hashRefreshToken } from './refresh-token.codec';
import { RefreshTokensRepository } from './refresh-tokens.repository';

const client = { address: '10.0.0.7', userAgent: 'jest' };

function setup(
  options: {
    blocked?: AttemptReservation & { blocked: true };
    reached?: ThrottleScope[];
    users?: ReturnType<typeof userEntity>[];
  } = {},
) {
  const tokens = new Map<string, RefreshTokenEntity>();
  const refreshRepo = Object.assign(fakeRefreshTokens(), {
    insert: async (row: RefreshTokenEntity) => void tokens.set(row.tokenHash, { ...row }),
    findByHashForUpdate: async (hash: string) => tokens.get(hash) ?? null,
    markUsed: async (id: string, replacedById: string, at: Date) => {
      for (const t of tokens.values()) if (t.id === id) Object.assign(t, { usedAt: at, replacedById });
    },
  });
  const throttle = {
    /** Accounts whose attempts were reserved (counted), in order. */
    reserved: [] as string[],
    reserve: async (account: string): Promise<AttemptReservation> => {
      if (options.blocked) return options.blocked;
      throttle.reserved.push(account);
      return { blocked: false, attemptId: `attempt-${throttle.reserved.length}`, reachedIfFailed: options.reached ?? [] };
    },
    succeeded: async (account: string, address: string, attemptId: string) =>
      void throttle.succeededCalls.push([account, address, attemptId]),
    /** [account, address, attemptId] of attempts that succeeded (no longer counted). */
    succeededCalls: [] as string[][],
  };
  const deps = {
    dataSource: fakeDataSource(),
    users: fakeUsersRepository(options.users ?? [userEntity()]),
    groups: { activeGroupsOfUser: async () => [{ id: 'g-1' }] } as unknown as GroupsService,
    audit: fakeAudit(),
    hasher: fakeHasher(),
    issuer: { issue: async () => ({ accessToken: 'access', expiresIn: 900, expiresAt: new Date() }) } as unknown as TokenIssuer,
  };
  const service = new AuthSessionsService(
    deps.dataSource,
    deps.users,
    deps.groups,
    refreshRepo as unknown as RefreshTokensRepository,
    throttle as unknown as LoginThrottleService,
    deps.audit,
    deps.hasher,
    deps.issuer,
    loadConfig(GatewayConfig, {}),
  );
  return { service, tokens, throttle, refreshRepo, ...deps };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => fail('expected an error'),
    (e) => e as DomainException & { retryAfterSeconds?: number },
  );

describe('AuthSessionsService', () => {
  it('signs in, takes back its counted attempt, stores only a hash of the refresh token and audits', async () => {
    const { service, tokens, throttle, audit } = setup();
    const pair = await service.login('Taro.Yamada@example.com', 'correct-password', client);
    expect(pair).toMatchObject({
      tokenType: 'Bearer',
      accessToken: 'access',
      expiresIn: 900,
      user: { email: 'taro.yamada@example.com' },
    });
    expect(pair.user).not.toHaveProperty('passwordHash');
    expect([...tokens.keys()]).toEqual([hashRefreshToken(pair.refreshToken)]);
    expect(throttle.reserved).toEqual(['taro.yamada@example.com']);
    expect(throttle.succeededCalls).toEqual([['taro.yamada@example.com', '10.0.0.7', 'attempt-1']]);
    expect(audit.records).toEqual([expect.objectContaining({ action: AuditAction.LoginSucceeded, entityId: userEntity().id })]);
  });

  it('a throttled caller gets 429 with Retry-After before any password is checked', async () => {
    const { service, hasher } = setup({ blocked: { blocked: true, retryAfterSeconds: 600, scopes: ['account_address'] } });
    const e = await failure(service.login('taro.yamada@example.com', 'correct-password', client));
    expect(e.getStatus()).toBe(429);
    expect(e.retryAfterSeconds).toBe(600);
    expect(e.message).toContain('10 minutes');
    expect(hasher.calls).toHaveLength(0);
  });

  it('counts the attempt before any password is checked (parallel guesses cannot all pass the limit)', async () => {
    const { service, hasher, throttle } = setup();
    const reserve = throttle.reserve;
    let verifiedBeforeReserve: number | undefined;
    throttle.reserve = async (account: string) => ((verifiedBeforeReserve = hasher.calls.length), reserve(account));
    await failure(service.login('taro.yamada@example.com', 'wrong', client));
    expect(verifiedBeforeReserve).toBe(0);
    expect(hasher.calls).toHaveLength(1);
  });

  it('unknown account: dummy verification, failure counted and audited, same 401 as a wrong password', async () => {
    const { service, hasher, throttle, audit } = setup();
    const unknown = await failure(service.login('nobody@example.com', 'whatever', client));
    const wrong = await failure(service.login('taro.yamada@example.com', 'wrong', client));
    expect([unknown.getStatus(), unknown.message]).toEqual([wrong.getStatus(), wrong.message]);
    expect(hasher.calls[0]).toEqual({ hash: undefined, password: 'whatever' });
    // Each attempt was counted before its password was checked, and neither was taken back.
    expect(throttle.reserved).toEqual(['nobody@example.com', 'taro.yamada@example.com']);
    expect(throttle.succeededCalls).toEqual([]);
    expect(audit.records.map((r) => [r.action, r.entityType, r.context?.reason])).toEqual([
      [AuditAction.LoginFailed, 'account', 'unknown_account'],
      [AuditAction.LoginFailed, 'user', 'wrong_password'],
    ]);
  });

  it('an inactive user cannot sign in, even with the right password', async () => {
    const { service, audit } = setup({ users: [userEntity({ active: false })] });
    expect((await failure(service.login('taro.yamada@example.com', 'correct-password', client))).getStatus()).toBe(401);
    expect(audit.records[0].context).toMatchObject({ reason: 'inactive_user' });
  });

  it('the failure that reaches a limit writes a lockout audit row per limit', async () => {
    const { service, audit } = setup({ reached: ['account_address', 'account', 'address'] });
    await failure(service.login('taro.yamada@example.com', 'wrong', client));
    expect(
      audit.records
        .filter((r) => r.action === AuditAction.LoginLockedOut)
        .map((r) => [r.entityType, r.entityId, r.context?.scope, r.context?.clientAddress]),
    ).toEqual([
      ['account', 'taro.yamada@example.com', 'account_address', '10.0.0.7'],
      ['account', 'taro.yamada@example.com', 'account', '10.0.0.7'],
      ['address', '10.0.0.7', 'address', '10.0.0.7'],
    ]);
  });

  it('rotates refresh tokens and treats a second use as theft: family revoked, 401 REFRESH_TOKEN_REUSED', async () => {
    const { service, refreshRepo, audit } = setup();
    const first = await service.login('taro.yamada@example.com', 'correct-password', client);
    const second = await service.refresh(first.refreshToken, client);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const reuse = await failure(service.refresh(first.refreshToken, client));
    expect(reuse.code).toBe('REFRESH_TOKEN_REUSED');
    expect(refreshRepo.revoked).toEqual([{ familyId: expect.any(String), reason: 'reuse_detected' }]);
    expect(audit.records.at(-1)?.action).toBe(AuditAction.RefreshTokenReused);
    expect((await failure(service.refresh('unknown-token-unknown-token', client))).code).toBe('REFRESH_TOKEN_INVALID');
  });
});
