import { EventEnvelope, KnowledgeArticleEventPayload, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { API, as, KbTestApp, publishArticle, startKnowledgeService } from './support/kb-test-app';

interface OpenApiOperation {
  description?: string;
  parameters?: Array<{ name: string; description?: string }>;
}

describe('articles: lifecycle, roles, versions (real PostgreSQL and Kafka)', () => {
  let t: KbTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startKnowledgeService('articles');
    recorder = await new TopicRecorder([Topics.knowledgeArticle]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const people = () => t.people;
  const vpnArticle = {
    title: 'VPN に接続できないとき 🔐',
    body: '## 手順\n\n1. Wi-Fi に接続し直す\n2. VPN クライアントを再起動する\n\n[ポータル](https://portal.example.com/vpn)',
    language: 'ja',
    tags: ['ＶＰＮ', 'リモートワーク', 'vpn'],
    audience: 'employees',
  };

  function eventsOf(articleId: string) {
    return recorder
      .values<EventEnvelope<KnowledgeArticleEventPayload>>(Topics.knowledgeArticle)
      .filter((e) => e.aggregateId === articleId);
  }

  it('an agent starts a draft: KB number, version 1, ETag, Japanese and emoji intact, tags normalised', async () => {
    const res = await as(t, people().agent).post('/kb/articles', vpnArticle);
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      number: expect.stringMatching(/^KB\d{7}$/),
      state: 'draft',
      version: 1,
      language: 'ja',
      title: 'VPN に接続できないとき 🔐',
      body: vpnArticle.body,
      tags: ['vpn', 'リモートワーク'],
      audience: 'employees',
      author: { id: people().agent.id, name: '鈴木 一郎' },
      source: { type: 'manual', id: null, number: null },
      allowedActions: ['edit', 'submit'],
      viewCount: 0,
    });
    expect(res.body.bodyHtml).toContain('<h2>手順</h2>');
    expect(res.body.bodyHtml).toContain('rel="noopener noreferrer nofollow"');
    const byNumber = await as(t, people().agent).get(`/kb/articles/${res.body.number.toLowerCase()}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.title).toBe('VPN に接続できないとき 🔐');
  });

  it('walks draft → in_review → published → retired with the reviewer role, emitting published and retired', async () => {
    const { agent, knowledgeManager } = people();
    const draft = (await as(t, agent).post('/kb/articles', vpnArticle)).body;
    const submitted = await as(t, agent).post(`/kb/articles/${draft.id}/submit`, { note: 'ready' }, 1);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'in_review', version: 2 });
    expect(submitted.body.allowedActions).toEqual([]); // the agent may not edit it in review, nor publish

    const asReviewer = await as(t, knowledgeManager).get(`/kb/articles/${draft.id}`);
    expect(asReviewer.body.allowedActions).toEqual(['edit', 'publish', 'reject']);

    const published = await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/publish`, {}, 2);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', version: 3, publishedAt: expect.any(String) });

    const retired = await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/retire`, { reason: 'VPN を刷新したため' });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ state: 'retired', version: 4, retireReason: 'VPN を刷新したため', allowedActions: [] });

    const events = await waitFor(() => {
      const e = eventsOf(draft.id);
      return e.length >= 2 ? e : undefined;
    });
    expect(events.map((e) => e.type)).toEqual(['knowledge.article-published', 'knowledge.article-retired']);
    expect(events[0]).toMatchObject({
      aggregateType: 'kb_article',
      sequence: 1,
      actor: { id: knowledgeManager.id, role: 'knowledge_manager' },
      payload: {
        article: {
          id: draft.id,
          number: draft.number,
          state: 'published',
          title: vpnArticle.title,
          tags: ['vpn', 'リモートワーク'],
        },
        detail: { firstPublication: true, publishedById: knowledgeManager.id },
      },
    });
    expect(events[1].payload).toMatchObject({ article: { state: 'retired' }, detail: { reason: 'VPN を刷新したため' } });
  });

  it('a reviewer sends an article back to draft with a reason; the author fixes it and it is published again', async () => {
    const { agent, knowledgeManager } = people();
    const draft = (await as(t, agent).post('/kb/articles', vpnArticle)).body;
    await as(t, agent).post(`/kb/articles/${draft.id}/submit`, {});
    const missingReason = await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/reject`, {});
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    const rejected = await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/reject`, {
      reason: 'スクリーンショットを追加してください',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'draft', reviewNote: 'スクリーンショットを追加してください' });
    const edited = await as(t, agent).patch(`/kb/articles/${draft.id}`, {
      body: `${vpnArticle.body}\n\n![画面](https://intra.example.com/vpn.png)`,
    });
    expect(edited.status).toBe(200);
    await as(t, agent).post(`/kb/articles/${draft.id}/submit`, {});
    const published = await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/publish`, {});
    expect(published.body).toMatchObject({ state: 'published', reviewNote: null });
  });

  it('keeps the search index to published articles: publishing adds, a reviewer’s edit re-indexes, retiring removes', async () => {
    const { agent, knowledgeManager, employee } = people();
    const search = async (q: string) =>
      (await as(t, employee).get(`/kb/search?q=${encodeURIComponent(q)}`)).body.items.map((r: { id: string }) => r.id);
    const draft = (
      await as(t, agent).post('/kb/articles', { ...vpnArticle, title: 'Quokka scanner calibration', language: 'en' })
    ).body;
    expect(await search('quokka')).not.toContain(draft.id);
    await as(t, agent).post(`/kb/articles/${draft.id}/submit`, {});
    expect(await search('quokka')).not.toContain(draft.id);
    await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/publish`, {});
    expect(await search('quokka')).toContain(draft.id);
    await as(t, knowledgeManager).patch(`/kb/articles/${draft.id}`, { title: 'Wombat scanner calibration' });
    expect(await search('wombat')).toContain(draft.id);
    await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/retire`, {});
    expect(await search('wombat')).not.toContain(draft.id);
  });

  it('an agent cannot publish, reject or retire (403); an employee cannot write at all (403)', async () => {
    const { agent, employee, specialist } = people();
    const draft = (await as(t, agent).post('/kb/articles', vpnArticle)).body;
    await as(t, agent).post(`/kb/articles/${draft.id}/submit`, {});
    for (const action of ['publish', 'reject', 'retire']) {
      const res = await as(t, agent).post(`/kb/articles/${draft.id}/${action}`, { reason: 'x' });
      expect(res.status).toBe(403);
    }
    expect((await as(t, specialist).post(`/kb/articles/${draft.id}/publish`, {})).status).toBe(403);
    expect((await as(t, employee).post('/kb/articles', vpnArticle)).status).toBe(403);
    expect((await as(t, employee).patch(`/kb/articles/${draft.id}`, { title: 'x' })).status).toBe(403);
    // Once submitted, the author no longer edits it: 403 naming who does.
    const late = await as(t, agent).patch(`/kb/articles/${draft.id}`, { title: 'late change' });
    expect(late.status).toBe(403);
    expect(late.body.message).toBe('Only knowledge managers and admins edit an article once it is submitted');
  });

  it('an illegal transition is 409 naming the allowed actions', async () => {
    const { agent, knowledgeManager } = people();
    const draft = (await as(t, agent).post('/kb/articles', vpnArticle)).body;
    const res = await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/publish`, {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      message: 'Cannot publish an article that is draft; allowed: edit, submit',
      details: [{ field: 'state', reason: 'is draft; allowed actions: edit, submit' }],
    });
    const retire = await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/retire`, {});
    expect(retire.status).toBe(409);
  });

  it('a stale version is 409 (If-Match or body version) and changes nothing', async () => {
    const { agent } = people();
    const draft = (await as(t, agent).post('/kb/articles', vpnArticle)).body;
    expect((await as(t, agent).patch(`/kb/articles/${draft.id}`, { title: 'v2' }, 1)).status).toBe(200);
    const stale = await as(t, agent).patch(`/kb/articles/${draft.id}`, { title: 'lost update' }, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.details).toEqual([{ field: 'version', reason: 'is 1, current is 2' }]);
    const staleBody = await as(t, agent).post(`/kb/articles/${draft.id}/submit`, { version: 1 });
    expect(staleBody.status).toBe(409);
    const current = await as(t, agent).get(`/kb/articles/${draft.id}`);
    expect(current.body).toMatchObject({ title: 'v2', version: 2, state: 'draft' });
    const badIfMatch = await request(t.http)
      .patch(`${API}/kb/articles/${draft.id}`)
      .set('Authorization', await t.bearer(agent))
      .set('If-Match', 'yesterday')
      .send({ title: 'x' });
    expect(badIfMatch.status).toBe(400);
    expect(badIfMatch.body.details).toEqual([expect.objectContaining({ field: 'If-Match' })]);
  });

  it.each([
    { field: 'title', body: { ...vpnArticle, title: '' } },
    { field: 'title', body: { ...vpnArticle, title: '   ' } },
    { field: 'title', body: { ...vpnArticle, title: 'two\nlines' } },
    { field: 'title', body: { ...vpnArticle, title: 'x'.repeat(201) } },
    { field: 'body', body: { ...vpnArticle, body: undefined } },
    { field: 'body', body: { ...vpnArticle, body: 'null \u0000 byte' } },
    { field: 'language', body: { ...vpnArticle, language: 'fr' } },
    { field: 'audience', body: { ...vpnArticle, audience: 'everyone' } },
    { field: 'tags', body: { ...vpnArticle, tags: 'vpn' } },
    { field: 'tags', body: { ...vpnArticle, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
    { field: 'category', body: { ...vpnArticle, category: 'no-such-category' } },
    { field: 'translationOf', body: { ...vpnArticle, translationOf: 'KB9999999' } },
    { field: 'body', body: { ...vpnArticle, body: '[click](javascript:alert(1))' } },
    { field: 'body', body: { ...vpnArticle, body: '![x](data:image/png;base64,AAAA)' } },
    { field: 'state', body: { ...vpnArticle, state: 'published' } },
  ])('bad input is 400 naming $field (case $#)', async ({ body, field }) => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM kb_article`);
    const res = await as(t, people().agent).post('/kb/articles', body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM kb_article`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('PATCH null on a required field is 400 naming it, not a 500', async () => {
    const draft = (await as(t, people().agent).post('/kb/articles', vpnArticle)).body;
    for (const field of ['title', 'body', 'language', 'tags', 'audience']) {
      const res = await as(t, people().agent).patch(`/kb/articles/${draft.id}`, { [field]: null });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe(field);
    }
  });

  it('an employee never sees a draft or an IT-only article (404), but reads published articles for employees', async () => {
    const { agent, employee, assetManager } = people();
    const draft = (await as(t, agent).post('/kb/articles', vpnArticle)).body;
    const itOnly = await publishArticle(t, { ...vpnArticle, title: 'VPN ゲートウェイの証明書更新手順', audience: 'it_staff' });
    const forEmployees = await publishArticle(t, { ...vpnArticle, title: 'VPN の使い方' });

    for (const ref of [draft.id, draft.number, itOnly.id, itOnly.number]) {
      const res = await as(t, employee).get(`/kb/articles/${ref}`);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`Article ${ref} not found`);
    }
    expect((await as(t, employee).get(`/kb/articles/${forEmployees.id}`)).status).toBe(200);
    // Feedback and deflections on what they may not see are the same 404.
    expect((await as(t, employee).post(`/kb/articles/${itOnly.id}/feedback`, { helpful: true })).status).toBe(404);
    expect((await as(t, employee).post('/kb/deflections', { articleId: itOnly.number })).status).toBe(404);

    const list = await as(t, employee).get('/kb/articles?limit=200');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(forEmployees.id);
    expect(ids).not.toContain(itOnly.id);
    expect(ids).not.toContain(draft.id);
    expect(
      list.body.items.every((a: { state: string; audience: string }) => a.state === 'published' && a.audience === 'employees'),
    ).toBe(true);
    // Asking for drafts explicitly does not widen what they may see.
    expect((await as(t, employee).get('/kb/articles?state=draft')).body.items).toEqual([]);
    expect((await as(t, employee).get('/kb/articles?audience=it_staff')).body.items).toEqual([]);

    // IT staff who do not write see IT-only published articles but no drafts.
    expect((await as(t, assetManager).get(`/kb/articles/${itOnly.id}`)).status).toBe(200);
    expect((await as(t, assetManager).get(`/kb/articles/${draft.id}`)).status).toBe(404);
  });

  it('every edit is a new version with its author and a diff; a published article edited by a reviewer stays published', async () => {
    const { agent, knowledgeManager } = people();
    const draft = (await as(t, agent).post('/kb/articles', vpnArticle)).body;
    const edited = await as(t, agent).patch(`/kb/articles/${draft.id}`, {
      body: vpnArticle.body.replace('再起動する', '再起動する 🔁'),
      tags: ['vpn'],
      note: '手順を補足',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    // A save without any change is not a version.
    expect((await as(t, agent).patch(`/kb/articles/${draft.id}`, { tags: ['VPN'] })).body.version).toBe(2);
    await as(t, agent).post(`/kb/articles/${draft.id}/submit`, {});
    await as(t, knowledgeManager).post(`/kb/articles/${draft.id}/publish`, {});
    const reviewed = await as(t, knowledgeManager).patch(`/kb/articles/${draft.id}`, { title: 'VPN に繋がらないとき 🔐' });
    expect(reviewed.body).toMatchObject({ state: 'published', version: 5, title: 'VPN に繋がらないとき 🔐' });

    const versions = await as(t, agent).get(`/kb/articles/${draft.id}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([
      [5, 'edited'],
      [4, 'published'],
      [3, 'submitted'],
      [2, 'edited'],
      [1, 'created'],
    ]);
    const v2 = versions.body.items[3];
    expect(v2).toMatchObject({
      author: { id: agent.id, name: '鈴木 一郎' },
      authorRole: 'agent',
      note: '手順を補足',
      linesAdded: 1,
      linesRemoved: 1,
      changes: [
        { field: 'tags', from: ['vpn', 'リモートワーク'], to: ['vpn'] },
        { field: 'body', from: null, to: null },
      ],
    });
    expect(v2.diff).toContain('-2. VPN クライアントを再起動する\n+2. VPN クライアントを再起動する 🔁\n');
    expect(versions.body.items[1]).toMatchObject({ diff: '', changes: [{ field: 'state', from: 'in_review', to: 'published' }] });
    expect(versions.body.items[0]).toMatchObject({
      author: { id: knowledgeManager.id },
      changes: [{ field: 'title', from: 'VPN に接続できないとき 🔐', to: 'VPN に繋がらないとき 🔐' }],
    });

    const one = await as(t, agent).get(`/kb/articles/${draft.number}/versions/1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      version: 1,
      title: vpnArticle.title,
      body: vpnArticle.body,
      tags: ['vpn', 'リモートワーク'],
    });
    expect((await as(t, agent).get(`/kb/articles/${draft.id}/versions/99`)).status).toBe(404);
    expect((await as(t, agent).get(`/kb/articles/${draft.id}/versions/abc`)).status).toBe(400);

    // Paging through the history.
    const page1 = await as(t, agent).get(`/kb/articles/${draft.id}/versions?limit=2`);
    const page2 = await as(t, agent).get(`/kb/articles/${draft.id}/versions?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    // History is for the people who maintain articles.
    expect((await as(t, people().employee).get(`/kb/articles/${draft.id}/versions`)).status).toBe(403);
  });

  it('translations link both ways; a second article in the same language is 409', async () => {
    const { agent } = people();
    const ja = (await as(t, agent).post('/kb/articles', vpnArticle)).body;
    const en = await as(t, agent).post('/kb/articles', {
      ...vpnArticle,
      title: 'When the VPN does not connect',
      language: 'en',
      translationOf: ja.number,
    });
    expect(en.status).toBe(201);
    expect(en.body.translationOf).toBe(ja.id);
    expect(en.body.translations).toEqual([{ id: ja.id, number: ja.number, language: 'ja', title: ja.title, state: 'draft' }]);
    const jaAgain = await as(t, agent).get(`/kb/articles/${ja.id}`);
    expect(jaAgain.body.translations).toEqual([expect.objectContaining({ id: en.body.id, language: 'en' })]);

    const duplicate = await as(t, agent).post('/kb/articles', { ...vpnArticle, language: 'en', translationOf: ja.id });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details[0]).toMatchObject({ field: 'language' });
    // A translation of the translation joins the same group (and is refused for the same reason).
    const viaTranslation = await as(t, agent).post('/kb/articles', { ...vpnArticle, language: 'ja', translationOf: en.body.id });
    expect(viaTranslation.status).toBe(409);
    // The original cannot become a translation of its own translation.
    const loop = await as(t, agent).patch(`/kb/articles/${ja.id}`, { translationOf: en.body.id });
    expect(loop.status).toBe(400);
  });

  it('lists filter by state, language, tag and author, newest change first, with cursors', async () => {
    const { specialist } = people();
    const a = (
      await as(t, specialist).post('/kb/articles', { ...vpnArticle, title: 'Printer A', language: 'en', tags: ['printer'] })
    ).body;
    const b = (
      await as(t, specialist).post('/kb/articles', { ...vpnArticle, title: 'Printer B', language: 'en', tags: ['printer'] })
    ).body;
    const mine = await as(t, specialist).get('/kb/articles?author=me&tag=PRINTER&lang=en&state=draft&limit=1');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const next = await as(t, specialist).get(
      `/kb/articles?author=me&tag=printer&lang=en&state=draft&limit=1&cursor=${mine.body.nextCursor}`,
    );
    expect(next.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(next.body.nextCursor).toBeNull();
    expect((await as(t, specialist).get('/kb/articles?state=archived')).status).toBe(400);
    expect((await as(t, specialist).get('/kb/articles?cursor=not-ours')).status).toBe(400);
  });

  it('categories: a tree that knowledge managers grow, articles filed by code, lists including subcategories', async () => {
    const { knowledgeManager, agent, employee } = people();
    expect(
      (await as(t, agent).post('/kb/categories', { code: 'network', nameJa: 'ネットワーク', nameEn: 'Network' })).status,
    ).toBe(403);
    const network = await as(t, knowledgeManager).post('/kb/categories', {
      code: 'network',
      nameJa: 'ネットワーク',
      nameEn: 'Network',
    });
    expect(network.status).toBe(201);
    const vpn = await as(t, knowledgeManager).post('/kb/categories', {
      code: 'network.vpn',
      parent: 'network',
      nameJa: 'VPN',
      nameEn: 'VPN',
    });
    expect(vpn.body.parentId).toBe(network.body.id);
    expect((await as(t, knowledgeManager).post('/kb/categories', { code: 'network', nameJa: 'x', nameEn: 'x' })).status).toBe(
      409,
    );
    expect((await as(t, knowledgeManager).post('/kb/categories', { code: 'Bad Code', nameJa: 'x', nameEn: 'x' })).status).toBe(
      400,
    );
    const blank = await as(t, knowledgeManager).post('/kb/categories', { code: 'blank', nameJa: '   ', nameEn: 'x' });
    expect(blank.status).toBe(400);
    expect(blank.body.details[0].field).toBe('nameJa');

    const tree = await as(t, employee).get('/kb/categories');
    expect(tree.body).toEqual([
      expect.objectContaining({ code: 'network', children: [expect.objectContaining({ code: 'network.vpn', children: [] })] }),
    ]);

    const filed = await publishArticle(t, { ...vpnArticle, category: 'network.vpn' });
    expect(filed.category).toMatchObject({ code: 'network.vpn', nameEn: 'VPN' });
    const byParent = await as(t, employee).get('/kb/articles?category=network');
    expect(byParent.body.items.map((x: { id: string }) => x.id)).toEqual([filed.id]);
    expect((await as(t, employee).get('/kb/articles?category=nowhere')).status).toBe(400);
  });

  it('serves its OpenAPI document with the knowledge paths for the gateway to merge', async () => {
    const res = await request(t.http).get('/openapi.json');
    expect(res.status).toBe(200);
    for (const path of [
      '/api/v1/kb/articles',
      '/api/v1/kb/articles/{id}',
      '/api/v1/kb/articles/{id}/submit',
      '/api/v1/kb/articles/{id}/publish',
      '/api/v1/kb/articles/{id}/reject',
      '/api/v1/kb/articles/{id}/retire',
      '/api/v1/kb/articles/{id}/versions',
      '/api/v1/kb/articles/{id}/feedback',
      '/api/v1/kb/articles/from-incident/{incidentId}',
      '/api/v1/kb/deflections',
      '/api/v1/kb/help-sessions',
      '/api/v1/kb/categories',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
    // Every operation says who may call it and what it does; every parameter says what it means.
    for (const [path, operations] of Object.entries<Record<string, OpenApiOperation>>(res.body.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ operation: `${method} ${path}`, description: operation.description ?? '' }).toEqual({
          operation: `${method} ${path}`,
          description: expect.stringMatching(/\S/),
        });
        if (/\/kb\/(search|suggestions)/.test(path)) continue; // the search module documents its own
        const bare = (operation.parameters ?? []).filter((p) => !p.description).map((p) => `${method} ${path} ${p.name}`);
        expect(bare).toEqual([]);
      }
    }
  });

  it('takes a long Japanese article: a body of 40,000 characters (120 kB of UTF-8) round-trips', async () => {
    const text = `## 手順\n\n${'社内ネットワークに接続できないときは、まずケーブルを確認してください。🔌\n'.repeat(1100)}`;
    const body = [...text].slice(0, 40_000).join(''); // code points: never half an emoji
    expect(Buffer.byteLength(JSON.stringify({ body }))).toBeGreaterThan(100 * 1024);
    const created = await as(t, people().agent).post('/kb/articles', { ...vpnArticle, body });
    expect(created.status).toBe(201);
    const read = await as(t, people().agent).get(`/kb/articles/${created.body.id}`);
    expect(read.body.body).toBe(body);
    const tooLong = await as(t, people().agent).post('/kb/articles', { ...vpnArticle, body: 'あ'.repeat(100_001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details.map((d: { field: string }) => d.field)).toEqual(['body']);
  });

  it('health and readiness come from the runtime', async () => {
    expect((await request(t.http).get('/health/live')).status).toBe(200);
    expect((await request(t.http).get('/health/ready')).status).toBe(200);
    expect((await request(t.http).get(`${API}/kb/articles`)).status).toBe(401);
  });
});
