import { loadConfig } from '@helpdesk/config';
import { EntityManager } from 'typeorm';
import { GatewayConfig } from '../config/gateway.config';
import { accountKeyOf, LoginThrottleService, normaliseClientAddress } from './login-throttle.service';
import { LoginFailuresRepository, ThrottleScope } from './login-failures.repository';

function setup(retryAfter: Partial<Record<ThrottleScope, number | null>>, counts: Partial<Record<ThrottleScope, number>> = {}) {
  const calls: unknown[][] = [];
  const repo = {
    retryAfterSeconds: async (scope: ThrottleScope, ...rest: unknown[]) => (
      calls.push([scope, ...rest]),
      retryAfter[scope] ?? null
    ),
    insert: async () => undefined,
    countInWindow: async (scope: ThrottleScope) => counts[scope] ?? 0,
  } as unknown as LoginFailuresRepository;
  const config = loadConfig(GatewayConfig, {
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
    LOGIN_MAX_FAILURES_PER_IP: '20',
    LOGIN_FAILURE_WINDOW: '15m',
  });
  return { service: new LoginThrottleService(repo, config), calls };
}

describe('LoginThrottleService', () => {
  it('asks for each limit over the configured window', async () => {
    const { service, calls } = setup({});
    expect(await service.check('a@example.com', '10.0.0.1')).toEqual({ blocked: false, scopes: [] });
    expect(calls).toEqual([
      ['account', 'a@example.com', 5, 900],
      ['address', '10.0.0.1', 20, 900],
    ]);
  });

  it('blocks when either limit is reached, waiting for the later of the two', async () => {
    expect(await setup({ address: 120 }).service.check('a', 'b')).toEqual({
      blocked: true,
      retryAfterSeconds: 120,
      scopes: ['address'],
    });
    expect(await setup({ account: 300, address: 120 }).service.check('a', 'b')).toEqual({
      blocked: true,
      retryAfterSeconds: 300,
      scopes: ['account', 'address'],
    });
  });

  it('reports the limits a failure has just reached (exactly at the limit, once)', async () => {
    const manager = {} as EntityManager;
    expect(await setup({}, { account: 5, address: 3 }).service.recordFailure('a', 'b', manager)).toEqual(['account']);
    expect(await setup({}, { account: 6, address: 20 }).service.recordFailure('a', 'b', manager)).toEqual(['address']);
  });

  it('normalises keys', () => {
    expect(accountKeyOf('  Taro.Yamada@Example.COM ')).toBe('taro.yamada@example.com');
    expect(normaliseClientAddress('::ffff:192.168.1.10')).toBe('192.168.1.10');
    expect(normaliseClientAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(normaliseClientAddress(undefined)).toBe('unknown');
  });
});
