import { INestApplication } from '@nestjs/common';
import { Principal, TokenIssuer } from '@helpdesk/auth';
import { ControllerTestApp, startControllerTestApp } from '@helpdesk/testing';
import request from 'supertest';
import { RoutingRulesController } from './routing-rules.controller';
import { RoutingRulesService } from './routing-rules.service';

const ID = '0190a000-0000-7000-8000-000000000001';
const ruleDto = { id: ID, version: 3 };

/** Only authentication, roles and validation: the service is a stub. */
describe('RoutingRulesController (auth and validation)', () => {
  let app: INestApplication;
  let issuer: TokenIssuer;
  let testApp: ControllerTestApp;
  const service = {
    list: jest.fn(async () => ({ items: [], nextCursor: null })),
    get: jest.fn(async () => ruleDto),
    create: jest.fn(async () => ruleDto),
    update: jest.fn(async () => ({ ...ruleDto, version: 4 })),
    remove: jest.fn(async () => undefined),
    history: jest.fn(async () => ({ items: [], nextCursor: null })),
    simulate: jest.fn(async () => ({ groupId: null, groupName: null, ruleId: null, ruleName: null })),
  };

  beforeAll(async () => {
    testApp = await startControllerTestApp({
      controllers: [RoutingRulesController],
      providers: [{ provide: RoutingRulesService, useValue: service }],
    });
    ({ app, issuer } = testApp);
  });
  afterAll(() => testApp.close());
  beforeEach(() => jest.clearAllMocks());

  const token = async (roles: Principal['roles']) =>
    `Bearer ${(await issuer.issue({ id: 'p-1', email: 'p@example.com', name: 'P', roles, groups: [], locale: 'ja', timeZone: 'Asia/Tokyo' })).accessToken}`;
  const http = () => request(app.getHttpServer());
  const valid = { name: 'VPN → Network', conditions: { keywords: ['VPN'] }, assignmentGroupName: 'Network' };

  it('GET: 401 anonymous, 403 employee and specialist, 200 agent, supervisor, admin', async () => {
    await http().get('/routing-rules').expect(401);
    await http()
      .get('/routing-rules')
      .set('Authorization', await token(['employee']))
      .expect(403);
    await http()
      .get('/routing-rules')
      .set('Authorization', await token(['specialist']))
      .expect(403);
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      await http()
        .get('/routing-rules')
        .set('Authorization', await token([role]))
        .expect(200);
    }
    expect(service.list).toHaveBeenCalledTimes(3);
  });

  it('POST, PATCH, DELETE: admin only', async () => {
    for (const role of ['employee', 'agent', 'supervisor'] as const) {
      const auth = await token([role]);
      await http().post('/routing-rules').set('Authorization', auth).send(valid).expect(403);
      await http().patch(`/routing-rules/${ID}`).set('Authorization', auth).send({ active: false }).expect(403);
      await http().delete(`/routing-rules/${ID}`).set('Authorization', auth).expect(403);
    }
    expect(service.create).not.toHaveBeenCalled();
    const admin = await token(['admin']);
    const created = await http().post('/routing-rules').set('Authorization', admin).send(valid).expect(201);
    expect(created.headers.etag).toBe('"3"');
    expect(created.headers.location).toBe(`/routing-rules/${ID}`);
    await http().delete(`/routing-rules/${ID}`).set('Authorization', admin).set('If-Match', '"3"').expect(204);
    expect(service.remove).toHaveBeenCalledWith(ID, 3, { id: 'p-1', role: 'admin' });
  });

  it.each([
    { field: 'name', body: { ...valid, name: '' } },
    { field: 'name', body: { ...valid, name: 'x'.repeat(101) } },
    { field: 'conditions.channels', body: { ...valid, conditions: { channels: ['fax'] } } },
    { field: 'conditions.keywords', body: { ...valid, conditions: { keywords: ['、。 '] } } },
    { field: 'conditions.keywords', body: { ...valid, conditions: { keywords: 'vpn' } } },
    { field: 'conditions.categories', body: { ...valid, conditions: { categories: ['Network!'] } } },
    { field: 'conditions.colour', body: { ...valid, conditions: { colour: ['red'] } } },
    { field: 'conditions', body: { ...valid, conditions: 'vpn' } },
    { field: 'conditions', body: { name: 'x', assignmentGroupName: 'Network' } },
    { field: 'order', body: { ...valid, order: -1 } },
    { field: 'order', body: { ...valid, order: 1.5 } },
    { field: 'assignmentGroupId', body: { ...valid, assignmentGroupName: undefined, assignmentGroupId: 'nope' } },
    { field: 'priority', body: { ...valid, priority: 1 } },
  ])('POST: 400 naming $field', async ({ body, field }) => {
    const res = await http()
      .post('/routing-rules')
      .set('Authorization', await token(['admin']))
      .send(body)
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(service.create).not.toHaveBeenCalled();
  });

  it('counts code points: a 100-emoji name is fine', async () => {
    await http()
      .post('/routing-rules')
      .set('Authorization', await token(['admin']))
      .send({ ...valid, name: '🌸'.repeat(100), conditions: { keywords: ['🌸'.repeat(100)] } })
      .expect(201);
    expect(service.create).toHaveBeenCalledWith(expect.objectContaining({ name: '🌸'.repeat(100) }), expect.anything());
  });

  it('PATCH: If-Match wins over the body version; a bad If-Match is a 400 naming it; null is refused', async () => {
    const admin = await token(['admin']);
    await http()
      .patch(`/routing-rules/${ID}`)
      .set('Authorization', admin)
      .set('If-Match', '"7"')
      .send({ version: 2, active: false })
      .expect(200);
    expect(service.update).toHaveBeenCalledWith(ID, expect.objectContaining({ active: false }), 7, { id: 'p-1', role: 'admin' });
    const bad = await http()
      .patch(`/routing-rules/${ID}`)
      .set('Authorization', admin)
      .set('If-Match', 'yesterday')
      .send({})
      .expect(400);
    expect(bad.body.details[0].field).toBe('If-Match');
    const nulls = await http()
      .patch(`/routing-rules/${ID}`)
      .set('Authorization', admin)
      .send({ name: null, active: null })
      .expect(400);
    expect(nulls.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['active', 'name']);
  });

  it('simulate: staff may try the rules; the input is validated', async () => {
    await http()
      .post('/routing-rules/simulate')
      .set('Authorization', await token(['agent']))
      .send({ shortDescription: 'VPNに繋がらない', channel: 'chat' })
      .expect(200);
    const res = await http()
      .post('/routing-rules/simulate')
      .set('Authorization', await token(['agent']))
      .send({ shortDescription: '', channel: 'fax' })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['channel', 'shortDescription']);
  });
});
