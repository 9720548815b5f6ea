/**
 * End to end through the gateway: self-service and the article review flow of the knowledge base as each
 * role does them, with real tokens, on the platform `npm start` runs (its seed articles included).
 */
import { randomUUID } from 'node:crypto';
import { Actor, GatewayClient } from './support/gateway-client';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

interface Hit {
  id: string;
  number: string;
  title: string;
  audience: string;
  snippet: string;
}

describe('knowledge workflows through the gateway (npm start: real PostgreSQL and Kafka)', () => {
  let platform: PlatformUnderTest;
  let employee: Actor;
  let agent: Actor;
  let knowledgeManager: Actor;

  beforeAll(async () => {
    platform = await startPlatform('knowledge');
    const gateway = new GatewayClient(platform.gatewayPort);
    [employee, agent, knowledgeManager] = await Promise.all(
      ['employee@example.com', 'agent@example.com', 'knowledge.manager@example.com'].map((e) => gateway.signIn(e)),
    );
    // The seed publishes the starter articles after start-up; wait until search answers with them.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await agent.get(`/kb/search?q=${encodeURIComponent('VPN')}`);
      if (res.status === 200 && res.body.items.length > 0) break;
      if (Date.now() > deadline)
        throw new Error(`the seed articles never became searchable: ${res.status} ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 300_000);

  afterAll(async () => {
    await platform?.dispose();
  }, 120_000);

  it('finds seed articles for Japanese, English and mixed queries, employees only those meant for them', async () => {
    for (const q of ['VPN 繋がらない', 'パスワードを忘れた', 'printer not printing']) {
      const res = await employee.get(`/kb/search?q=${encodeURIComponent(q)}`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((h: Hit) => h.audience === 'employees')).toBe(true);
    }
    const suggestions = await employee.post('/kb/suggestions', { text: 'Outlook でメールが送信できない' });
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.items.length).toBeGreaterThan(0);
    expect(suggestions.body.items.length).toBeLessThanOrEqual(5);
  });

  it('keeps IT-only articles from employees: not in their lists or searches, 404 by id', async () => {
    const itOnly = await agent.get('/kb/articles?audience=it_staff&state=published');
    expect(itOnly.status).toBe(200);
    expect(itOnly.body.items.length).toBeGreaterThan(0);
    const article = itOnly.body.items[0] as Hit;
    expect((await agent.get(`/kb/articles/${article.id}`)).status).toBe(200);
    expect((await employee.get(`/kb/articles/${article.id}`)).status).toBe(404);
    const employeeList = await employee.get('/kb/articles?audience=it_staff');
    expect(employeeList.body.items ?? []).toEqual([]);
  });

  it('runs draft → review → published with the right roles, then the article solves a problem', async () => {
    const word = `ドッキングステーション${randomUUID().slice(0, 8)}`;
    const draft = await agent.post('/kb/articles', {
      title: `${word} で外部モニターが映らない`,
      body: `## 手順\n\n1. ${word} の電源を入れ直す\n2. ケーブルを挿し直す 🔌`,
      language: 'ja',
      audience: 'employees',
      tags: ['monitor'],
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', title: `${word} で外部モニターが映らない` });
    expect((await employee.get(`/kb/articles/${draft.body.id}`)).status).toBe(404);

    const submitted = await agent.post(`/kb/articles/${draft.body.id}/submit`, { version: draft.body.version });
    expect(submitted).toMatchObject({ status: 200, body: { state: 'in_review' } });
    const refused = await agent.post(`/kb/articles/${draft.body.id}/publish`, { version: submitted.body.version });
    expect(refused.status).toBe(403);
    const published = await knowledgeManager.post(`/kb/articles/${draft.body.id}/publish`, { version: submitted.body.version });
    expect(published).toMatchObject({ status: 200, body: { state: 'published' } });

    const found = await employee.get(`/kb/search?q=${encodeURIComponent(word)}`);
    expect(found.body.items.map((h: Hit) => h.id)).toContain(draft.body.id);
    const read = await employee.get(`/kb/articles/${draft.body.id}`);
    expect(read).toMatchObject({ status: 200, body: { title: `${word} で外部モニターが映らない` } });
    expect(read.body.body).toContain('🔌');

    const deflection = await employee.post('/kb/deflections', { articleId: draft.body.number, query: `${word} 映らない` });
    expect(deflection.status).toBeLessThan(300);
    const feedback = await employee.post(`/kb/articles/${draft.body.id}/feedback`, { helpful: true, comment: '助かりました 🙏' });
    expect(feedback.status).toBeLessThan(300);
  });

  it('answers bad input with a 400 naming the field, and no token with a 401', async () => {
    const bad = await agent.post('/kb/articles', { title: '', body: 'x', language: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['language']));
    const gateway = new GatewayClient(platform.gatewayPort);
    expect((await gateway.send('GET', '/kb/search?q=VPN')).status).toBe(401);
  });

  it("publishes the knowledge routes in the gateway's merged OpenAPI document", async () => {
    const res = await fetch(`http://127.0.0.1:${platform.gatewayPort}/api/docs-json`);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/kb/search', '/api/v1/kb/suggestions', '/api/v1/kb/articles']),
    );
  });
});
