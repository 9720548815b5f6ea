import { Principal } from '@helpdesk/auth';
import { useControllerTestApp } from '@helpdesk/testing';
import { ArticleSearchService } from './article-search.service';
import { SearchController } from './search.controller';

/** Only authentication and validation: the search service is a stub. */
describe('SearchController (auth and validation)', () => {
  const service = {
    search: jest.fn(async () => ({ items: [], nextCursor: null })),
    suggest: jest.fn(async () => ({ items: [] })),
  };
  const api = useControllerTestApp({
    controllers: [SearchController],
    providers: [{ provide: ArticleSearchService, useValue: service }],
  });
  const token = (roles: Principal['roles']) => api.bearer(roles);
  const http = () => api.http();

  it('needs a signed-in user, any role', async () => {
    await http().get('/kb/search?q=vpn').expect(401);
    await http().post('/kb/suggestions').send({ text: 'vpn' }).expect(401);
    await http()
      .get('/kb/search?q=vpn')
      .set('Authorization', await token(['employee']))
      .expect(200, { items: [], nextCursor: null });
    await http()
      .post('/kb/suggestions')
      .set('Authorization', await token(['employee']))
      .send({ text: 'VPN 繋がらない 😢' })
      .expect(200, { items: [] });
  });

  it('passes the caller and the parsed query on', async () => {
    await http()
      .get(`/kb/search?q=${encodeURIComponent('VPN 繋がらない')}&lang=ja&category=network&audience=employees&limit=5`)
      .set('Authorization', await token(['agent']))
      .expect(200);
    expect(service.search).toHaveBeenCalledWith(
      expect.objectContaining({ roles: ['agent'] }),
      expect.objectContaining({ q: 'VPN 繋がらない', lang: 'ja', category: 'network', audience: 'employees', limit: 5 }),
    );
    await http()
      .post('/kb/suggestions')
      .set('Authorization', await token(['employee']))
      .send({ text: 'Outlook\nnot sending', lang: 'en' })
      .expect(200);
    expect(service.suggest).toHaveBeenCalledWith(expect.objectContaining({ roles: ['employee'] }), {
      text: 'Outlook\nnot sending',
      lang: 'en',
    });
  });

  it.each([
    ['no q', '', 'q'],
    ['an empty q', '?q=', 'q'],
    ['a q over 500 characters', `?q=${'x'.repeat(501)}`, 'q'],
    ['a control character in q', '?q=a%00b', 'q'],
    ['an unknown language', '?q=vpn&lang=fr', 'lang'],
    ['an unknown audience', '?q=vpn&audience=everyone', 'audience'],
    ['limit 0', '?q=vpn&limit=0', 'limit'],
    ['limit 51', '?q=vpn&limit=51', 'limit'],
    ['a limit that is no number', '?q=vpn&limit=abc', 'limit'],
    ['a cursor that is not ours', '?q=vpn&cursor=not%20a%20cursor', 'cursor'],
    ['a category over 80 characters', `?q=vpn&category=${'c'.repeat(81)}`, 'category'],
  ])('GET /kb/search with %s → 400 on the field', async (_label, query, field) => {
    const res = await http()
      .get(`/kb/search${query}`)
      .set('Authorization', await token(['employee']))
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(service.search).not.toHaveBeenCalled();
  });

  it.each([
    ['no text', {}, 'text'],
    ['an empty text', { text: '' }, 'text'],
    ['a text that is no string', { text: 42 }, 'text'],
    ['a text over 4000 characters', { text: 'x'.repeat(4001) }, 'text'],
    ['a NUL in the text', { text: 'a\u0000b' }, 'text'],
    ['an unknown language', { text: 'vpn', lang: 'de' }, 'lang'],
  ])('POST /kb/suggestions with %s → 400 on the field', async (_label, body, field) => {
    const res = await http()
      .post('/kb/suggestions')
      .set('Authorization', await token(['employee']))
      .send(body)
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(service.suggest).not.toHaveBeenCalled();
  });
});
