import { randomUUID } from 'node:crypto';
import { EventEnvelope, HelpSessionStartedPayload, KnowledgeArticleEventPayload, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import { as, KbTestApp, publishArticle, startKnowledgeService } from './support/kb-test-app';

describe('views, feedback and deflections (real PostgreSQL and Kafka)', () => {
  let t: KbTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startKnowledgeService('engagement');
    recorder = await new TopicRecorder([Topics.knowledgeArticle, Topics.knowledgeHelpSession]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const people = () => t.people;
  const article = {
    title: 'パスワードを忘れたとき',
    body: '## 手順\n\n1. セルフサービスのリセット画面を開く\n2. 本人確認のコードを入力する',
    language: 'ja',
    tags: ['password'],
    audience: 'employees',
  };

  function events(articleId: string, type: string) {
    return recorder
      .values<EventEnvelope<KnowledgeArticleEventPayload>>(Topics.knowledgeArticle)
      .filter((e) => e.aggregateId === articleId && e.type === type);
  }

  it('reading a published article counts a view and emits knowledge.article-viewed with what self-service needs', async () => {
    const published = await publishArticle(t, article);
    const session = randomUUID();
    const first = await as(t, people().employee).get(`/kb/articles/${published.number}?source=suggestion&session=${session}`);
    expect(first.status).toBe(200);
    expect(first.body.viewCount).toBe(1);
    const second = await as(t, people().agent).get(`/kb/articles/${published.id}`);
    expect(second.body.viewCount).toBe(2);
    expect(second.body.version).toBe(published.version); // a view is not an edit

    const viewed = await waitFor(() => {
      const e = events(published.id, 'knowledge.article-viewed');
      return e.length >= 2 ? e : undefined;
    });
    expect(viewed[0]).toMatchObject({
      actor: { id: people().employee.id, role: 'employee' },
      payload: {
        article: { id: published.id, state: 'published', viewCount: 1 },
        detail: { viewerId: people().employee.id, viewerIsStaff: false, source: 'suggestion', sessionId: session },
      },
    });
    expect(viewed[1].payload.detail).toEqual({ viewerId: people().agent.id, viewerIsStaff: true, source: null, sessionId: null });
    expect((await as(t, people().employee).get(`/kb/articles/${published.id}?source=email`)).status).toBe(400);
    expect((await as(t, people().employee).get(`/kb/articles/${published.id}?session=a%20b`)).status).toBe(400);
  });

  it('reading a draft counts nothing', async () => {
    const draft = (await as(t, people().agent).post('/kb/articles', article)).body;
    const read = await as(t, people().agent).get(`/kb/articles/${draft.id}`);
    expect(read.body.viewCount).toBe(0);
    const rows = await t.dataSource.query(`SELECT view_count FROM kb_article WHERE id = $1`, [draft.id]);
    expect(rows[0].view_count).toBe(0);
  });

  it('"was this helpful": one answer per user, replaced when they answer again, counts kept on the article', async () => {
    const { employee, otherEmployee, knowledgeManager } = people();
    const published = await publishArticle(t, article);
    const first = await as(t, employee).post(`/kb/articles/${published.id}/feedback`, {
      helpful: true,
      comment: 'わかりやすい！🙏',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      helpfulCount: 1,
      notHelpfulCount: 0,
      feedback: { helpful: true, comment: 'わかりやすい！🙏' },
    });
    const changed = await as(t, employee).post(`/kb/articles/${published.number}/feedback`, {
      helpful: false,
      comment: '手順 2 の画面が違う',
    });
    expect(changed.body).toMatchObject({ helpfulCount: 0, notHelpfulCount: 1 });
    expect(changed.body.feedback.id).toBe(first.body.feedback.id);
    const other = await as(t, otherEmployee).post(`/kb/articles/${published.id}/feedback`, { helpful: true });
    expect(other.body).toMatchObject({ helpfulCount: 1, notHelpfulCount: 1, feedback: { comment: null } });

    const mine = await as(t, employee).get(`/kb/articles/${published.id}`);
    expect(mine.body).toMatchObject({
      helpfulCount: 1,
      notHelpfulCount: 1,
      myFeedback: { helpful: false, comment: '手順 2 の画面が違う' },
    });

    const list = await as(t, knowledgeManager).get(`/kb/articles/${published.id}/feedback`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: { userId: string; helpful: boolean }) => [f.userId, f.helpful])).toEqual([
      [otherEmployee.id, true],
      [employee.id, false],
    ]);
    expect((await as(t, employee).get(`/kb/articles/${published.id}/feedback`)).status).toBe(403);

    const recorded = await waitFor(() => {
      const e = events(published.id, 'knowledge.feedback-recorded');
      return e.length >= 3 ? e : undefined;
    });
    expect(recorded.map((e) => e.payload.detail)).toEqual([
      expect.objectContaining({ userId: employee.id, helpful: true, previousHelpful: null, comment: 'わかりやすい！🙏' }),
      expect.objectContaining({ userId: employee.id, helpful: false, previousHelpful: true }),
      expect.objectContaining({ userId: otherEmployee.id, helpful: true, previousHelpful: null }),
    ]);
    expect(recorded[2].payload.article).toMatchObject({ helpfulCount: 1, notHelpfulCount: 1 });
  });

  it('feedback: bad input is 400 naming the field; a draft takes none (409)', async () => {
    const published = await publishArticle(t, article);
    for (const [body, field] of [
      [{}, 'helpful'],
      [{ helpful: 'yes' }, 'helpful'],
      [{ helpful: true, comment: 'x'.repeat(2001) }, 'comment'],
      [{ helpful: true, rating: 5 }, 'rating'],
    ] as const) {
      const res = await as(t, people().employee).post(`/kb/articles/${published.id}/feedback`, body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const draft = (await as(t, people().agent).post('/kb/articles', article)).body;
    const res = await as(t, people().agent).post(`/kb/articles/${draft.id}/feedback`, { helpful: true });
    expect(res.status).toBe(409);
  });

  it('"this solved my problem" records a deflection once per help session and emits it to Kafka', async () => {
    const { employee } = people();
    const published = await publishArticle(t, article);
    const session = randomUUID();
    const body = { articleId: published.number, query: 'パスワード 忘れた 🔑', sessionId: session, source: 'suggestion' };
    const first = await as(t, employee).post('/kb/deflections', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      articleId: published.id,
      articleNumber: published.number,
      recorded: true,
      query: 'パスワード 忘れた 🔑',
    });
    const again = await as(t, employee).post('/kb/deflections', body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, recorded: false });
    const otherSession = await as(t, employee).post('/kb/deflections', { articleId: published.id, sessionId: randomUUID() });
    expect(otherSession.status).toBe(201);

    const read = await as(t, employee).get(`/kb/articles/${published.id}`);
    expect(read.body.deflectionCount).toBe(2);

    const deflections = await waitFor(() => {
      const e = events(published.id, 'knowledge.deflection-recorded');
      return e.length >= 2 ? e : undefined;
    });
    expect(deflections).toHaveLength(2);
    expect(deflections[0]).toMatchObject({
      type: 'knowledge.deflection-recorded',
      source: 'knowledge-base-service',
      actor: { id: employee.id, role: 'employee' },
      payload: {
        article: { id: published.id, number: published.number, language: 'ja', audience: 'employees', deflectionCount: 1 },
        detail: {
          deflectionId: first.body.id,
          userId: employee.id,
          userIsStaff: false,
          sessionId: session,
          query: 'パスワード 忘れた 🔑',
          source: 'suggestion',
          deflectedAt: first.body.at,
        },
      },
    });
  });

  it('deflections: bad input is 400 naming the field; an unpublished article is 409 (404 for employees)', async () => {
    for (const [body, field] of [
      [{}, 'articleId'],
      [{ articleId: 'KB0000001', sessionId: 'not a session id' }, 'sessionId'],
      [{ articleId: 'KB0000001', source: 'email' }, 'source'],
      [{ articleId: 'KB0000001', query: 'x'.repeat(1001) }, 'query'],
    ] as const) {
      const res = await as(t, people().employee).post('/kb/deflections', body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await as(t, people().employee).post('/kb/deflections', { articleId: 'KB9999999' })).status).toBe(404);
    const draft = (await as(t, people().agent).post('/kb/articles', article)).body;
    expect((await as(t, people().agent).post('/kb/deflections', { articleId: draft.id })).status).toBe(409);
    expect((await as(t, people().employee).post('/kb/deflections', { articleId: draft.id })).status).toBe(404);
  });

  it('a portal help session: started once (knowledge.help-session-started), then tied to the views and the deflection', async () => {
    const { employee, otherEmployee } = people();
    const published = await publishArticle(t, article);
    const started = await as(t, employee).post('/kb/help-sessions', { query: 'パスワード 忘れた' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ userId: employee.id, query: 'パスワード 忘れた', started: true });
    const session: string = started.body.id;
    const again = await as(t, employee).post('/kb/help-sessions', { id: session });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: session, started: false, query: 'パスワード 忘れた' });
    expect((await as(t, otherEmployee).post('/kb/help-sessions', { id: session })).status).toBe(409);
    // Nor may they end it: "this solved my problem" in another user's session would count it as self-served.
    const foreign = await as(t, otherEmployee).post('/kb/deflections', { articleId: published.id, sessionId: session });
    expect(foreign.status).toBe(409);
    expect(foreign.body.details).toEqual([{ field: 'sessionId', reason: 'is another user’s help session' }]);
    const badId = await as(t, employee).post('/kb/help-sessions', { id: 'no spaces please' });
    expect(badId.status).toBe(400);
    expect(badId.body.details[0].field).toBe('id');

    await as(t, employee).get(`/kb/articles/${published.id}?source=suggestion&session=${session}`);
    await as(t, employee).post('/kb/deflections', { articleId: published.id, sessionId: session, source: 'suggestion' });

    const sessions = await waitFor(() => {
      const e = recorder
        .values<EventEnvelope<HelpSessionStartedPayload>>(Topics.knowledgeHelpSession)
        .filter((x) => x.aggregateId === session);
      return e.length ? e : undefined;
    });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      type: 'knowledge.help-session-started',
      aggregateType: 'help_session',
      sequence: 1,
      payload: { sessionId: session, userId: employee.id, userIsStaff: false, channel: 'portal', query: 'パスワード 忘れた' },
    });
    const tied = await waitFor(() => {
      const viewed = events(published.id, 'knowledge.article-viewed').filter((e) => e.payload.detail.sessionId === session);
      const deflected = events(published.id, 'knowledge.deflection-recorded').filter(
        (e) => e.payload.detail.sessionId === session,
      );
      return viewed.length && deflected.length ? { viewed, deflected } : undefined;
    });
    expect(tied.viewed[0].payload.detail).toMatchObject({ viewerId: employee.id, source: 'suggestion' });
    expect(tied.deflected[0].payload.detail).toMatchObject({ userId: employee.id, source: 'suggestion' });
  });
});
