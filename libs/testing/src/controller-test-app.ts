import { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, Principal, TokenIssuer } from '@helpdesk/auth';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SignedRequests, signedRequests } from './signed-requests';

export interface ControllerTestApp {
  app: INestApplication;
  /** Signs access tokens the app's guards accept (a throw-away local key pair). */
  issuer: TokenIssuer;
  /** "Bearer <token>" for a principal with these roles (id `p-1`, the rest defaults unless given). */
  bearer(roles: Principal['roles'], principal?: Partial<Principal>): Promise<string>;
  /** supertest against the app (paths without a global prefix). */
  http(): ReturnType<typeof request>;
  /** Requests signed for a principal with these roles: `as(['agent']).post('/kb/articles', body)`. */
  as(roles: Principal['roles'], principal?: Partial<Principal>): SignedRequests;
  close(): Promise<void>;
}

export type ControllerTestMetadata = Pick<ModuleMetadata, 'controllers' | 'providers'>;

/**
 * A controller spec's app: the given controllers and (stubbed) providers behind the real auth guards,
 * validation pipe and error filter, so the spec checks authentication, roles and validation only.
 */
export async function startControllerTestApp(metadata: ControllerTestMetadata): Promise<ControllerTestApp> {
  const keysDir = mkdtempSync(join(tmpdir(), 'controller-spec-'));
  const moduleRef = await Test.createTestingModule({
    imports: [
      HttpConventionsModule,
      AuthModule.forRoot({
        issuer: 'i',
        audience: 'a',
        keys: {},
        production: false,
        localKeysDir: keysDir,
        issuing: { accessTokenTtlSeconds: 60 },
      }),
    ],
    ...metadata,
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  const issuer = app.get(TokenIssuer);
  const bearer: ControllerTestApp['bearer'] = async (roles, principal = {}) => {
    const defaults = { id: 'p-1', email: 'p@example.com', name: 'P', groups: [], locale: 'ja', timeZone: 'Asia/Tokyo' };
    return `Bearer ${(await issuer.issue({ ...defaults, ...principal, roles })).accessToken}`;
  };
  return {
    app,
    issuer,
    bearer,
    http: () => request(app.getHttpServer()),
    as: (roles, principal) => signedRequests(app.getHttpServer(), '', () => bearer(roles, principal)),
    close: async () => {
      await app.close();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

/**
 * startControllerTestApp for a whole describe block: started before its tests, closed after them, and
 * the stubs' recorded calls cleared before each test (jest.clearAllMocks). Use the returned handle
 * inside tests only.
 */
export function useControllerTestApp(metadata: ControllerTestMetadata): ControllerTestApp {
  let started: ControllerTestApp | undefined;
  beforeAll(async () => {
    started = await startControllerTestApp(metadata);
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  beforeEach(() => jest.clearAllMocks());
  const current = (): ControllerTestApp => {
    if (!started) throw new Error('useControllerTestApp: the app runs only inside the tests of its describe block');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get issuer() {
      return current().issuer;
    },
    bearer: (roles, principal) => current().bearer(roles, principal),
    http: () => current().http(),
    as: (roles, principal) => current().as(roles, principal),
    close: () => current().close(),
  };
}
