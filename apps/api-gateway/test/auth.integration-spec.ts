import request from 'supertest';
import { API, DEMO_PASSWORD, GatewayTestApp, startGateway } from './gateway-test-app';

describe('sign-in, tokens and sessions (real PostgreSQL)', () => {
  let gw: GatewayTestApp;
  beforeAll(async () => {
    gw = await startGateway('auth');
  });
  afterAll(() => gw?.close());

  const login = (email: string, password: string, address = '10.1.0.1') =>
    request(gw.http).post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email, password });
  const refresh = (refreshToken: string) => request(gw.http).post(`${API}/auth/refresh`).send({ refreshToken });

  it('signs in with e-mail (any case) and password, returning tokens and the user', async () => {
    const res = await login('Agent@Example.com', DEMO_PASSWORD).expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { email: 'agent@example.com', roles: ['agent'] },
    });
    const claims = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      iss: 'helpdesk',
      aud: 'helpdesk-api',
      sub: res.body.user.id,
      email: 'agent@example.com',
      name: '鈴木 一郎',
      roles: ['agent'],
      locale: 'ja',
      tz: 'Asia/Tokyo',
    });
    expect(claims.groups).toHaveLength(1); // Service Desk
    expect(claims.exp - claims.iat).toBe(900);
    const me = await request(gw.http).get(`${API}/me`).set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.groups).toEqual([expect.objectContaining({ name: 'Service Desk', nameJa: 'サービスデスク', tier: 1 })]);
  });

  it('wrong password and unknown e-mail both get the same 401', async () => {
    const wrong = await login('agent@example.com', 'not-the-password', '10.1.0.2').expect(401);
    const unknown = await login('nobody@example.com', 'not-the-password', '10.1.0.2').expect(401);
    expect(wrong.body).toEqual({ ...unknown.body, correlationId: wrong.body.correlationId });
    expect(wrong.body).toMatchObject({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'The e-mail address or password is wrong',
      details: [],
    });
  });

  it('bad sign-in input is a 400 naming each field', async () => {
    const res = await request(gw.http).post(`${API}/auth/login`).send({ email: 'nope', password: '' }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password']);
  });

  it('401 without a token, with a garbage token, and with a token signed by another key', async () => {
    await request(gw.http).get(`${API}/me`).expect(401);
    const garbage = await request(gw.http).get(`${API}/me`).set('Authorization', 'Bearer abc.def.ghi').expect(401);
    expect(garbage.body.code).toBe('TOKEN_INVALID');
    const { accessToken } = await gw.login('employee@example.com');
    const [h, p] = accessToken.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), roles: ['admin'] })).toString('base64url')}.${accessToken.split('.')[2]}`;
    await request(gw.http).get(`${API}/audit`).set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('rotates the refresh token on every use; reusing a rotated one revokes the whole family', async () => {
    const first = await gw.login('specialist@example.com');
    const second = (await refresh(first.refreshToken).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.email).toBe('specialist@example.com');
    await request(gw.http).get(`${API}/me`).set('Authorization', `Bearer ${second.accessToken}`).expect(200);
    const third = (await refresh(second.refreshToken).expect(200)).body;

    // The first token comes back (stolen copy): refused, and the live descendant dies with it.
    const reuse = await refresh(first.refreshToken).expect(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    const victim = await refresh(third.refreshToken).expect(401);
    expect(victim.body.code).toBe('REFRESH_TOKEN_INVALID');

    // Another sign-in (another family) is unaffected.
    const other = await gw.login('specialist@example.com');
    await refresh(other.refreshToken).expect(200);

    const audit = await request(gw.http)
      .get(`${API}/audit`)
      .query({ action: 'auth.refresh_token_reused' })
      .set('Authorization', await gw.bearer('admin@example.com'))
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ entityType: 'user', entityId: first.user.id });
  });

  it('refuses unknown and malformed refresh tokens', async () => {
    expect((await refresh('x'.repeat(43)).expect(401)).body.code).toBe('REFRESH_TOKEN_INVALID');
    const bad = await refresh('no spaces allowed here!!!').expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'refreshToken' })]);
  });

  it('logout revokes the session; logging out twice is fine', async () => {
    const session = await gw.login('supervisor@example.com');
    await request(gw.http).post(`${API}/auth/logout`).send({ refreshToken: session.refreshToken }).expect(204);
    await request(gw.http).post(`${API}/auth/logout`).send({ refreshToken: session.refreshToken }).expect(204);
    await refresh(session.refreshToken).expect(401);
  });

  it('publishes its public keys (JWKS) for other verifiers', async () => {
    const res = await request(gw.http).get(`${API}/auth/jwks.json`).expect(200);
    expect(res.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
    expect(res.body.keys[0]).not.toHaveProperty('d');
  });
});

describe('short-lived access tokens', () => {
  let gw: GatewayTestApp;
  beforeAll(async () => {
    gw = await startGateway('auth_ttl', { ACCESS_TOKEN_TTL: '2s' });
  });
  afterAll(() => gw?.close());

  it('expire: 401 TOKEN_EXPIRED after the TTL, and a refresh gives a working one', async () => {
    const session = await gw.login('agent@example.com');
    expect(session).toMatchObject({ expiresIn: 2 });
    await request(gw.http).get(`${API}/me`).set('Authorization', `Bearer ${session.accessToken}`).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const expired = await request(gw.http).get(`${API}/me`).set('Authorization', `Bearer ${session.accessToken}`).expect(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
    expect(expired.headers['www-authenticate']).toContain('invalid_token');
    const renewed = await request(gw.http).post(`${API}/auth/refresh`).send({ refreshToken: session.refreshToken }).expect(200);
    await request(gw.http).get(`${API}/me`).set('Authorization', `Bearer ${renewed.body.accessToken}`).expect(200);
  });
});
