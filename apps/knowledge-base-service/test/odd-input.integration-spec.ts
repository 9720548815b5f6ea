import request from 'supertest';
import { API, as, KbTestApp, publishArticle, startKnowledgeService } from './support/kb-test-app';

/**
 * Odd input on every route is the caller's 4xx, never a 500: wrong types, NUL bytes, control characters,
 * numbers past PostgreSQL's integers, malformed ids, KB numbers and If-Match values.
 */
describe('odd input is a 4xx naming the field (real PostgreSQL and Kafka)', () => {
  let t: KbTestApp;
  let published: { id: string; number: string };
  let draft: { id: string; number: string };

  beforeAll(async () => {
    t = await startKnowledgeService('odd_input');
    published = await publishArticle(t, { title: 'VPN', body: '手順', language: 'ja', audience: 'employees' });
    draft = (await as(t, t.people.agent).post('/kb/articles', { title: '下書き', body: 'x', language: 'ja' })).body;
  });

  afterAll(async () => {
    await t?.close();
  });

  const valid = { title: 't', body: 'x', language: 'en' };
  type Call = () => Promise<{ status: number; body: { details?: Array<{ field: string }> } }>;

  it.each<[string, number, string | null, (t: KbTestApp) => Call]>([
    [
      'a version past PostgreSQL integers',
      400,
      'version',
      (t) => () => as(t, t.people.agent).get(`/kb/articles/${published.id}/versions/2147483648`),
    ],
    [
      'a version in exponent notation',
      400,
      'version',
      (t) => () => as(t, t.people.agent).get(`/kb/articles/${published.id}/versions/1e3`),
    ],
    ['a malformed UUID', 404, null, (t) => () => as(t, t.people.agent).get('/kb/articles/00000000-0000-0000-0000-00000000000g')],
    ['a KB number of 500 digits', 404, null, (t) => () => as(t, t.people.agent).get(`/kb/articles/KB${'9'.repeat(500)}`)],
    ['a NUL as the id', 404, null, (t) => () => as(t, t.people.agent).get('/kb/articles/%00')],
    ['a forged cursor', 400, 'cursor', (t) => () => as(t, t.people.agent).get('/kb/articles?cursor=junk')],
    ['a huge limit', 400, 'limit', (t) => () => as(t, t.people.agent).get('/kb/articles?limit=99999999999')],
    ['a NUL in a filter', 400, 'author', (t) => () => as(t, t.people.agent).get('/kb/articles?author=a%00b')],
    ['a repeated filter', 400, 'state', (t) => () => as(t, t.people.agent).get('/kb/articles?state=draft&state=published')],
    [
      'a repeated session',
      400,
      'session',
      (t) => () => as(t, t.people.employee).get(`/kb/articles/${published.id}?session=a&session=b`),
    ],
    ['an array body', 400, 'title', (t) => () => as(t, t.people.agent).post('/kb/articles', [valid])],
    ['a NUL in the body', 400, 'body', (t) => () => as(t, t.people.agent).post('/kb/articles', { ...valid, body: 'a\u0000b' })],
    [
      'a NUL in the title',
      400,
      'title',
      (t) => () => as(t, t.people.agent).post('/kb/articles', { ...valid, title: 'a\u0000b' }),
    ],
    ['a NUL in a tag', 400, 'tags', (t) => () => as(t, t.people.agent).post('/kb/articles', { ...valid, tags: ['a\u0000'] })],
    ['tags as an object', 400, 'tags', (t) => () => as(t, t.people.agent).post('/kb/articles', { ...valid, tags: { a: 1 } })],
    [
      '201 emoji as a title',
      400,
      'title',
      (t) => () => as(t, t.people.agent).post('/kb/articles', { ...valid, title: '🌸'.repeat(201) }),
    ],
    [
      'an unknown category UUID',
      400,
      'category',
      (t) => () => as(t, t.people.agent).post('/kb/articles', { ...valid, category: '00000000-0000-4000-8000-000000000000' }),
    ],
    [
      'an unknown translation',
      400,
      'translationOf',
      (t) => () => as(t, t.people.agent).post('/kb/articles', { ...valid, translationOf: 'KB9999999' }),
    ],
    [
      'a version of the wrong type',
      400,
      'version',
      (t) => () => as(t, t.people.agent).patch(`/kb/articles/${draft.id}`, { title: 'x', version: 'abc' }),
    ],
    [
      'a version past any article',
      409,
      'version',
      (t) => () => as(t, t.people.agent).patch(`/kb/articles/${draft.id}`, { title: 'x', version: 1e20 }),
    ],
    [
      'helpful as a string',
      400,
      'helpful',
      (t) => () => as(t, t.people.employee).post(`/kb/articles/${published.id}/feedback`, { helpful: 'yes' }),
    ],
    [
      'a NUL in a comment',
      400,
      'comment',
      (t) => () => as(t, t.people.employee).post(`/kb/articles/${published.id}/feedback`, { helpful: true, comment: 'a\u0000' }),
    ],
    [
      'a session id of 101 characters',
      400,
      'sessionId',
      (t) => () => as(t, t.people.employee).post('/kb/deflections', { articleId: published.id, sessionId: 'a'.repeat(101) }),
    ],
    ['a help session id as a number', 400, 'id', (t) => () => as(t, t.people.employee).post('/kb/help-sessions', { id: 5 })],
    ['a NUL as the incident', 404, null, (t) => () => as(t, t.people.agent).post('/kb/articles/from-incident/INC%00', {})],
    [
      'an INC number of 300 digits',
      404,
      null,
      (t) => () => as(t, t.people.agent).post(`/kb/articles/from-incident/INC${'9'.repeat(300)}`, {}),
    ],
    [
      'a sort order as a string',
      400,
      'sortOrder',
      (t) => () =>
        as(t, t.people.knowledgeManager).post('/kb/categories', { code: 'odd', nameJa: 'x', nameEn: 'x', sortOrder: 'abc' }),
    ],
  ])('%s → %i', async (_name, status, field, call) => {
    const res = await call(t)();
    expect(res.status).toBe(status);
    if (field) expect(res.body.details?.map((d) => d.field)).toContain(field);
  });

  it.each(['junk', '"99999999999"', 'W/"x"'])('If-Match %s → 400 naming it', async (ifMatch) => {
    const res = await request(t.http)
      .patch(`${API}/kb/articles/${draft.id}`)
      .set('Authorization', await t.bearer(t.people.agent))
      .set('If-Match', ifMatch)
      .send({ title: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'If-Match', reason: expect.any(String) }]);
  });
});
