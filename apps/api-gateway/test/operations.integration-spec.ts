import { generateKeyPairSync } from 'node:crypto';
import { createServiceApp } from '@helpdesk/service-runtime';
import { createTestDatabase } from '@helpdesk/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { gatewayMigrations } from '../src/migrations';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from '../src/app.module';
import { DemoSeedService } from '../src/seed/demo-seed.service';
import { DEMO_LOGINS } from '../src/seed/demo-logins';
import { API, GatewayTestApp, startGateway } from './gateway-test-app';

describe('operations endpoints, OpenAPI and the demo seed', () => {
  let gw: GatewayTestApp;
  beforeAll(async () => {
    gw = await startGateway('operations', { CORS_ORIGINS: 'http://localhost:4200' });
  });
  afterAll(() => gw?.close());

  it('/health/live and /health/ready answer without a token, outside /api/v1', async () => {
    const live = await request(gw.http).get('/health/live').set('x-correlation-id', 'probe-42').expect(200, { status: 'up' });
    expect(live.headers['x-correlation-id']).toBe('probe-42'); // correlation covers routes outside the prefix too
    const unknown = await request(gw.http).get('/no-such-page').expect(404);
    expect(unknown.headers['x-correlation-id']).toBeTruthy();
    const ready = await request(gw.http).get('/health/ready');
    expect(ready.body.checks.database).toEqual({ status: 'up' });
    expect(ready.status).toBe(200);
    expect(ready.body.checks.kafka.status).toBe('up');
    await request(gw.http).get(`${API}/health/live`).expect(404); // not inside the API prefix
  });

  it('/metrics is Prometheus text with HTTP latency', async () => {
    await request(gw.http).get('/health/live');
    const res = await request(gw.http).get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toContain('service="api-gateway"');
  });

  it('serves the OpenAPI document at /api/docs-json and Swagger UI at /api/docs, every route described', async () => {
    const res = await request(gw.http).get('/api/docs-json').expect(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const paths = Object.keys(doc.paths).sort();
    expect(paths.every((p) => p.startsWith('/api/v1/'))).toBe(true);
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/me',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/groups',
      '/api/v1/groups/{id}',
      '/api/v1/groups/{id}/members',
      '/api/v1/audit',
    ]) {
      expect(paths).toContain(p);
    }
    const publicOps = new Set([
      'post /api/v1/auth/login',
      'post /api/v1/auth/refresh',
      'post /api/v1/auth/logout',
      'get /api/v1/auth/jwks.json',
    ]);
    for (const [path, ops] of Object.entries<
      Record<string, { summary?: string; tags?: string[]; security?: unknown[]; responses: Record<string, unknown> }>
    >(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect({ route: `${method} ${path}`, summary: Boolean(op.summary), tags: (op.tags ?? []).length > 0 }).toEqual({
          route: `${method} ${path}`,
          summary: true,
          tags: true,
        });
        if (!publicOps.has(`${method} ${path}`))
          expect({ route: `${method} ${path}`, security: op.security }).toEqual({
            route: `${method} ${path}`,
            security: [{ bearer: [] }],
          });
      }
    }
    const user = doc.components.schemas.UserDto;
    expect(Object.keys(user.properties)).not.toContain('passwordHash');
    expect(doc.components.schemas.CreateUserDto.properties.displayNameJa.description).toBeDefined();
    expect(doc.components.schemas.ApiErrorDto).toBeDefined();

    const ui = await request(gw.http).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('every demo login signs in with DEMO_PASSWORD and holds its role', async () => {
    for (const demo of DEMO_LOGINS) {
      const session = await gw.login(demo.email);
      expect(session.user).toMatchObject({ email: demo.email, roles: expect.arrayContaining([demo.role]) });
    }
  });

  it('answers CORS preflights for the configured origins only', async () => {
    const ok = await request(gw.http)
      .options(`${API}/users`)
      .set('Origin', 'http://localhost:4200')
      .set('Access-Control-Request-Method', 'PATCH')
      .set('Access-Control-Request-Headers', 'authorization,if-match')
      .expect(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    expect(ok.headers['access-control-allow-headers']).toContain('If-Match');
    const other = await request(gw.http)
      .options(`${API}/users`)
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('the demo seed is idempotent and went through the services (audit rows, events)', async () => {
    const seed = gw.app.get(DemoSeedService);
    expect(await seed.seed()).toEqual({ usersCreated: 0, groupsCreated: 0 });
    const admin = await gw.bearer('admin@example.com');
    const users = await request(gw.http).get(`${API}/users`).query({ limit: 200 }).set('Authorization', admin).expect(200);
    expect(users.body.items.length).toBe(34);
    const yamada = users.body.items.find((u: { email: string }) => u.email === 'employee@example.com');
    const sato = users.body.items.find((u: { email: string }) => u.email === 'hanako.sato@example.com');
    expect(yamada).toMatchObject({
      displayName: '山田 太郎',
      displayNameEn: 'Taro Yamada',
      department: '経理部',
      managerId: sato.id,
    });
    const audit = await request(gw.http)
      .get(`${API}/audit`)
      .query({ action: 'user.created', limit: 200 })
      .set('Authorization', admin)
      .expect(200);
    expect(audit.body.items).toHaveLength(34);
    expect(audit.body.items[0]).toMatchObject({ actorId: 'api-gateway:demo-seed', actorRole: 'system' });
  });
});

describe('migrations', () => {
  it('go down and up again cleanly (never synchronize)', async () => {
    const gw = await startGateway('migrations', { SEED_DEMO: 'false' });
    try {
      const ds = gw.app.get(DataSource);
      expect(ds.options.synchronize).toBe(false);
      const tables = async () =>
        (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
          (r: { table_name: string }) => r.table_name,
        );
      const gatewayTables = ['audit_log', 'group_members', 'groups', 'login_failures', 'refresh_tokens', 'users'];
      expect(await tables()).toEqual(expect.arrayContaining(gatewayTables));
      for (let i = 0; i < gatewayMigrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect((await tables()).filter((t: string) => gatewayTables.includes(t))).toEqual([]);
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(gatewayMigrations.length);
      expect(await tables()).toEqual(expect.arrayContaining(gatewayTables));
    } finally {
      await gw.close();
    }
  });
});

describe('production safety', () => {
  const pem = () =>
    generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  it('refuses SEED_DEMO=true in production, loudly, at start-up', async () => {
    const db = await createTestDatabase('gw_prod_seed');
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: db.serverUrl,
      DATABASE_NAME: db.name,
      SEED_DEMO: 'true',
      AUTH_PRIVATE_KEY: pem(),
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    };
    const app = await createServiceApp({
      serviceName: SERVICE_NAME,
      loadModule: () => AppModule.forRoot(env),
      globalPrefix: GLOBAL_PREFIX,
    });
    try {
      await expect(app.init()).rejects.toThrow(/SEED_DEMO: must not be true in production/);
    } finally {
      await app.close().catch(() => undefined);
      await db.drop();
    }
  });
});
