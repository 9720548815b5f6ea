import { loadConfig } from '@helpdesk/config';
import { DataSource, EntityManager } from 'typeorm';
import { GatewayConfig } from '../config/gateway.config';
import { accountKeyOf, LoginThrottleService, normaliseClientAddress } from './login-throttle.service';
import { LoginFailuresRepository, ThrottleScope } from './login-failures.repository';

function setup(counts: Partial<Record<ThrottleScope, number>> = {}, retryAfter: Partial<Record<ThrottleScope, number>> = {}) {
  const calls: unknown[][] = [];
  const manager = {} as EntityManager;
  const repo = {
    lockKeys: async (...args: unknown[]) => void calls.push(['lockKeys', ...args.slice(0, 2)]),
    countInWindow: async (...args: unknown[]) => {
      calls.push(['countInWindow', ...args.slice(0, 3)]);
      return { account_address: 0, account: 0, address: 0, ...counts };
    },
    retryAfterSeconds: async (scope: ThrottleScope, ...args: unknown[]) => {
      calls.push(['retryAfterSeconds', scope, ...args.slice(0, 4)]);
      return retryAfter[scope] ?? null;
    },
    insert: async (...args: unknown[]) => (calls.push(['insert', ...args.slice(0, 2)]), '42'),
    deleteAttempt: async (id: string) => void calls.push(['deleteAttempt', id]),
    clearAccountAddress: async (...args: unknown[]) => void calls.push(['clearAccountAddress', ...args.slice(0, 2)]),
  } as unknown as LoginFailuresRepository;
  const dataSource = {
    transaction: async <T>(work: (m: EntityManager) => Promise<T>) => {
      calls.push(['begin']);
      const result = await work(manager);
      calls.push(['commit']);
      return result;
    },
  } as unknown as DataSource;
  const config = loadConfig(GatewayConfig, {
    LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '5',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '50',
    LOGIN_MAX_FAILURES_PER_IP: '20',
    LOGIN_FAILURE_WINDOW: '15m',
  });
  return { service: new LoginThrottleService(dataSource, repo, config), calls, manager };
}

describe('LoginThrottleService', () => {
  it('locks both keys, counts and inserts the attempt in one transaction, before any password is checked', async () => {
    const { service, calls } = setup({ account_address: 3, account: 10, address: 7 });
    expect(await service.reserve('a@example.com', '10.0.0.1')).toEqual({ blocked: false, attemptId: '42', reachedIfFailed: [] });
    expect(calls).toEqual([
      ['begin'],
      ['lockKeys', 'a@example.com', '10.0.0.1'],
      ['countInWindow', 'a@example.com', '10.0.0.1', 900],
      ['insert', 'a@example.com', '10.0.0.1'],
      ['commit'],
    ]);
  });

  it('refuses without inserting when any limit is reached, waiting for the latest of them', async () => {
    const pair = setup({ account_address: 5 }, { account_address: 120 });
    expect(await pair.service.reserve('a', 'b')).toEqual({ blocked: true, retryAfterSeconds: 120, scopes: ['account_address'] });
    expect(pair.calls.map((c) => c[0])).not.toContain('insert');
    expect(pair.calls).toContainEqual(['retryAfterSeconds', 'account_address', 'a', 'b', 5, 900]);

    const all = setup({ account_address: 9, account: 50, address: 20 }, { account_address: 60, account: 300, address: 120 });
    expect(await all.service.reserve('a', 'b')).toEqual({
      blocked: true,
      retryAfterSeconds: 300,
      scopes: ['account_address', 'account', 'address'],
    });
  });

  it('each limit is its own: 4 failures of a pair, 49 of the account or 19 of the address still let one more try', async () => {
    expect((await setup({ account_address: 4, account: 49, address: 19 }).service.reserve('a', 'b')).blocked).toBe(false);
  });

  it('tells which limits this attempt reaches if it fails (exactly at the limit, once)', async () => {
    expect(await setup({ account_address: 4, account: 10, address: 3 }).service.reserve('a', 'b')).toMatchObject({
      reachedIfFailed: ['account_address'],
    });
    expect(await setup({ account_address: 0, account: 49, address: 19 }).service.reserve('a', 'b')).toMatchObject({
      reachedIfFailed: ['account', 'address'],
    });
  });

  it('a success takes its attempt back and clears that account’s failures from that address only', async () => {
    const { service, calls, manager } = setup();
    await service.succeeded('a@example.com', '10.0.0.1', '42', manager);
    expect(calls).toEqual([
      ['deleteAttempt', '42'],
      ['clearAccountAddress', 'a@example.com', '10.0.0.1'],
    ]);
  });

  it('normalises keys', () => {
    expect(accountKeyOf('  Taro.Yamada@Example.COM ')).toBe('taro.yamada@example.com');
    expect(normaliseClientAddress('::ffff:192.168.1.10')).toBe('192.168.1.10');
    expect(normaliseClientAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(normaliseClientAddress(undefined)).toBe('unknown');
  });
});
