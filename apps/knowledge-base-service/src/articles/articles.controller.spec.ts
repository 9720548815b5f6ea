import { useControllerTestApp } from '@helpdesk/testing';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';

/** Only authentication, roles and validation: the service is a stub. */
describe('ArticlesController (auth and validation)', () => {
  const article = { id: 'a-1', version: 4 };
  const service = {
    create: jest.fn(async () => ({ ...article, version: 1 })),
    list: jest.fn(async () => ({ items: [], nextCursor: null })),
    get: jest.fn(async () => article),
    update: jest.fn(async () => article),
    act: jest.fn(async () => article),
    versions: jest.fn(async () => ({ items: [], nextCursor: null })),
    version: jest.fn(async () => ({ version: 1 })),
  };
  const api = useControllerTestApp({
    controllers: [ArticlesController],
    providers: [{ provide: ArticlesService, useValue: service }],
  });
  const valid = { title: 'VPN', body: '手順', language: 'ja' };
  const fieldsOf = (res: { body: { details: Array<{ field: string }> } }) => res.body.details.map((d) => d.field);

  it('reading: every signed-in user, never anonymous; the ETag is the version', async () => {
    await api.http().get('/kb/articles').expect(401);
    await api.http().get('/kb/articles/KB0000001').expect(401);
    const res = await api.as(['employee']).get('/kb/articles/KB0000001?source=suggestion&session=s-1');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"4"');
    expect(service.get).toHaveBeenCalledWith(expect.objectContaining({ id: 'p-1' }), 'KB0000001', {
      source: 'suggestion',
      session: 's-1',
    });
  });

  it('writing drafts: authors only (not employees or asset managers)', async () => {
    for (const role of ['employee', 'asset_manager'] as const) {
      const caller = api.as([role]);
      expect((await caller.post('/kb/articles', valid)).status).toBe(403);
      expect((await caller.patch('/kb/articles/KB0000001', { title: 'x' })).status).toBe(403);
      expect((await caller.post('/kb/articles/KB0000001/submit')).status).toBe(403);
      expect((await caller.get('/kb/articles/KB0000001/versions')).status).toBe(403);
    }
    for (const role of ['agent', 'specialist', 'supervisor', 'problem_manager', 'knowledge_manager', 'admin'] as const) {
      expect((await api.as([role]).post('/kb/articles', valid)).status).toBe(201);
    }
  });

  it('reviewing: knowledge managers and admins only', async () => {
    const bodies = { publish: { note: 'ok' }, reject: { reason: 'x' }, retire: { reason: 'x' } };
    for (const [action, body] of Object.entries(bodies)) {
      for (const role of ['agent', 'specialist', 'supervisor', 'problem_manager', 'employee'] as const) {
        expect((await api.as([role]).post(`/kb/articles/KB0000001/${action}`, body)).status).toBe(403);
      }
      expect((await api.as(['knowledge_manager']).post(`/kb/articles/KB0000001/${action}`, body)).status).toBe(200);
    }
    expect(service.act).toHaveBeenCalledTimes(3);
    // publish takes no reason: an unknown field is a 400, not silently dropped.
    expect((await api.as(['admin']).post('/kb/articles/KB0000001/publish', { reason: 'x' })).status).toBe(400);
  });

  it('If-Match wins over the body version and reaches the service', async () => {
    expect((await api.as(['agent']).patch('/kb/articles/KB0000001', { title: 'x', version: 3 }, 7)).status).toBe(200);
    expect(service.update).toHaveBeenCalledWith(expect.anything(), 'KB0000001', { title: 'x', version: 3 }, 7);
  });

  it.each([
    { field: 'title', body: { ...valid, title: 'a\tb' } },
    { field: 'title', body: { ...valid, title: '   ' } },
    { field: 'body', body: { ...valid, body: ' \n ' } },
    { field: 'body', body: { ...valid, body: '' } },
    { field: 'language', body: { ...valid, language: 'JA' } },
    { field: 'audience', body: { ...valid, audience: 'all' } },
    { field: 'tags', body: { ...valid, tags: ['ok', 'x'.repeat(51)] } },
    { field: 'relatedCiIds', body: { ...valid, relatedCiIds: [1] } },
    { field: 'incidentCategories', body: { ...valid, incidentCategories: ['a\nb'] } },
    { field: 'translationOf', body: { ...valid, translationOf: 42 } },
    { field: 'note', body: { ...valid, note: 'x'.repeat(501) } },
    { field: 'unknown', body: { ...valid, unknown: true } },
  ])('create: 400 naming $field', async ({ field, body }) => {
    const res = await api.as(['agent']).post('/kb/articles', body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toContain(field);
    expect(service.create).not.toHaveBeenCalled();
  });

  it('list and versions: bad query parameters are 400 naming them', async () => {
    for (const [query, field] of [
      ['state=gone', 'state'],
      ['lang=fr', 'lang'],
      ['limit=0', 'limit'],
      ['audience=x', 'audience'],
      ['source=import', 'source'],
    ]) {
      const res = await api.as(['agent']).get(`/kb/articles?${query}`);
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    }
    // Versions are PostgreSQL integers: a number past them is the caller's 400, not a failed query.
    for (const version of ['0', '-1', '1e3', '1.5', 'x', '2147483648', '99999999999']) {
      const res = await api.as(['agent']).get(`/kb/articles/KB0000001/versions/${version}`);
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['version']);
    }
    expect(service.version).not.toHaveBeenCalled();
    expect((await api.as(['agent']).get('/kb/articles/KB0000001/versions/2147483647')).status).toBe(200);
    expect(service.version).toHaveBeenCalledWith(expect.anything(), 'KB0000001', 2147483647);
  });
});
