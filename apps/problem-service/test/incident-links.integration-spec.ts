import { randomUUID } from 'node:crypto';
import { EventEnvelope, ProblemEventPayload, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import { as, incident, ProblemTestApp, startProblemService } from './support/problem-test-app';

describe('incident links and counts from incident.* (real PostgreSQL and Kafka)', () => {
  let t: ProblemTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startProblemService('links');
    recorder = await new TopicRecorder([Topics.problem]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const eventsOf = (problemId: string) =>
    recorder
      .values<EventEnvelope<ProblemEventPayload<{ incidentId?: string }>>>(Topics.problem)
      .filter((e) => e.aggregateId === problemId);
  const problem = async (ref: string) => (await as(t, t.people.agent).get(`/problems/${ref}`)).body;
  /** Waits until the service's copy knows the incident (linking by number needs it). */
  const known = async (number: string, problemId: string) =>
    waitFor(async () => {
      const r = await as(t, t.people.agent).post(`/problems/${problemId}/incidents`, { incident: number });
      return r.status === 200
        ? r
        : r.status === 400
          ? undefined
          : Promise.reject(new Error(`${r.status} ${JSON.stringify(r.body)}`));
    });

  it('links from the problem (agents too), emits problem.incident-linked, keeps counts, and unlinks', async () => {
    const { body: p } = await as(t, t.people.problemManager).post('/problems', { title: 'VPN drops' });
    const a = incident({ shortDescription: 'VPN が切れる' });
    const b = incident({ shortDescription: 'VPN disconnects', state: 'resolved', version: 4 });
    await t.incidentEvent('created', a);
    await t.incidentEvent('created', b);
    const linked = await known(a.number, p.id);
    expect(linked.body).toMatchObject({ id: a.id, number: a.number, shortDescription: 'VPN が切れる', state: 'new' });
    await known(b.number, p.id);
    // Linking again is harmless: no second event.
    expect((await as(t, t.people.agent).post(`/problems/${p.id}/incidents`, { incident: a.id })).status).toBe(200);
    expect(await problem(p.id)).toMatchObject({ linkedIncidentCount: 2, openIncidentCount: 1, version: 1 });
    await waitFor(() => eventsOf(p.id).filter((e) => e.type === 'problem.incident-linked').length === 2 || undefined);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      eventsOf(p.id)
        .filter((e) => e.type === 'problem.incident-linked')
        .map((e) => e.payload.detail.incidentId)
        .sort(),
    ).toEqual([a.id, b.id].sort());

    // The incident moves on: the open count follows its state.
    await t.incidentEvent(
      'state-changed',
      { ...a, state: 'resolved', version: 3 },
      { from: 'new', to: 'resolved', action: 'resolve' },
    );
    await waitFor(async () => (await problem(p.id)).openIncidentCount === 0 || undefined);

    const list = await as(t, t.people.agent).get(`/problems/${p.number}/incidents`);
    expect(list.body.items.map((i: { number: string }) => i.number)).toEqual([a.number, b.number].sort());

    expect((await as(t, t.people.agent).delete(`/problems/${p.id}/incidents/${b.number}`)).status).toBe(204);
    expect((await as(t, t.people.agent).delete(`/problems/${p.id}/incidents/${b.number}`)).status).toBe(404);
    expect((await problem(p.id)).linkedIncidentCount).toBe(1);
    await waitFor(() =>
      eventsOf(p.id).find((e) => e.type === 'problem.incident-unlinked' && e.payload.detail.incidentId === b.id),
    );

    const unknown = await as(t, t.people.agent).post(`/problems/${p.id}/incidents`, { incident: 'INC0000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('incident');
    expect((await as(t, t.people.employee).post(`/problems/${p.id}/incidents`, { incident: a.id })).status).toBe(403);
    const history = (await as(t, t.people.agent).get(`/problems/${p.id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'incident-unlinked',
      'incident-linked',
      'incident-linked',
      'created',
    ]);
    expect(history[0]).toMatchObject({ actorId: t.people.agent.id, changes: [{ field: 'incidents', from: b.number, to: null }] });
  });

  it('takes links made on incidents as final, ignores stale ones, and does not echo them back', async () => {
    const pm = as(t, t.people.problemManager);
    const { body: p1 } = await pm.post('/problems', { title: 'Mail delays' });
    const { body: p2 } = await pm.post('/problems', { title: 'Exchange queue' });
    const x = incident({ shortDescription: 'メールが遅れて届く' });
    await t.incidentEvent('created', x);
    await t.incidentEvent(
      'problem-linked',
      { ...x, version: 2, problemId: p1.id },
      { problemId: p1.id, previousProblemId: null, origin: 'incident' },
    );
    await waitFor(async () => (await problem(p1.id)).linkedIncidentCount === 1 || undefined);
    await t.incidentEvent(
      'problem-linked',
      { ...x, version: 4, problemId: p2.id },
      { problemId: p2.id, previousProblemId: p1.id, origin: 'incident' },
    );
    await waitFor(async () => (await problem(p2.id)).linkedIncidentCount === 1 || undefined);
    expect((await problem(p1.id)).linkedIncidentCount).toBe(0);
    // A late, older link event (version 3) changes nothing; a redelivery neither.
    const late = await t.incidentEvent(
      'problem-linked',
      { ...x, version: 3, problemId: p1.id },
      { problemId: p1.id, previousProblemId: null, origin: 'incident' },
    );
    await t.incidentEvent(
      'problem-linked',
      { ...x, version: 3, problemId: p1.id },
      { problemId: p1.id, previousProblemId: null },
      { id: late.id },
    );
    const marker = incident();
    await t.incidentEvent('created', marker);
    await known(marker.number, p2.id);
    expect((await problem(p1.id)).linkedIncidentCount).toBe(0);
    expect((await problem(p2.id)).linkedIncidentCount).toBe(2);
    // The incident's own links are not echoed as problem.incident-linked (the incident service already has them).
    expect(
      eventsOf(p2.id)
        .filter((e) => e.type === 'problem.incident-linked')
        .map((e) => e.payload.detail.incidentId),
    ).toEqual([marker.id]);
    expect(eventsOf(p2.id).some((e) => e.type === 'problem.updated')).toBe(true);
  });

  it('makes one problem per imported problem reference and links its incidents, once however often events come', async () => {
    const key = `Test  problem ${randomUUID()}`;
    const normalized = key.replace(/\s+/g, ' ');
    const imported = [1, 2, 3].map(() => incident({ source: 'servicenow', shortDescription: 'imported', ciId: null }));
    for (const i of imported) {
      await t.incidentEvent('created', i);
      const linked = await t.incidentEvent(
        'problem-linked',
        { ...i, version: 2 },
        {
          problemId: null,
          previousProblemId: null,
          origin: 'import',
          externalProblemKey: key,
        },
      );
      await t.incidentEvent(
        'problem-linked',
        { ...i, version: 2 },
        { problemId: null, previousProblemId: null, origin: 'import', externalProblemKey: key },
        { id: linked.id },
      );
    }
    const found = await waitFor(async () => {
      const items = (await as(t, t.people.agent).get(`/problems?q=${encodeURIComponent(normalized)}`)).body.items;
      return items.length === 1 && items[0].linkedIncidentCount === 3 ? items[0] : undefined;
    });
    expect(found).toMatchObject({ title: `${normalized} (servicenow)`, origin: 'import', state: 'new' });
    const detail = await problem(found.id);
    expect(detail.externalKey).toBe(normalized);
    await waitFor(() => eventsOf(found.id).filter((e) => e.type === 'problem.incident-linked').length === 3 || undefined);
    await new Promise((r) => setTimeout(r, 500));
    const linkedEvents = eventsOf(found.id).filter((e) => e.type === 'problem.incident-linked');
    expect(linkedEvents.map((e) => e.payload.detail.incidentId).sort()).toEqual(imported.map((i) => i.id).sort());
    expect(eventsOf(found.id).filter((e) => e.type === 'problem.created')).toHaveLength(1);
  });

  it('keeps a newer copy when an older incident event arrives late', async () => {
    const { body: p } = await as(t, t.people.problemManager).post('/problems', { title: 'late events' });
    const y = incident({ shortDescription: 'new text', version: 5, state: 'in_progress' });
    await t.incidentEvent('created', y);
    await known(y.number, p.id);
    await t.incidentEvent('updated', { ...y, version: 2, state: 'new', shortDescription: 'old text' });
    const marker = incident();
    await t.incidentEvent('created', { ...marker, id: randomUUID() });
    await new Promise((r) => setTimeout(r, 1000));
    const items = (await as(t, t.people.agent).get(`/problems/${p.id}/incidents`)).body.items;
    expect(items[0]).toMatchObject({ shortDescription: 'new text', state: 'in_progress' });
  });
});
