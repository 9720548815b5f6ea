import { EventEnvelope, IncidentEvents, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { IncidentSlaWatchService } from '../src/incidents/incident-sla-watch.service';
import { API, as, IncidentTestApp, startIncidentService } from './support/incident-test-app';

describe('incidents (real PostgreSQL and Kafka)', () => {
  let t: IncidentTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startIncidentService('incidents');
    recorder = await new TopicRecorder([Topics.incident]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const people = () => t.directory.people;

  async function open(body: object = {}, who = people().employee) {
    const res = await as(t, who).post('/incidents', {
      shortDescription: 'Excel が落ちる 😢',
      description: '保存すると落ちます',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('opens an incident for an employee on the portal, routed to the service desk, with a number and ETag', async () => {
    const res = await as(t, people().employee).post('/incidents', {
      shortDescription: 'Excel が落ちる 😢',
      description: '保存すると落ちます\n二行目',
      impact: 2,
      urgency: 2,
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      number: expect.stringMatching(/^INC\d{7}$/),
      state: 'new',
      channel: 'portal',
      priority: 3,
      shortDescription: 'Excel が落ちる 😢',
      description: '保存すると落ちます\n二行目',
      caller: { id: people().employee.id, name: '山田 花子 🌸' },
      assignmentGroup: { id: t.directory.groups.serviceDesk, name: 'Service Desk', tier: 1 },
    });
    const byNumber = await as(t, people().employee).get(`/incidents/${res.body.number}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.id).toBe(res.body.id);
  });

  it('gives 400 naming the field for bad input and writes nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM incident`);
    const bad = [
      [{}, 'shortDescription'],
      [{ shortDescription: 'x'.repeat(201) }, 'shortDescription'],
      [{ shortDescription: 'ok', impact: 4 }, 'impact'],
      [{ shortDescription: 'ok', urgency: 'high' }, 'urgency'],
      [{ shortDescription: 'ok', channel: 'fax' }, 'channel'],
      [{ shortDescription: 'a\u0000b' }, 'shortDescription'],
      [{ shortDescription: 'ok', extra: 1 }, 'extra'],
      [{ shortDescription: '   ' }, 'shortDescription'],
      [{ shortDescription: 'ok', category: 'netwrk' }, 'category'],
      [{ shortDescription: 'ok', category: 'network.vpn' }, 'category'],
      [{ shortDescription: 'ok', category: 'hardware', subcategory: 'network.vpn' }, 'subcategory'],
      [{ shortDescription: 'ok', subcategory: 'network.vpn' }, 'subcategory'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await as(t, people().agent).post('/incidents', body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM incident`);
    expect(after[0].n).toBe(before[0].n);

    // A live category and one of its subcategories are taken; changing to a wrong pair later is a 400 too.
    const opened = await as(t, people().agent).post('/incidents', {
      shortDescription: 'VPN が切れる',
      category: 'network',
      subcategory: 'network.vpn',
    });
    expect(opened.status).toBe(201);
    const wrongPair = await as(t, people().agent).patch(
      `/incidents/${opened.body.id}`,
      { category: 'hardware' },
      opened.body.version,
    );
    expect(wrongPair.status).toBe(400);
    expect(wrongPair.body.details[0]).toMatchObject({ field: 'subcategory' });
    const both = await as(t, people().agent).patch(
      `/incidents/${opened.body.id}`,
      { category: 'hardware', subcategory: 'hardware.monitor' },
      opened.body.version,
    );
    expect(both.body).toMatchObject({ category: 'hardware', subcategory: 'hardware.monitor' });

    // Every event's snapshot says whether its category counts for net FCR (hardware break/fix does not).
    const flags = await waitFor(() => {
      const mine = recorder
        .values<EventEnvelope<{ incident: { categoryFirstLevelResolvable: boolean | null } }>>(Topics.incident)
        .filter((e) => e.aggregateId === opened.body.id);
      return mine.length >= 2 ? mine.map((e) => [e.type, e.payload.incident.categoryFirstLevelResolvable]) : undefined;
    });
    expect(flags).toEqual([
      ['incident.created', true],
      ['incident.updated', false],
    ]);
  });

  it('keeps employees to their own incidents (404 for others, 403 for staff-only actions)', async () => {
    const mine = await open();
    const other = as(t, people().otherEmployee);
    expect((await other.get(`/incidents/${mine.id}`)).status).toBe(404);
    expect((await other.post(`/incidents/${mine.id}/comments`, { body: 'hi' })).status).toBe(404);
    const list = await other.get('/incidents?limit=200');
    expect(list.body.items.every((i: { caller: { id: string } }) => i.caller.id === people().otherEmployee.id)).toBe(true);
    const me = as(t, people().employee);
    expect((await me.post(`/incidents/${mine.id}/start`)).status).toBe(403);
    expect((await me.post(`/incidents/${mine.id}/assign`, { assignmentGroupId: t.directory.groups.network })).status).toBe(403);
    expect((await me.post('/incidents', { shortDescription: 'x', callerId: people().otherEmployee.id })).status).toBe(403);
    expect((await me.post(`/incidents/${mine.id}/comments`, { body: 'note', visibility: 'work_note' })).status).toBe(403);
  });

  it('runs the lifecycle with history, optimistic locking and 409s naming the allowed actions', async () => {
    const inc = await open();
    const agent = as(t, people().agent);
    const refused = await agent.post(`/incidents/${inc.id}/resolve`, { resolutionCode: 'other', resolutionNotes: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('allowed: assign, cancel, update');

    let res = await agent.post(`/incidents/${inc.id}/assign`, {
      assignmentGroupId: t.directory.groups.serviceDesk,
      assigneeId: people().agent.id,
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'assigned', version: 2, firstResponseAt: expect.any(String) });
    const stale = await agent.post(`/incidents/${inc.id}/start`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.details[0].field).toBe('version');
    res = await agent.post(`/incidents/${inc.id}/start`, {}, 2);
    expect(res.body.state).toBe('in_progress');
    res = await agent.post(`/incidents/${inc.id}/hold`, { reason: 'awaiting_user' });
    expect(res.body).toMatchObject({ state: 'on_hold', holdReason: 'awaiting_user' });
    res = await agent.post(`/incidents/${inc.id}/resume`);
    res = await agent.patch(`/incidents/${inc.id}`, { impact: 1, urgency: 1 });
    expect(res.body.priority).toBe(1);
    res = await agent.post(`/incidents/${inc.id}/escalate`, {
      kind: 'functional',
      assignmentGroupId: t.directory.groups.network,
      reason: 'VPN concentrator',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'assigned', reassignmentCount: 1, assignmentGroup: { name: 'Network' } });
    const spec = as(t, people().specialist);
    await spec.post(`/incidents/${inc.id}/start`);
    res = await spec.post(`/incidents/${inc.id}/resolve`, {
      resolutionCode: 'solved_permanently',
      resolutionNotes: '設定を修正しました',
    });
    expect(res.body).toMatchObject({ state: 'resolved', resolutionCode: 'solved_permanently' });

    const me = as(t, people().employee);
    res = await me.post(`/incidents/${inc.id}/reopen`);
    expect(res.body).toMatchObject({ state: 'in_progress', reopenCount: 1 });
    await spec.post(`/incidents/${inc.id}/resolve`, { resolutionCode: 'solved_permanently', resolutionNotes: 'again' });
    res = await me.post(`/incidents/${inc.id}/satisfaction`, { rating: 5, comment: 'ありがとう 🙏' });
    expect(res.status).toBe(200);
    expect((await me.post(`/incidents/${inc.id}/satisfaction`, { rating: 4 })).status).toBe(409);
    res = await me.post(`/incidents/${inc.id}/close`);
    expect(res.body.state).toBe('closed');
    expect((await agent.post(`/incidents/${inc.id}/reopen`)).status).toBe(409);

    const history = await agent.get(`/incidents/${inc.id}/history?limit=100`);
    const actions = history.body.items.map((h: { action: string }) => h.action);
    expect(actions).toEqual([
      'created',
      'assign',
      'start',
      'hold',
      'resume',
      'update',
      'escalate',
      'start',
      'resolve',
      'reopen',
      'resolve',
      'satisfaction',
      'close',
    ]);
    const priority = history.body.items[5].changes.find((c: { field: string }) => c.field === 'priority');
    expect(priority).toEqual({ field: 'priority', from: 5, to: 1 });

    // Events in order for this incident, each with the whole incident.
    const events = await waitFor(() => {
      const mine = recorder.values<EventEnvelope>(Topics.incident).filter((e) => e.aggregateId === inc.id);
      return mine.length >= 14 ? mine : undefined;
    });
    const types = events.map((e) => e.type);
    expect(types).toEqual([
      'incident.created',
      'incident.assigned',
      'incident.state-changed',
      'incident.state-changed',
      'incident.state-changed',
      'incident.priority-changed',
      'incident.reassigned',
      'incident.escalated',
      'incident.state-changed',
      'incident.resolved',
      'incident.reopened',
      'incident.resolved',
      'incident.satisfaction-recorded',
      'incident.closed',
    ]);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    for (const e of events) {
      expect(IncidentEvents.some((d) => d.match(e))).toBe(true);
    }
  });

  it('hides work notes from the caller but shows public replies (and quotes the caller e-mail style)', async () => {
    const inc = await open();
    const agent = as(t, people().agent);
    expect((await agent.post(`/incidents/${inc.id}/comments`, { body: '社内メモ', visibility: 'work_note' })).status).toBe(201);
    const reply = await agent.post(`/incidents/${inc.id}/comments`, { body: '再起動してください', quoteDescription: true });
    expect(reply.status).toBe(201);
    expect(reply.body.body).toContain('> 保存すると落ちます');
    const seen = await as(t, people().employee).get(`/incidents/${inc.id}/comments`);
    expect(seen.body.items.map((c: { body: string }) => c.body.split('\n')[0])).toEqual(['再起動してください']);
    const staffView = await agent.get(`/incidents/${inc.id}/comments`);
    expect(staffView.body.items).toHaveLength(2);
    const got = await agent.get(`/incidents/${inc.id}`);
    expect(got.body.firstResponseAt).not.toBeNull();
  });

  it('stores attachments safely and serves them only to those who may see the incident', async () => {
    const inc = await open();
    const token = await t.bearer(people().employee);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const up = await request(t.http)
      .post(`${API}/incidents/${inc.id}/attachments`)
      .set('Authorization', token)
      .attach('file', png, { filename: 'エラー画面.png', contentType: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'エラー画面.png', contentType: 'image/png', sizeBytes: png.length });
    const html = await request(t.http)
      .post(`${API}/incidents/${inc.id}/attachments`)
      .set('Authorization', token)
      .attach('file', Buffer.from('<script>alert(1)</script>'), { filename: 'x.html', contentType: 'text/html' });
    expect(html.status).toBe(400);
    expect(html.body.details[0].field).toBe('file');
    const down = await request(t.http)
      .get(`${API}${up.body.downloadPath.replace('/api/v1', '')}`)
      .set('Authorization', token);
    expect(down.status).toBe(200);
    expect(down.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(down.body as Buffer, png)).toBe(0);
    const other = await request(t.http)
      .get(`${API}${up.body.downloadPath.replace('/api/v1', '')}`)
      .set('Authorization', await t.bearer(people().otherEmployee));
    expect(other.status).toBe(404);
  });

  it('lets an agent log a phone call resolved at first contact, and refuses it on a non-live channel', async () => {
    const agent = as(t, people().agent);
    const res = await agent.post('/incidents', {
      shortDescription: 'パスワードを忘れた',
      channel: 'phone',
      callerId: people().employee.id,
      resolveAtFirstContact: { resolutionCode: 'user_instructed', resolutionNotes: '電話でリセット手順を案内' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'resolved',
      firstContactClaimed: true,
      assignee: { id: people().agent.id },
      reassignmentCount: 0,
      caller: { id: people().employee.id },
    });
    const bad = await agent.post('/incidents', {
      shortDescription: 'x',
      channel: 'email',
      resolveAtFirstContact: { resolutionCode: 'other', resolutionNotes: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('resolveAtFirstContact');
  });

  it('shows agents their queue by default and everything with scope=all; supervisors also see breaches', async () => {
    const inNetwork = await open({ shortDescription: 'queue test' });
    await as(t, people().agent).post(`/incidents/${inNetwork.id}/assign`, { assignmentGroupId: t.directory.groups.network });
    const agentQueue = await as(t, people().agent).get('/incidents?limit=200');
    expect(agentQueue.body.items.some((i: { id: string }) => i.id === inNetwork.id)).toBe(false);
    const all = await as(t, people().agent).get(`/incidents?scope=all&q=queue%20test`);
    expect(all.body.items.map((i: { id: string }) => i.id)).toContain(inNetwork.id);
    const specialistQueue = await as(t, people().specialist).get('/incidents?sort=slaDue&limit=200');
    expect(specialistQueue.body.items.map((i: { id: string }) => i.id)).toContain(inNetwork.id);
    expect((await as(t, people().agent).get('/incidents?state=bogus')).status).toBe(400);
    expect((await as(t, people().agent).get('/incidents?cursor=abc')).status).toBe(400);
  });

  it('auto-closes resolved incidents after the period and raises each due SLA milestone once', async () => {
    const agent = as(t, people().agent);
    const res = await agent.post('/incidents', {
      shortDescription: 'auto close',
      channel: 'phone',
      callerId: people().employee.id,
      resolveAtFirstContact: { resolutionCode: 'other', resolutionNotes: 'done' },
    });
    const watch = t.app.get(IncidentSlaWatchService);
    const later = new Date(Date.now() + 4 * 86_400_000);
    const [first, second] = await Promise.all([watch.tick(later), watch.tick(later)]);
    expect(first.closed + second.closed).toBeGreaterThanOrEqual(1);
    const closed = await agent.get(`/incidents/${res.body.id}`);
    expect(closed.body.state).toBe('closed');
    const history = await agent.get(`/incidents/${res.body.id}/history`);
    expect(history.body.items.filter((h: { action: string }) => h.action === 'close')).toHaveLength(1);
    // Four days on, the open incidents of this suite are past their targets: each milestone raised once.
    const raised = await t.dataSource.query(
      `SELECT incident_id, note, count(*)::int AS n FROM incident_history WHERE action IN ('sla-warning', 'sla-breach') GROUP BY 1, 2`,
    );
    expect(raised.some((r: { note: string }) => r.note === 'resolution breach')).toBe(true);
    expect(raised.filter((r: { n: number }) => r.n > 1)).toEqual([]);
    const again = await watch.tick(later);
    expect(again).toEqual({ milestones: 0, closed: 0 });
    const escalations = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM incident_history WHERE action = 'escalate' AND actor_role = 'system'`,
    );
    expect(escalations[0].n).toBe(raised.filter((r: { note: string }) => r.note.endsWith('breach')).length);
  });
});
