import { randomUUID } from 'node:crypto';
import {
  EventActor,
  EventDefinition,
  EventEnvelope,
  IncidentProblemLinkedDetail,
  ProblemClosed,
  ProblemCreated,
  ProblemEventPayload,
  ProblemIncidentLinked,
  ProblemKnownErrorPublished,
  ProblemRef,
  ProblemResolved,
  ProblemUpdated,
  Topics,
} from '@helpdesk/contracts';
import { TestEventPublisher, TopicRecorder, waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { API, as, IncidentTestApp, startIncidentService, TestPerson } from './support/incident-test-app';

interface IncidentBody {
  id: string;
  number: string;
  version: number;
  state: string;
  problemId: string | null;
  workaround: string | null;
  problemResolutionProposedAt: string | null;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  resolvedById: string | null;
}

interface ProblemRefRow {
  id: string;
  number: string;
  title: string;
  state: string;
  workaround: string | null;
  root_cause: string | null;
  event_sequence: string;
}

describe('problems and incidents (real PostgreSQL and Kafka)', () => {
  let t: IncidentTestApp;
  let publisher: TestEventPublisher;
  let recorder: TopicRecorder;
  let problemCount = 0;

  beforeAll(async () => {
    t = await startIncidentService('problems', { SLA_SCAN_INTERVAL: '1h' });
    publisher = await TestEventPublisher.connect('problem-service-test');
    recorder = await new TopicRecorder([Topics.incident]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await publisher?.disconnect();
    await t?.close();
  });

  const people = () => t.directory.people;

  /** A problem as the problem service would describe it, and its events numbered 1, 2, 3… as its outbox does. */
  function newProblem(title: string, fields: Partial<ProblemRef> = {}) {
    problemCount += 1;
    const problem: ProblemRef = {
      id: randomUUID(),
      number: `PRB${String(7_000_000 + problemCount).padStart(7, '0')}`,
      title,
      state: 'new',
      rootCause: null,
      workaround: null,
      ...fields,
    };
    let sequence = 0;
    return {
      ref: problem,
      async publish<TDetail>(
        event: EventDefinition<string, ProblemEventPayload<TDetail>>,
        changes: Partial<ProblemRef>,
        detail: TDetail,
        options: { actor?: EventActor; id?: string; sequence?: number } = {},
      ): Promise<EventEnvelope> {
        Object.assign(problem, changes);
        sequence = options.sequence ?? sequence + 1;
        return publisher.publish(event, problem.id, { problem: { ...problem }, detail }, { ...options, sequence });
      },
    };
  }

  async function copyOf(id: string): Promise<ProblemRefRow | undefined> {
    const rows: ProblemRefRow[] = await t.dataSource.query(`SELECT * FROM problem_ref WHERE id = $1`, [id]);
    return rows[0];
  }

  async function processed(eventId: string): Promise<boolean> {
    const rows = await t.dataSource.query(`SELECT 1 FROM inbox_message WHERE event_id = $1`, [eventId]);
    return rows.length > 0;
  }

  async function open(shortDescription: string, who: TestPerson = people().employee): Promise<IncidentBody> {
    const res = await as(t, who).post('/incidents', { shortDescription });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function get(id: string): Promise<IncidentBody> {
    const res = await as(t, people().agent).get(`/incidents/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** Assigned to the agent in the service desk and started: in_progress. */
  async function startWork(inc: IncidentBody): Promise<void> {
    const agent = as(t, people().agent);
    const assigned = await agent.post(`/incidents/${inc.id}/assign`, {
      assignmentGroupId: t.directory.groups.serviceDesk,
      assigneeId: people().agent.id,
    });
    expect(assigned.status).toBe(200);
    expect((await agent.post(`/incidents/${inc.id}/start`)).status).toBe(200);
  }

  function problemLinkedEvents(incidentId: string) {
    return recorder
      .values<EventEnvelope<{ detail: IncidentProblemLinkedDetail }>>(Topics.incident)
      .filter((e) => e.type === 'incident.problem-linked' && e.aggregateId === incidentId);
  }

  it('keeps a copy of each problem from its events; a redelivery or an older event changes nothing', async () => {
    const problem = newProblem('VPN が頻繁に切れる 🔌');
    await problem.publish(ProblemCreated, {}, { origin: 'manual', candidateId: null });
    await waitFor(() => copyOf(problem.ref.id), { description: 'the copy of the new problem' });
    const updated = await problem.publish(
      ProblemUpdated,
      { state: 'known_error', rootCause: '証明書の期限切れ', workaround: '再接続してください ✅' },
      { fields: ['state', 'rca'] },
    );
    await waitFor(async () => (await copyOf(problem.ref.id))?.state === 'known_error', { description: 'the update' });

    // The same event again (same id, a payload that would change the copy) and an older one (sequence 1, new id).
    await publisher.publish(
      ProblemUpdated,
      problem.ref.id,
      { problem: { ...problem.ref, title: 'redelivered' }, detail: { fields: ['title'] } },
      { id: updated.id, sequence: 2 },
    );
    const stale = await problem.publish(ProblemUpdated, { title: 'stale' }, { fields: ['title'] }, { sequence: 1 });
    await waitFor(() => processed(stale.id), { description: 'the stale event to pass the inbox' });

    expect(await copyOf(problem.ref.id)).toEqual({
      id: problem.ref.id,
      number: problem.ref.number,
      title: 'VPN が頻繁に切れる 🔌',
      state: 'known_error',
      root_cause: '証明書の期限切れ',
      workaround: '再接続してください ✅',
      updated_at: new Date(updated.occurredAt),
      event_sequence: '2',
    });
    const inbox = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE event_id = $1`, [updated.id]);
    expect(inbox[0].n).toBe(1);
  });

  it('links an incident to a problem picked by an agent: problemId, workaround, history, incident.problem-linked', async () => {
    const problem = newProblem('Outlook が起動しない 📧');
    await problem.publish(ProblemCreated, {}, { origin: 'manual', candidateId: null });
    await problem.publish(
      ProblemKnownErrorPublished,
      { state: 'known_error', rootCause: 'アドインの不具合', workaround: 'セーフモードで起動: outlook.exe /safe' },
      {},
    );
    await waitFor(async () => (await copyOf(problem.ref.id))?.state === 'known_error', { description: 'the known error' });
    const closed = newProblem('閉じた問題');
    await closed.publish(ProblemCreated, {}, { origin: 'manual', candidateId: null });
    await closed.publish(ProblemClosed, { state: 'closed' }, { notes: null });
    await waitFor(async () => (await copyOf(closed.ref.id))?.state === 'closed', { description: 'the closed problem' });

    const inc = await open('Outlook が開かない');
    const agent = as(t, people().agent);

    // Who may: an employee (even the caller) may not; a problem manager may.
    expect((await as(t, people().employee).post(`/incidents/${inc.id}/problem`, { problem: problem.ref.number })).status).toBe(
      403,
    );
    expect((await as(t, people().employee).delete(`/incidents/${inc.id}/problem`)).status).toBe(403);

    // What cannot be linked: an unknown problem (400 naming problem), a closed one (409), a stale version (409).
    for (const unknown of ['PRB0999999', randomUUID()]) {
      const res = await agent.post(`/incidents/${inc.id}/problem`, { problem: unknown });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'problem', reason: expect.stringContaining(`${unknown} is not a problem`) }]);
    }
    const refused = await agent.post(`/incidents/${inc.id}/problem`, { problem: closed.ref.number });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual([
      { field: 'problem', reason: `${closed.ref.number} is closed: link the incident to an open problem` },
    ]);
    const stale = await agent.post(`/incidents/${inc.number}/problem`, { problem: problem.ref.number }, 7);
    expect(stale.status).toBe(409);
    expect(stale.body.details[0].field).toBe('version');
    expect((await agent.post(`/incidents/INC9999999/problem`, { problem: problem.ref.number })).status).toBe(404);
    expect((await get(inc.id)).version).toBe(1);

    const res = await agent.post(`/incidents/${inc.number}/problem`, { problem: problem.ref.number.toLowerCase() }, 1);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({
      version: 2,
      problemId: problem.ref.id,
      workaround: 'セーフモードで起動: outlook.exe /safe',
      problemResolutionProposedAt: null,
    });
    // Linked already: nothing written.
    const again = await as(t, people().problemManager).post(`/incidents/${inc.id}/problem`, { problem: problem.ref.id });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);

    const history = await agent.get(`/incidents/${inc.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'problem-linked',
      actorId: people().agent.id,
      actorRole: 'agent',
      note: `${problem.ref.number} Outlook が起動しない 📧`,
      version: 2,
      changes: [
        { field: 'problemId', from: null, to: problem.ref.id },
        { field: 'workaround', from: null, to: 'セーフモードで起動: outlook.exe /safe' },
      ],
    });
    const [linked] = await waitFor(() => problemLinkedEvents(inc.id).length >= 1 && problemLinkedEvents(inc.id), {
      description: 'incident.problem-linked',
    });
    expect(linked.payload.detail).toEqual({ problemId: problem.ref.id, previousProblemId: null, origin: 'incident' });
    expect(linked.actor).toEqual({ id: people().agent.id, role: 'agent' });
    expect(linked.sequence).toBe(2);

    const listed = await agent.get(`/incidents?scope=all&problem=${problem.ref.id}`);
    expect(listed.body.items.map((i: IncidentBody) => i.id)).toEqual([inc.id]);

    // Unlinking: the problem and its workaround go; a second unlink changes nothing.
    const stalenessCheck = await request(t.http)
      .delete(`${API}/incidents/${inc.id}/problem`)
      .set('Authorization', await t.bearer(people().specialist))
      .set('If-Match', '"1"');
    expect(stalenessCheck.status).toBe(409);
    const unlinked = await request(t.http)
      .delete(`${API}/incidents/${inc.id}/problem`)
      .set('Authorization', await t.bearer(people().specialist))
      .set('If-Match', '"2"');
    expect(unlinked.status).toBe(200);
    expect(unlinked.body).toMatchObject({ version: 3, problemId: null, workaround: null });
    expect((await agent.delete(`/incidents/${inc.id}/problem`)).body.version).toBe(3);
    const events = await waitFor(() => problemLinkedEvents(inc.id).length >= 2 && problemLinkedEvents(inc.id), {
      description: 'the unlink event',
    });
    expect(events).toHaveLength(2);
    expect(events[1].payload.detail).toEqual({ problemId: null, previousProblemId: problem.ref.id, origin: 'incident' });
    const last = (await agent.get(`/incidents/${inc.id}/history`)).body.items.at(-1);
    expect(last).toMatchObject({ action: 'problem-unlinked', note: `${problem.ref.number} Outlook が起動しない 📧` });
  });

  it('proposes resolution when a problem is resolved; agents confirm in bulk, the others skipped with reasons', async () => {
    const problem = newProblem('プリンターに印刷できない 🖨️');
    await problem.publish(ProblemCreated, {}, { origin: 'manual', candidateId: null });
    await waitFor(() => copyOf(problem.ref.id), { description: 'the copy' });
    const agent = as(t, people().agent);

    const routed = await open('印刷できない (1)'); // new, in the service desk queue
    const working = await open('印刷できない (2)');
    await startWork(working);
    const held = await open('印刷できない (3)');
    await startWork(held);
    await agent.post(`/incidents/${held.id}/hold`, { reason: 'awaiting_problem' });
    const done = await open('印刷できない (4)');
    const unrelated = await open('関係ない');

    // Two linked by the problem service, two by agents.
    const byProblem = [routed, working];
    for (const inc of byProblem) await problem.publish(ProblemIncidentLinked, {}, { incidentId: inc.id });
    for (const inc of [held, done]) {
      expect((await agent.post(`/incidents/${inc.id}/problem`, { problem: problem.ref.number })).status).toBe(200);
    }
    await waitFor(async () => (await get(working.id)).problemId === problem.ref.id, { description: 'links from events' });
    for (const inc of byProblem) {
      const [event] = await waitFor(() => problemLinkedEvents(inc.id).length >= 1 && problemLinkedEvents(inc.id));
      expect(event.payload.detail).toEqual({ problemId: problem.ref.id, previousProblemId: null, origin: 'problem' });
    }
    await startWork(done);
    await agent.post(`/incidents/${done.id}/resolve`, {
      resolutionCode: 'solved_workaround',
      resolutionNotes: 'ドライバ再インストール',
    });

    await problem.publish(ProblemResolved, { state: 'resolved' }, { resolveLinkedIncidents: false, resolutionNotes: '' });
    const open3 = [routed, working, held];
    await waitFor(async () => (await Promise.all(open3.map((i) => get(i.id)))).every((i) => i.problemResolutionProposedAt), {
      description: 'the proposals',
    });
    expect(await get(done.id)).toMatchObject({ state: 'resolved', problemResolutionProposedAt: null });
    expect((await get(routed.id)).state).toBe('new');

    const proposed = await agent.get(`/incidents?scope=all&problemResolutionProposed=true&problem=${problem.ref.id}`);
    expect(proposed.body.items.map((i: IncidentBody) => i.id).sort()).toEqual(open3.map((i) => i.id).sort());
    expect((await agent.get('/incidents?problemResolutionProposed=maybe')).status).toBe(400);

    const body = {
      incidentIds: [routed.id, working.number, held.id, done.id, unrelated.number, 'INC9999999', routed.number.toLowerCase()],
    };
    expect((await as(t, people().employee).post('/incidents/problem-resolutions/confirm', body)).status).toBe(403);
    const confirmed = await agent.post('/incidents/problem-resolutions/confirm', body);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({
      resolved: open3.map((i) => ({ id: i.id, number: i.number })),
      skipped: [
        { id: done.id, number: done.number, reason: 'already resolved' },
        { id: unrelated.id, number: unrelated.number, reason: 'not proposed for resolution' },
        { id: 'INC9999999', number: null, reason: 'not found' },
      ],
    });
    for (const inc of open3) {
      expect(await get(inc.id)).toMatchObject({
        state: 'resolved',
        resolutionCode: 'resolved_by_problem',
        resolutionNotes: `Resolved by problem ${problem.ref.number}: プリンターに印刷できない 🖨️`,
        resolvedById: people().agent.id,
        problemResolutionProposedAt: null,
      });
    }
    const history = (await agent.get(`/incidents/${held.id}/history`)).body.items;
    expect(history.slice(-2).map((h: { action: string; actorId: string }) => [h.action, h.actorId])).toEqual([
      ['resume', people().agent.id],
      ['resolve', people().agent.id],
    ]);
    const listedAfter = await agent.get(`/incidents?scope=all&problemResolutionProposed=true&problem=${problem.ref.id}`);
    expect(listedAfter.body.items).toEqual([]);

    const twice = await as(t, people().problemManager).post('/incidents/problem-resolutions/confirm', {
      incidentIds: [routed.id],
      notes: '二重確認',
    });
    expect(twice.body).toEqual({ resolved: [], skipped: [{ id: routed.id, number: routed.number, reason: 'already resolved' }] });
  });

  it('resolves linked open incidents directly when the problem manager chose to (problem.resolved)', async () => {
    const problem = newProblem('共有フォルダに接続できない');
    await problem.publish(ProblemCreated, {}, { origin: 'manual', candidateId: null });
    const agent = as(t, people().agent);
    const routed = await open('共有フォルダ (1)');
    const held = await open('共有フォルダ (2)');
    await startWork(held);
    await agent.post(`/incidents/${held.id}/hold`, { reason: 'awaiting_problem' });
    const cancelled = await open('共有フォルダ (3)');
    for (const inc of [routed, held, cancelled]) await problem.publish(ProblemIncidentLinked, {}, { incidentId: inc.id });
    await waitFor(async () => (await get(cancelled.id)).problemId === problem.ref.id, { description: 'the links' });
    await agent.post(`/incidents/${cancelled.id}/cancel`, { reason: 'duplicate' });

    const manager = people().problemManager;
    await problem.publish(
      ProblemResolved,
      { state: 'resolved' },
      { resolveLinkedIncidents: true, resolutionNotes: 'NAS のファームウェアを更新しました' },
      { actor: { id: manager.id, role: 'problem_manager' } },
    );
    await waitFor(async () => (await get(routed.id)).state === 'resolved' && (await get(held.id)).state === 'resolved', {
      description: 'the linked incidents resolved',
    });
    for (const inc of [routed, held]) {
      expect(await get(inc.id)).toMatchObject({
        resolutionCode: 'resolved_by_problem',
        resolutionNotes: 'NAS のファームウェアを更新しました',
        resolvedById: manager.id,
        problemResolutionProposedAt: null,
      });
      const last = (await agent.get(`/incidents/${inc.id}/history`)).body.items.at(-1);
      expect(last).toMatchObject({ action: 'resolve', actorId: manager.id, actorRole: 'problem_manager' });
    }
    expect((await get(cancelled.id)).state).toBe('cancelled');
    expect((await copyOf(problem.ref.id))?.state).toBe('resolved');
  });
});
