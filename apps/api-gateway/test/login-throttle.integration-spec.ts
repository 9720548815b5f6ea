import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthHousekeepingService } from '../src/auth/auth-housekeeping.service';
import { API, DEMO_PASSWORD, GatewayTestApp, startGateway } from './gateway-test-app';

describe('login throttling (counted in PostgreSQL)', () => {
  let gw: GatewayTestApp;
  beforeAll(async () => {
    gw = await startGateway('throttle', {
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
      LOGIN_MAX_FAILURES_PER_IP: '20',
      LOGIN_FAILURE_WINDOW: '15m',
    });
  });
  afterAll(() => gw?.close());

  const attempt = (email: string, password: string, address: string) =>
    request(gw.http).post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email, password });

  it('locks one account after 5 failures (from any address), with Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++) await attempt('problem.manager@example.com', `wrong-${i}`, `10.2.0.${i + 1}`).expect(401);
    const locked = await attempt('problem.manager@example.com', 'wrong-again', '10.2.0.99').expect(429);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'LOGIN_THROTTLED', details: [] });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    await attempt('problem.manager@example.com', DEMO_PASSWORD, '10.2.0.100').expect(429);
    // Other accounts from those addresses are fine.
    await attempt('asset.manager@example.com', DEMO_PASSWORD, '10.2.0.1').expect(200);

    const admin = await gw.bearer('admin@example.com');
    const audit = await request(gw.http)
      .get(`${API}/audit`)
      .query({ action: 'auth.login_locked_out' })
      .set('Authorization', admin)
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ entityType: 'account', entityId: 'problem.manager@example.com', actorId: null }),
    ]);
    const failures = await request(gw.http)
      .get(`${API}/audit`)
      .query({ action: 'auth.login_failed', limit: 200 })
      .set('Authorization', admin)
      .expect(200);
    expect(
      failures.body.items.filter((a: { context: { email: string } }) => a.context.email === 'problem.manager@example.com'),
    ).toHaveLength(5);
  });

  it('locks one address after 20 failures across accounts, unknown ones included', async () => {
    const address = '10.3.0.1';
    for (let i = 0; i < 20; i++) await attempt(`someone${i % 7}@example.com`, 'guess-password', address).expect(401);
    const locked = await attempt('brand.new@example.com', 'guess-password', address).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await attempt('knowledge.manager@example.com', DEMO_PASSWORD, address).expect(429);
    await attempt('knowledge.manager@example.com', DEMO_PASSWORD, '10.3.0.2').expect(200);
  });

  it('never throttles successful sign-ins: a whole office behind one address signs in', async () => {
    const address = '10.4.0.1';
    for (let i = 0; i < 30; i++)
      await attempt(i % 2 ? 'employee@example.com' : 'agent@example.com', DEMO_PASSWORD, address).expect(200);
    // A few typos in between do not lock the office either.
    for (let i = 0; i < 4; i++) await attempt('employee@example.com', 'typo', address).expect(401);
    await attempt('employee@example.com', DEMO_PASSWORD, address).expect(200);
    // The success cleared the account's failures: 4 more typos still leave it open.
    for (let i = 0; i < 4; i++) await attempt('employee@example.com', 'typo', address).expect(401);
    await attempt('employee@example.com', DEMO_PASSWORD, address).expect(200);
  });
});

describe('login throttling window', () => {
  let gw: GatewayTestApp;
  beforeAll(async () => {
    gw = await startGateway('throttle_window', {
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '2',
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
