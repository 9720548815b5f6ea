import { INestApplication } from '@nestjs/common';
import { Principal, TokenIssuer } from '@helpdesk/auth';
import { ControllerTestApp, startControllerTestApp } from '@helpdesk/testing';
import request from 'supertest';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';

/** Only authentication, roles and validation: the service is a stub. */
describe('CategoriesController (auth and validation)', () => {
  let app: INestApplication;
  let issuer: TokenIssuer;
  let testApp: ControllerTestApp;
  const service = {
    list: jest.fn(async () => ({ items: [], nextCursor: null })),
    get: jest.fn(async () => ({ id: 'c-1', version: 2 })),
    create: jest.fn(async () => ({ id: 'c-1', version: 1 })),
    update: jest.fn(async () => ({ id: 'c-1', version: 3 })),
    history: jest.fn(async () => ({ items: [], nextCursor: null })),
  };

  beforeAll(async () => {
    testApp = await startControllerTestApp({
      controllers: [CategoriesController],
      providers: [{ provide: CategoriesService, useValue: service }],
    });
    ({ app, issuer } = testApp);
  });
  afterAll(() => testApp.close());
  beforeEach(() => jest.clearAllMocks());

  const token = async (roles: Principal['roles']) =>
    `Bearer ${(await issuer.issue({ id: 'p-1', email: 'p@example.com', name: 'P', roles, groups: [], locale: 'ja', timeZone: 'Asia/Tokyo' })).accessToken}`;
  const http = () => request(app.getHttpServer());
  const valid = { code: 'network.vpn', nameJa: 'VPN', nameEn: 'VPN' };

  it('GET: every signed-in user, not anonymous', async () => {
    await http().get('/categories').expect(401);
    await http()
      .get('/categories')
      .set('Authorization', await token(['employee']))
      .expect(200);
    const one = await http()
      .get('/categories/network.vpn')
      .set('Authorization', await token(['employee']))
      .expect(200);
    expect(one.headers.etag).toBe('"2"');
    expect(service.get).toHaveBeenCalledWith('network.vpn', expect.objectContaining({ roles: ['employee'] }));
  });

  it('POST and PATCH: admin only', async () => {
    for (const role of ['employee', 'agent', 'supervisor'] as const) {
      await http()
        .post('/categories')
        .set('Authorization', await token([role]))
        .send(valid)
        .expect(403);
      await http()
        .patch('/categories/network')
        .set('Authorization', await token([role]))
        .send({ active: false })
        .expect(403);
    }
    await http()
      .post('/categories')
      .set('Authorization', await token(['admin']))
      .send(valid)
      .expect(201);
    await http()
      .patch('/categories/network')
      .set('Authorization', await token(['admin']))
      .send({ active: false })
      .expect(200);
    expect(service.update).toHaveBeenCalledWith('network', { active: false }, undefined, { id: 'p-1', role: 'admin' });
  });

  it.each([
    { field: 'code', body: { ...valid, code: 'Network' } },
    { field: 'code', body: { ...valid, code: 'network.vpn.home' } },
    { field: 'code', body: { ...valid, code: '1st' } },
    { field: 'nameJa', body: { ...valid, nameJa: '   ' } },
    { field: 'nameEn', body: { ...valid, nameEn: 'a\nb' } },
    { field: 'firstLevelResolvable', body: { ...valid, firstLevelResolvable: 'no' } },
    { field: 'sortOrder', body: { ...valid, sortOrder: -5 } },
  ])('POST: 400 naming $field', async ({ body, field }) => {
    const res = await http()
      .post('/categories')
      .set('Authorization', await token(['admin']))
      .send(body)
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(service.create).not.toHaveBeenCalled();
  });

  it('PATCH: the code is stable; null is refused', async () => {
    const admin = await token(['admin']);
    const code = await http().patch('/categories/network').set('Authorization', admin).send({ code: 'net' }).expect(400);
    expect(code.body.details[0].field).toBe('code');
    const nulls = await http().patch('/categories/network').set('Authorization', admin).send({ nameJa: null }).expect(400);
    expect(nulls.body.details[0].field).toBe('nameJa');
    expect(service.update).not.toHaveBeenCalled();
  });
});
