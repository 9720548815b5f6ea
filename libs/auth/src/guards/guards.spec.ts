import { Controller, ExecutionContext, Get, INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { RequestContext } from '@helpdesk/observability';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AuthModule } from '../auth.module';
import { CurrentUser } from '../decorators/current-user.decorator';
import { Public } from '../decorators/public.decorator';
import { Roles } from '../decorators/roles.decorator';
import { Principal } from '../tokens/principal';
import { TokenIssuer } from '../tokens/token-issuer';
import { RolesGuard } from './roles.guard';

@Controller('things')
class ThingsController {
  @Get('open')
  @Public()
  open(@CurrentUser() user?: Principal) {
    return { user: user?.id ?? null };
  }

  @Get('mine')
  mine(@CurrentUser() user: Principal, @CurrentUser('email') email: string) {
    return { id: user.id, email, loggedAs: RequestContext.current()?.userId ?? null };
  }

  @Get('admin')
  @Roles('admin', 'supervisor')
  admin() {
    return { ok: true };
  }
}

@Controller('health')
class FakeHealthController {
  @Get('ready')
  ready() {
    return { status: 'up' };
  }
}

const employee: Principal = {
  id: 'u-employee',
  email: 'employee@example.com',
  name: '社員',
  roles: ['employee'],
  groups: [],
  locale: 'ja',
  timeZone: 'Asia/Tokyo',
};
const supervisor: Principal = {
  ...employee,
  id: 'u-supervisor',
  email: 'supervisor@example.com',
  roles: ['agent', 'supervisor'],
};

describe('JwtAuthGuard and RolesGuard', () => {
  let app: INestApplication;
  let issuer: TokenIssuer;
  let keysDir: string;

  beforeAll(async () => {
    keysDir = mkdtempSync(join(tmpdir(), 'auth-guards-'));
    const moduleRef = await Test.createTestingModule({
      imports: [
        HttpConventionsModule,
        AuthModule.forRoot({
          issuer: 'helpdesk',
          audience: 'helpdesk-api',
          keys: {},
          production: false,
          localKeysDir: keysDir,
          issuing: { accessTokenTtlSeconds: 60 },
        }),
      ],
      controllers: [ThingsController, FakeHealthController],
    }).compile();
    app = moduleRef.createNestApplication();
    // What CorrelationMiddleware does in a real service: each request runs in its own context.
    app.use((_req: unknown, _res: unknown, next: () => void) => RequestContext.run({ correlationId: 'c-1' }, next));
    await app.init();
    issuer = app.get(TokenIssuer);
  });

  afterAll(async () => {
    await app.close();
    rmSync(keysDir, { recursive: true, force: true });
  });

  const bearer = async (p: Principal) => `Bearer ${(await issuer.issue(p)).accessToken}`;

  it('401 without a token, in our error format, with a challenge', async () => {
    const res = await request(app.getHttpServer()).get('/things/mine').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'TOKEN_MISSING', details: [] });
    expect(res.headers['www-authenticate']).toContain('Bearer');
  });

  it('401 with a malformed header or a bad token', async () => {
    await request(app.getHttpServer()).get('/things/mine').set('Authorization', 'Basic abc').expect(401);
    const res = await request(app.getHttpServer()).get('/things/mine').set('Authorization', 'Bearer a.b.c').expect(401);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });

  it('lets a valid token through, with the principal for @CurrentUser and the log context', async () => {
    const res = await request(app.getHttpServer())
      .get('/things/mine')
      .set('Authorization', await bearer(employee))
      .expect(200);
    expect(res.body).toEqual({ id: 'u-employee', email: 'employee@example.com', loggedAs: 'u-employee' });
  });

  it('@Public routes and operations paths need no token, but still read a valid one', async () => {
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect((await request(app.getHttpServer()).get('/things/open').expect(200)).body).toEqual({ user: null });
    expect((await request(app.getHttpServer()).get('/things/open').set('Authorization', 'Bearer junk').expect(200)).body).toEqual(
      { user: null },
    );
    const res = await request(app.getHttpServer())
      .get('/things/open')
      .set('Authorization', await bearer(employee))
      .expect(200);
    expect(res.body).toEqual({ user: 'u-employee' });
  });

  it('@Roles: 403 for other roles, 200 for any listed role', async () => {
    const res = await request(app.getHttpServer())
      .get('/things/admin')
      .set('Authorization', await bearer(employee))
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    await request(app.getHttpServer())
      .get('/things/admin')
      .set('Authorization', await bearer(supervisor))
      .expect(200);
    await request(app.getHttpServer()).get('/things/admin').expect(401);
  });

  it('RolesGuard ignores non-HTTP contexts (Kafka handlers)', () => {
    const guard = new RolesGuard(new Reflector());
    const context = { getType: () => 'rpc' } as unknown as ExecutionContext;
    expect(guard.canActivate(context)).toBe(true);
  });
});
