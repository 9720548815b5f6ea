import { INestApplication } from '@nestjs/common';
import { Principal, TokenIssuer } from '@helpdesk/auth';
import { ControllerTestApp, startControllerTestApp } from '@helpdesk/testing';
import { ServiceRequestSnapshot } from '@helpdesk/contracts';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import { CatalogController } from '../catalog/catalog.controller';
import { CatalogService } from '../catalog/catalog.service';
import { ServiceRequestsController } from './service-requests.controller';
import { ServiceRequestsService } from './service-requests.service';

const person = (roles: Principal['roles']): Principal => ({
  id: '0190b7c2-0000-7000-8000-0000000000e1',
  email: 'p@example.com',
  name: 'P',
  roles,
  groups: [],
  locale: 'ja',
  timeZone: 'Asia/Tokyo',
});

const snapshot = (version: number) => ({ id: 'r1', number: 'REQ0000001', version }) as ServiceRequestSnapshot;
const TASK = '0190b7c2-0000-7000-8000-0000000000aa';

/** Only authentication, roles, validation and the If-Match plumbing: the services are stubs. */
describe('ServiceRequestsController and CatalogController (auth and validation)', () => {
  let app: INestApplication;
  let issuer: TokenIssuer;
  let testApp: ControllerTestApp;
  const requests = {
    submit: jest.fn(async () => snapshot(1)),
    list: jest.fn(async () => ({ items: [], nextCursor: null })),
    get: jest.fn(async () => snapshot(3)),
    approve: jest.fn(async () => snapshot(4)),
    reject: jest.fn(async () => snapshot(4)),
    fulfil: jest.fn(async () => snapshot(4)),
    completeTask: jest.fn(async () => snapshot(4)),
    assignTask: jest.fn(async () => snapshot(4)),
    close: jest.fn(async () => snapshot(4)),
    cancel: jest.fn(async () => snapshot(4)),
    comments: jest.fn(async () => ({ items: [], nextCursor: null })),
    addComment: jest.fn(async () => ({})),
    history: jest.fn(async () => ({ items: [], nextCursor: null })),
  };
  const catalog = { list: jest.fn(async () => ({ items: [], nextCursor: null })), create: jest.fn() };

  beforeAll(async () => {
    testApp = await startControllerTestApp({
      controllers: [ServiceRequestsController, CatalogController],
      providers: [
        { provide: ServiceRequestsService, useValue: requests },
        { provide: CatalogService, useValue: catalog },
      ],
    });
    ({ app, issuer } = testApp);
  });
  afterAll(() => testApp.close());
  beforeEach(() => jest.clearAllMocks());

  const as = async (roles: Principal['roles']) => `Bearer ${(await issuer.issue(person(roles))).accessToken}`;
  const http = () => request(app.getHttpServer());

  it('needs a token everywhere', async () => {
    await http().get('/requests').expect(401);
    await http().get('/catalog').expect(401);
    await http().post('/requests').send({ catalogItemId: 'vpn-access' }).expect(401);
  });

  it('POST /requests: 400 naming each bad field before the service is called; 201 with ETag and Location', async () => {
    const bad = await http()
      .post('/requests')
      .set('Authorization', await as(['employee']))
      .send({ catalogItemId: 'Not An Id!', form: ['x'], requestedForId: 'bob', description: '', extra: 1 })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'catalogItemId',
      'description',
      'extra',
      'form',
      'requestedForId',
    ]);
    expect(requests.submit).not.toHaveBeenCalled();
    const ok = await http()
      .post('/requests')
      .set('Authorization', await as(['employee']))
      .send({ catalogItemId: 'vpn-access', form: { businessReason: '在宅 🏠' } })
      .expect(201);
    expect(ok.headers.etag).toBe('"1"');
    expect(ok.headers.location).toBe('/requests/r1');
    expect(requests.submit).toHaveBeenCalledWith(
      { catalogItemId: 'vpn-access', form: { businessReason: '在宅 🏠' } },
      expect.objectContaining({ roles: ['employee'] }),
    );
  });

  it('passes If-Match (over the body version) to approve, and the comment', async () => {
    const res = await http()
      .post('/requests/REQ0000001/approve')
      .set('Authorization', await as(['employee']))
      .set('If-Match', '"3"')
      .send({ comment: 'OK', version: 1 })
      .expect(200);
    expect(res.headers.etag).toBe('"4"');
    expect(requests.approve).toHaveBeenCalledWith('REQ0000001', expect.anything(), 3, 'OK');
    await http()
      .post('/requests/r1/approve')
      .set('Authorization', await as(['employee']))
      .set('If-Match', 'yesterday')
      .send({})
      .expect(400);
  });

  it('fulfilment actions are for IT staff only; task ids must be UUIDs (else 404)', async () => {
    for (const path of ['/requests/r1/fulfil', `/requests/r1/tasks/${TASK}/complete`]) {
      await http()
        .post(path)
        .set('Authorization', await as(['employee']))
        .send({})
        .expect(403);
      await http()
        .post(path)
        .set('Authorization', await as(['specialist']))
        .send({})
        .expect(200);
    }
    await http()
      .post('/requests/r1/tasks/not-a-task/complete')
      .set('Authorization', await as(['agent']))
      .send({})
      .expect(404);
    const assign = await http()
      .post(`/requests/r1/tasks/${TASK}/assign`)
      .set('Authorization', await as(['agent']))
      .send({ assigneeId: 'me' })
      .expect(400);
    expect(assign.body.details.map((d: { field: string }) => d.field)).toEqual(['assigneeId']);
  });

  it('cancel needs a reason; comments need a body and a known visibility', async () => {
    const cancel = await http()
      .post('/requests/r1/cancel')
      .set('Authorization', await as(['employee']))
      .send({})
      .expect(400);
    expect(cancel.body.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
    const comment = await http()
      .post('/requests/r1/comments')
      .set('Authorization', await as(['employee']))
      .send({ body: 'a\u0000b', visibility: 'secret' })
      .expect(400);
    expect(comment.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['body', 'visibility']);
    expect(requests.cancel).not.toHaveBeenCalled();
    expect(requests.addComment).not.toHaveBeenCalled();
  });

  it('GET /requests validates filters and the cursor', async () => {
    const res = await http()
      .get('/requests?state=open&awaitingMyApproval=maybe&limit=0')
      .set('Authorization', await as(['employee']))
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['awaitingMyApproval', 'limit', 'state']);
    await http()
      .get('/requests?mine=true&state=awaiting_approval')
      .set('Authorization', await as(['employee']))
      .expect(200);
    expect(requests.list).toHaveBeenCalledWith(
      expect.objectContaining({ mine: true, state: 'awaiting_approval' }),
      expect.anything(),
    );
  });

  it('POST /catalog is admin only', async () => {
    await http()
      .post('/catalog')
      .set('Authorization', await as(['agent']))
      .send({})
      .expect(403);
    const bad = await http()
      .post('/catalog')
      .set('Authorization', await as(['admin']))
      .send({})
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['code', 'nameJa', 'nameEn', 'category', 'formSchema', 'approvalPolicy', 'taskTemplates']),
    );
    expect(catalog.create).not.toHaveBeenCalled();
  });

  it('describes every route in OpenAPI', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/requests',
        '/requests/{id}',
        '/requests/{id}/approve',
        '/requests/{id}/reject',
        '/requests/{id}/fulfil',
        '/requests/{id}/cancel',
        '/requests/{id}/close',
        '/requests/{id}/comments',
        '/requests/{id}/history',
        '/requests/{id}/tasks/{taskId}/complete',
        '/catalog',
        '/catalog/{id}',
      ]),
    );
    expect(document.components?.schemas).toHaveProperty('ServiceRequestDto');
    expect(document.components?.schemas).toHaveProperty('FormFieldDto');
  });
});
