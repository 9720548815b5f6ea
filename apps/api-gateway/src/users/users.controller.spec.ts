import { INestApplication } from '@nestjs/common';
import { Principal, TokenIssuer } from '@helpdesk/auth';
import { ControllerTestApp, startControllerTestApp } from '@helpdesk/testing';
import request from 'supertest';
import { userEntity } from '../../test/fakes/identity-fakes';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

const person = (roles: Principal['roles']): Principal => ({
  id: 'p-1',
  email: 'p@example.com',
  name: 'P',
  roles,
  groups: [],
  locale: 'ja',
  timeZone: 'Asia/Tokyo',
});

/** Only authentication, roles and validation: the service is a stub. */
describe('UsersController (auth and validation)', () => {
  let app: INestApplication;
  let issuer: TokenIssuer;
  let testApp: ControllerTestApp;
  const service = {
    list: jest.fn(async () => ({ items: [], nextCursor: null })),
    create: jest.fn(async () => userEntity()),
    get: jest.fn(async () => userEntity()),
    update: jest.fn(async () => userEntity({ version: 5 })),
  };

  beforeAll(async () => {
    testApp = await startControllerTestApp({
      controllers: [UsersController],
      providers: [{ provide: UsersService, useValue: service }],
    });
    ({ app, issuer } = testApp);
  });
  afterAll(() => testApp.close());
  beforeEach(() => jest.clearAllMocks());

  const as = async (roles: Principal['roles']) => `Bearer ${(await issuer.issue(person(roles))).accessToken}`;

  it('GET /users: 401 anonymous, 403 employee, 200 staff', async () => {
    await request(app.getHttpServer()).get('/users').expect(401);
    await request(app.getHttpServer())
      .get('/users')
      .set('Authorization', await as(['employee']))
      .expect(403);
    await request(app.getHttpServer())
      .get('/users')
      .set('Authorization', await as(['agent']))
      .expect(200);
    expect(service.list).toHaveBeenCalledTimes(1);
  });

  it('POST /users: admin only; the service never sees a bad body', async () => {
    await request(app.getHttpServer())
      .post('/users')
      .set('Authorization', await as(['supervisor']))
      .send({ email: 'a@example.com', displayNameEn: 'A' })
      .expect(403);
    const bad = await request(app.getHttpServer())
      .post('/users')
      .set('Authorization', await as(['admin']))
      .send({ email: 'nope', displayNameEn: 'A', isAdmin: true })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'isAdmin']);
    expect(service.create).not.toHaveBeenCalled();
    const ok = await request(app.getHttpServer())
      .post('/users')
      .set('Authorization', await as(['admin']))
      .send({ email: 'a@example.com', displayNameEn: 'A' })
      .expect(201);
    expect(ok.body).not.toHaveProperty('passwordHash');
  });

  it('PATCH /users/:id passes If-Match as the expected version and answers with the new ETag', async () => {
    const res = await request(app.getHttpServer())
      .patch('/users/u-1')
      .set('Authorization', await as(['admin']))
      .set('If-Match', 'W/"4"')
      .send({ department: '人事部', version: 2 })
      .expect(200);
    expect(service.update).toHaveBeenCalledWith('u-1', expect.objectContaining({ department: '人事部' }), 4, {
      id: 'p-1',
      role: 'admin',
    });
    expect(res.headers.etag).toBe('"5"');
  });

  it('GET /users/:id hands the caller to the service (which hides others from employees)', async () => {
    await request(app.getHttpServer())
      .get('/users/u-2')
      .set('Authorization', await as(['employee']))
      .expect(200);
    expect(service.get).toHaveBeenCalledWith('u-2', expect.objectContaining({ id: 'p-1', roles: ['employee'] }));
  });
});
