import { randomUUID } from 'node:crypto';
import { IncidentCreated, IncidentReopened, IncidentResolved, ProblemKnownErrorPublished, ProblemRef } from '@helpdesk/contracts';
import { waitFor } from '@helpdesk/testing';
import { as, KbTestApp, publishArticle, resolvedIncident, startKnowledgeService } from './support/kb-test-app';

describe('knowledge from work: resolved incidents and known errors (real PostgreSQL and Kafka)', () => {
  let t: KbTestApp;

  beforeAll(async () => {
    t = await startKnowledgeService('work');
  });

  afterAll(async () => {
    await t?.close();
  });

  const people = () => t.people;

  /** Whether the service has applied (or skipped as a duplicate) the event with this id. */
  async function consumed(eventId: string): Promise<boolean> {
    return (await t.dataSource.query(`SELECT 1 FROM inbox_message WHERE event_id = $1`, [eventId])).length > 0;
  }

  async function incidentCopy(id: string): Promise<{ state: string; incident_version: number } | undefined> {
    const rows = await t.dataSource.query(`SELECT state, incident_version FROM kb_resolved_incident WHERE id = $1`, [id]);
    return rows[0];
  }

  it('an agent starts a draft from a resolved incident: text, resolution, categories and CI prefilled', async () => {
    const incident = resolvedIncident();
    await t.publish(
      IncidentResolved,
      incident.id,
      { incident, changes: [], detail: { firstContact: false } },
      { source: 'incident-service' },
    );
    await waitFor(() => incidentCopy(incident.id), { description: 'the resolved incident copy' });

    const res = await as(t, people().agent).post(`/kb/articles/from-incident/${incident.number}`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'draft',
      version: 1,
      language: 'ja',
      title: 'VPN に接続できない 😢',
      audience: 'it_staff',
      incidentCategories: ['network', 'network.vpn'],
      relatedCiIds: ['CI-00042'],
      source: { type: 'incident', id: incident.id, number: incident.number },
      author: { id: people().agent.id },
    });
    expect(res.body.body).toBe(
      '## 症状\n\n自宅から VPN に接続すると「認証に失敗しました」と表示される。\n\n' +
        '## 解決方法\n\nVPN クライアントの証明書を再発行し、再接続してもらった。\n',
    );
    const history = await as(t, people().agent).get(`/kb/articles/${res.body.id}/versions`);
    expect(history.body.items[0]).toMatchObject({ action: 'created', note: `Drafted from incident ${incident.number}` });

    // By id too, with choices of language and audience; employees may not.
    const english = await as(t, people().specialist).post(`/kb/articles/from-incident/${incident.id}`, {
      language: 'en',
      audience: 'employees',
    });
    expect(english.status).toBe(201);
    expect(english.body).toMatchObject({ language: 'en', audience: 'employees' });
    expect(english.body.body.startsWith('## Symptoms')).toBe(true);
    expect((await as(t, people().employee).post(`/kb/articles/from-incident/${incident.id}`, {})).status).toBe(403);
    expect((await as(t, people().agent).post(`/kb/articles/from-incident/${incident.id}`, { language: 'de' })).status).toBe(400);
  });

  it('an incident never resolved is not known (404); a reopened one is 409; old events never overwrite newer ones', async () => {
    const open = resolvedIncident({ state: 'new', resolutionNotes: null, resolvedAt: null, version: 1 });
    const created = await t.publish(IncidentCreated, open.id, { incident: open, changes: [], detail: { routingRuleId: null } });
    const resolved = resolvedIncident({ version: 4 });
    await t.publish(IncidentResolved, resolved.id, { incident: resolved, changes: [], detail: { firstContact: false } });
    await waitFor(() => incidentCopy(resolved.id));
    await waitFor(() => consumed(created.id), { description: 'incident.created consumed' });
    expect(await incidentCopy(open.id)).toBeUndefined();
    expect((await as(t, people().agent).post(`/kb/articles/from-incident/${open.number}`, {})).status).toBe(404);
    expect((await as(t, people().agent).post('/kb/articles/from-incident/not-an-incident', {})).status).toBe(404);

    const reopened = { ...resolved, version: 5, state: 'in_progress', resolvedAt: null };
    await t.publish(
      IncidentReopened,
      resolved.id,
      { incident: reopened, changes: [], detail: { reason: null } },
      { sequence: 2 },
    );
    await waitFor(async () => (await incidentCopy(resolved.id))?.state === 'in_progress');
    const refused = await as(t, people().agent).post(`/kb/articles/from-incident/${resolved.number}`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual([{ field: 'incidentId', reason: `${resolved.number} is in_progress, not resolved` }]);

    // A late, older event (version 4 again, a new event id) changes nothing.
    const late = await t.publish(IncidentResolved, resolved.id, {
      incident: resolved,
      changes: [],
      detail: { firstContact: false },
    });
    await waitFor(() => consumed(late.id), { description: 'the late event consumed' });
    expect(await incidentCopy(resolved.id)).toEqual({ state: 'in_progress', incident_version: 5 });
  });

  it('an article cited by resolved incidents shows how many it solved', async () => {
    const article = await publishArticle(t, {
      title: 'Teams の音が出ない',
      body: '## 手順\n\n1. 出力デバイスを確認する',
      language: 'ja',
      audience: 'employees',
    });
    for (const ref of [article.number, article.id.toUpperCase()]) {
      const incident = resolvedIncident({ knowledgeArticleId: ref });
      await t.publish(IncidentResolved, incident.id, { incident, changes: [], detail: { firstContact: true } });
      await waitFor(() => incidentCopy(incident.id));
    }
    const read = await as(t, people().employee).get(`/kb/articles/${article.id}`);
    expect(read.body.citedByIncidentCount).toBe(2);
  });

  it('a published known error becomes one draft article with the workaround, however often it is delivered', async () => {
    const problem: ProblemRef = {
      id: randomUUID(),
      number: 'PRB0000042',
      title: 'Outlook が起動直後に終了する',
      state: 'known_error',
      rootCause: '2024 年 3 月の更新プログラムとアドインの競合',
      workaround: 'セーフモード（outlook.exe /safe）で起動し、アドイン「X」を無効にする 🛠',
    };
    const actor = { id: people().problemManager.id, role: 'problem_manager' as const };
    const first = await t.publish(
      ProblemKnownErrorPublished,
      problem.id,
      { problem, detail: {} },
      { actor, source: 'problem-service' },
    );
    // The same event again (a redelivery) and a second publication of the same known error (a new event).
    await t.publish(ProblemKnownErrorPublished, problem.id, { problem, detail: {} }, { actor, id: first.id });
    const second = await t.publish(
      ProblemKnownErrorPublished,
      problem.id,
      { problem: { ...problem, workaround: '別の回避策' }, detail: {} },
      { actor, sequence: 2 },
    );
    await waitFor(async () => (await consumed(first.id)) && (await consumed(second.id)), {
      description: 'both known-error events consumed',
    });
    const drafts = await t.dataSource.query(`SELECT id FROM kb_article WHERE source_type = 'known_error' AND source_id = $1`, [
      problem.id,
    ]);
    expect(drafts).toHaveLength(1);

    const draft = await as(t, people().knowledgeManager).get(`/kb/articles/${drafts[0].id}`);
    expect(draft.body).toMatchObject({
      state: 'draft',
      language: 'ja',
      title: 'Outlook が起動直後に終了する',
      audience: 'it_staff',
      tags: ['known-error'],
      source: { type: 'known_error', id: problem.id, number: 'PRB0000042' },
      author: { id: people().problemManager.id },
    });
    expect(draft.body.body).toContain('## 回避策\n\nセーフモード（outlook.exe /safe）で起動し、アドイン「X」を無効にする 🛠\n');
    expect(draft.body.body).toContain('## 原因\n\n2024 年 3 月の更新プログラムとアドインの競合\n');
    // Employees never see the draft; the knowledge manager can take it through review.
    expect((await as(t, people().employee).get(`/kb/articles/${drafts[0].id}`)).status).toBe(404);
    const submitted = await as(t, people().knowledgeManager).post(`/kb/articles/${drafts[0].id}/submit`, {});
    expect(submitted.body.state).toBe('in_review');
  });
});
