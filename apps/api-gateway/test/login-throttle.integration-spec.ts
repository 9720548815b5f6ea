import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthHousekeepingService } from '../src/auth/auth-housekeeping.service';
import { API, DEMO_PASSWORD, GatewayTestApp, startGateway } from './gateway-test-app';

describe('login throttling (counted in PostgreSQL)', () => {
  let gw: GatewayTestApp;
  beforeAll(async () => {
    gw = await startGateway('throttle', {
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '5',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '8',
      LOGIN_MAX_FAILURES_PER_IP: '20',
      LOGIN_FAILURE_WINDOW: '15m',
    });
  });
  afterAll(() => gw?.close());

  const attempt = (email: string, password: string, address: string) =>
    request(gw.http).post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email, password });

  const audit = async (action: string) => {
    const res = await request(gw.http)
      .get(`${API}/audit`)
      .query({ action, limit: 200 })
      .set('Authorization', await gw.bearer('admin@example.com'))
      .expect(200);
    return res.body.items as Array<{
      entityType: string;
      entityId: string;
      actorId: string | null;
      context: Record<string, unknown>;
    }>;
  };

  it('5 failures for one account from one address lock that pair (429 + Retry-After, the right password too); the owner elsewhere still signs in', async () => {
    for (let i = 0; i < 5; i++) await attempt('problem.manager@example.com', `wrong-${i}`, '10.2.0.1').expect(401);
    const locked = await attempt('problem.manager@example.com', 'wrong-again', '10.2.0.1').expect(429);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'LOGIN_THROTTLED', details: [] });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    await attempt('problem.manager@example.com', DEMO_PASSWORD, '10.2.0.1').expect(429);
    // One attacking address cannot lock the real user out from theirs.
    await attempt('problem.manager@example.com', DEMO_PASSWORD, '10.2.0.100').expect(200);
    // Other accounts from that address are fine.
    await attempt('asset.manager@example.com', DEMO_PASSWORD, '10.2.0.1').expect(200);

    const lockouts = (await audit('auth.login_locked_out')).filter((a) => a.entityId === 'problem.manager@example.com');
    expect(lockouts).toEqual([
      expect.objectContaining({
        entityType: 'account',
        actorId: null,
        context: expect.objectContaining({ scope: 'account_address', clientAddress: '10.2.0.1' }),
      }),
    ]);
    const failures = (await audit('auth.login_failed')).filter((a) => a.context.email === 'problem.manager@example.com');
    expect(failures).toHaveLength(5);
  });

  it('8 failures for one account across addresses (a distributed guesser) lock the account everywhere', async () => {
    for (let i = 0; i < 8; i++) await attempt('specialist@example.com', `guess-${i}`, `10.7.0.${i + 1}`).expect(401);
    const locked = await attempt('specialist@example.com', DEMO_PASSWORD, '10.7.0.200').expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    const lockouts = (await audit('auth.login_locked_out')).filter((a) => a.entityId === 'specialist@example.com');
    expect(lockouts.map((a) => a.context.scope)).toEqual(['account']);
  });

  it('locks one address after 20 failures across accounts, unknown ones included', async () => {
    const address = '10.3.0.1';
    for (let i = 0; i < 20; i++) await attempt(`someone${i % 7}@example.com`, 'guess-password', address).expect(401);
    const locked = await attempt('brand.new@example.com', 'guess-password', address).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await attempt('knowledge.manager@example.com', DEMO_PASSWORD, address).expect(429);
    await attempt('knowledge.manager@example.com', DEMO_PASSWORD, '10.3.0.2').expect(200);
  });

  it('20 parallel wrong guesses cannot slip past a limit: exactly the limit get 401, the rest 429', async () => {
    const fromOneAddress = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt('supervisor@example.com', `parallel-${i}`, '10.8.0.1')),
    );
    const statuses = fromOneAddress.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);

    const fromManyAddresses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt('ghost.account@example.com', `parallel-${i}`, `10.9.0.${i + 1}`)),
    );
    const spread = fromManyAddresses.map((r) => r.status);
    expect(spread.filter((s) => s === 401)).toHaveLength(8);
    expect(spread.filter((s) => s === 429)).toHaveLength(12);
  });

  it('never counts successful sign-ins: a whole office behind one address signs in', async () => {
    const address = '10.4.0.1';
    for (let i = 0; i < 30; i++)
      await attempt(i % 2 ? 'employee@example.com' : 'agent@example.com', DEMO_PASSWORD, address).expect(200);
    // A few typos in between do not lock the office either.
    for (let i = 0; i < 4; i++) await attempt('employee@example.com', 'typo', address).expect(401);
    await attempt('employee@example.com', DEMO_PASSWORD, address).expect(200);
    // The success cleared that account's failures from that address: 4 more typos still leave it open.
    for (let i = 0; i < 4; i++) await attempt('employee@example.com', 'typo', address).expect(401);
    await attempt('employee@example.com', DEMO_PASSWORD, address).expect(200);
    const ds = gw.app.get(DataSource);
    expect(await ds.query(`SELECT count(*)::int AS n FROM login_failures WHERE client_address = $1`, [address])).toEqual([
      { n: 0 },
    ]);
  });
});

describe('login throttling window', () => {
  let gw: GatewayTestApp;
  beforeAll(async () => {
    gw = await startGateway('throttle_window', {
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '2',
      LOGIN_FAILURE_WINDOW: '2s',
      SEED_DEMO: 'true',
    });
  });
  afterAll(() => gw?.close());

  it('lets the account in again once the failures leave the sliding window', async () => {
    const attempt = (password: string) =>
      request(gw.http)
        .post(`${API}/auth/login`)
        .set('X-Forwarded-For', '10.5.0.1')
        .send({ email: 'agent@example.com', password });
    await attempt('wrong').expect(401);
    await attempt('wrong').expect(401);
    const locked = await attempt(DEMO_PASSWORD).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 2200));
    await attempt(DEMO_PASSWORD).expect(200);
  });

  it('housekeeping deletes failures that can no longer count and long-expired refresh tokens', async () => {
    const ds = gw.app.get(DataSource);
    await ds.query(
      `INSERT INTO login_failures (account_key, client_address, failed_at) VALUES ('old@example.com', '10.6.0.1', now() - interval '1 hour')`,
    );
    const session = await gw.login('agent@example.com', DEMO_PASSWORD, '10.6.0.2');
    await ds.query(`UPDATE refresh_tokens SET expires_at = now() - interval '60 days' WHERE user_id = $1`, [session.user.id]);
    const pruned = await gw.app.get(AuthHousekeepingService).run();
    expect(pruned.failures).toBeGreaterThanOrEqual(1);
    expect(pruned.refreshTokens).toBeGreaterThanOrEqual(1);
    expect(await ds.query(`SELECT 1 FROM login_failures WHERE account_key = 'old@example.com'`)).toEqual([]);
  });
});
