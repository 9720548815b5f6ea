import { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@helpdesk/service-runtime';
import { createTestDatabase, TestDatabase, testKafkaBrokers } from '@helpdesk/testing';
import request from 'supertest';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from '../src/app.module';
import { configureGateway } from '../src/configure-gateway';
import { DEFAULT_DEMO_PASSWORD } from '../src/seed/demo-logins';

export const API = `/${GLOBAL_PREFIX}`;
export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

export interface GatewayTestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  db: TestDatabase;
  env: NodeJS.ProcessEnv;
  /** Signs in and returns the token pair body. */
  login(
    email: string,
    password?: string,
    address?: string,
  ): Promise<{ accessToken: string; refreshToken: string; user: { id: string } }>;
  /** "Bearer <token>" of a fresh sign-in. */
  bearer(email: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real AppModule the way main.ts does (createServiceApp, same global prefix and edge set-up)
 * against a unique throw-away database, with the demo directory seeded unless told otherwise.
 */
export async function startGateway(name: string, overrides: NodeJS.ProcessEnv = {}): Promise<GatewayTestApp> {
  const db = await createTestDatabase(`gw_${name}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DATABASE_URL: db.serverUrl,
    DATABASE_NAME: db.name,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    SEED_DEMO: 'true',
    // Cheaper hashes keep suites fast; the parameters are not what these tests are about.
    PASSWORD_HASH_MEMORY_KIB: '4096',
    TRUST_PROXY: 'loopback',
    ...overrides,
  };
  let app: INestApplication;
  try {
    app = await createServiceApp({
      serviceName: SERVICE_NAME,
      loadModule: () => AppModule.forRoot(env),
      globalPrefix: GLOBAL_PREFIX,
      configure: configureGateway,
    });
    await app.init();
  } catch (e) {
    await db.drop().catch(() => undefined);
    throw e;
  }
  const http = app.getHttpServer();
  const login: GatewayTestApp['login'] = async (email, password = DEMO_PASSWORD, address = '10.0.0.1') => {
    const res = await request(http).post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    app,
    http,
    db,
    env,
    login,
    bearer: async (email) => `Bearer ${(await login(email)).accessToken}`,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
