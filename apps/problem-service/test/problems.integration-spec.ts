import { EventEnvelope, ProblemEventPayload, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import { as, ProblemTestApp, startProblemService } from './support/problem-test-app';

describe('problems (real PostgreSQL and Kafka)', () => {
  let t: ProblemTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startProblemService('problems');
    recorder = await new TopicRecorder([Topics.problem]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const eventsOf = (problemId: string) =>
    recorder.values<EventEnvelope<ProblemEventPayload>>(Topics.problem).filter((e) => e.aggregateId === problemId);

  it('records a problem in Japanese with the creator as owner, and emits problem.created', async () => {
    const res = await as(t, t.people.problemManager).post('/problems', {
      title: 'VPN が朝 9 時台に切断される 🔌',
      description: '複数の部署から報告あり',
      priority: 2,
      category: 'network',
      ciIds: ['CI-00042', 'CI-00042', ' CI-00043 '],
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      number: expect.stringMatching(/^PRB\d{7}$/),
      title: 'VPN が朝 9 時台に切断される 🔌',
      state: 'new',
      priority: 2,
      language: 'ja',
      ciIds: ['CI-00042', 'CI-00043'],
      ownerId: t.people.problemManager.id,
      ownerName: t.people.problemManager.name,
      allowedActions: ['start'],
      linkedIncidentCount: 0,
      origin: 'manual',
    });
    const byNumber = await as(t, t.people.agent).get(`/problems/${res.body.number.toLowerCase()}`);
    expect(byNumber.body.id).toBe(res.body.id);
    const created = await waitFor(() => eventsOf(res.body.id).find((e) => e.type === 'problem.created'));
    expect(created.payload.problem).toMatchObject({ number: res.body.number, state: 'new', language: 'ja' });
    expect(created.actor).toEqual({ id: t.people.problemManager.id, role: 'problem_manager' });
  });

  it('refuses bad input with the field and reason, and writes nothing', async () => {
    const pm = as(t, t.people.problemManager);
    const before = (await pm.get('/problems?limit=100')).body.items.length;
    const cases: Array<[object, string]> = [
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: 'ok', priority: 9 }, 'priority'],
      [{ title: 'ok', ownerId: 'not-a-uuid' }, 'ownerId'],
      [{ title: 'ok', ownerId: t.people.agent.id }, 'ownerId'],
      [{ title: 'ok', ciIds: 'CI-1' }, 'ciIds'],
      [{ title: 'bad\u0000' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const res = await pm.post('/problems', body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await pm.get('/problems?limit=100')).body.items.length).toBe(before);
    expect((await pm.get('/problems/PRB9999999')).status).toBe(404);
    expect((await pm.get('/problems/nonsense')).status).toBe(404);
  });

  it('lets only problem managers and admins change problems; IT staff read; employees see nothing', async () => {
    const created = await as(t, t.people.admin).post('/problems', { title: 'Printer queue stalls' });
    expect(created.status).toBe(201);
    expect(created.body.ownerId).toBe(t.people.admin.id);
    const id = created.body.id;
    for (const who of [t.people.agent, t.people.specialist, t.people.knowledgeManager, t.people.employee]) {
      const r = as(t, who);
      expect((await r.post('/problems', { title: 'x' })).status).toBe(403);
      expect((await r.patch(`/problems/${id}`, { title: 'y' })).status).toBe(403);
      for (const action of ['start', 'known-error', 'resolve', 'close'])
        expect((await r.post(`/problems/${id}/${action}`, {})).status).toBe(403);
    }
    for (const who of [t.people.agent, t.people.specialist, t.people.knowledgeManager]) {
      expect((await as(t, who).get(`/problems/${id}`)).status).toBe(200);
      expect((await as(t, who).get('/known-errors?q=printer')).status).toBe(200);
    }
    const employee = as(t, t.people.employee);
    for (const path of ['/problems', `/problems/${id}`, `/problems/${id}/history`, '/known-errors', '/problems/candidates']) {
      expect((await employee.get(path)).status).toBe(403);
    }
  });

  it('walks the lifecycle, refuses what itil.md does not list, keeps the RCA record and the audit trail', async () => {
    const pm = as(t, t.people.problemManager);
    const { body: p } = await pm.post('/problems', { title: 'Outlook crashes when opening attachments' });
    const refused = await pm.post(`/problems/${p.id}/resolve`, { resolutionNotes: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual([{ field: 'state', reason: 'is new; allowed actions: start' }]);

    expect((await pm.post(`/problems/${p.id}/start`, {})).body.state).toBe('investigating');
    const rca = await pm.patch(
      `/problems/${p.id}`,
      {
        symptoms: '添付ファイルを開くと Outlook が落ちる 💥',
        timeline: [{ at: '2026-11-30T09:05:00+09:00', note: 'Office 更新プログラム KB5002 が配布された' }],
        contributingFactors: ['自動更新', '自動更新', 'プレビューハンドラ'],
        fiveWhys: ['Outlook が落ちる', 'プレビューハンドラが例外', '更新で DLL が置き換わった'],
      },
      2,
    );
    expect(rca.status).toBe(200);
    expect(rca.body.version).toBe(3);
    expect(rca.body.rca).toMatchObject({
      symptoms: '添付ファイルを開くと Outlook が落ちる 💥',
      timeline: [{ at: '2026-11-30T00:05:00.000Z', note: 'Office 更新プログラム KB5002 が配布された' }],
      contributingFactors: ['自動更新', 'プレビューハンドラ'],
      fiveWhys: ['Outlook が落ちる', 'プレビューハンドラが例外', '更新で DLL が置き換わった'],
    });
    const stale = await pm.patch(`/problems/${p.id}`, { title: 'stale' }, 2);
    expect(stale.status).toBe(409);
    expect(stale.body.details[0].field).toBe('version');

    const missing = await pm.post(`/problems/${p.id}/known-error`, { rootCause: 'KB5002 replaced the preview handler' });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'workaround', reason: 'is required to publish a known error' }]);

    const known = await pm.post(`/problems/${p.id}/known-error`, {
      rootCause: 'KB5002 replaced the attachment preview handler',
      workaround: '添付ファイルを保存してから開く（プレビューを使わない）',
    });
    expect(known.status).toBe(200);
    expect(known.body).toMatchObject({ state: 'known_error', allowedActions: ['known-error', 'resolve'] });
    expect(known.body.knownErrorAt).toEqual(expect.any(String));
    const published = await waitFor(() => eventsOf(p.id).find((e) => e.type === 'problem.known-error-published'));
    expect(published.payload.problem.workaround).toBe('添付ファイルを保存してから開く（プレビューを使わない）');

    const resolved = await pm.post(`/problems/${p.id}/resolve`, {
      resolutionNotes: 'KB5002 rolled back',
      resolveLinkedIncidents: true,
    });
    expect(resolved.body).toMatchObject({
      state: 'resolved',
      resolveLinkedIncidents: true,
      resolutionNotes: 'KB5002 rolled back',
    });
    const event = await waitFor(() => eventsOf(p.id).find((e) => e.type === 'problem.resolved'));
    expect(event.payload.detail).toEqual({ resolveLinkedIncidents: true, resolutionNotes: 'KB5002 rolled back' });

    expect((await pm.post(`/problems/${p.id}/close`, { notes: '完了' })).body.state).toBe('closed');
    await waitFor(() => eventsOf(p.id).find((e) => e.type === 'problem.closed'));
    const afterClose = await pm.patch(`/problems/${p.id}`, { title: 'again' });
    expect(afterClose.status).toBe(409);

    const history = await pm.get(`/problems/${p.id}/history`);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual([
      'close',
      'resolve',
      'known-error',
      'updated',
      'start',
      'created',
    ]);
    const update = history.body.items.find((h: { action: string }) => h.action === 'updated');
    expect(update).toMatchObject({ actorId: t.people.problemManager.id, actorRole: 'problem_manager', problemVersion: 3 });
    expect(update.changes.map((c: { field: string }) => c.field).sort()).toEqual([
      'contributingFactors',
      'fiveWhys',
      'symptoms',
      'timeline',
    ]);
  });

  it('finds known errors in Japanese and English through the shared text analysis', async () => {
    const pm = as(t, t.people.problemManager);
    const { body: p } = await pm.post('/problems', { title: '社内 Wi-Fi に繋がらない', description: '3 階の会議室' });
    await pm.post(`/problems/${p.id}/start`, {});
    await pm.post(`/problems/${p.id}/known-error`, {
      rootCause: 'アクセスポイントのファームウェア不具合',
      workaround: '有線 LAN を使うか、ゲスト SSID に接続する',
    });
    const ja = await as(t, t.people.agent).get(`/known-errors?q=${encodeURIComponent('wifi つながらない')}`);
    expect(ja.status).toBe(200);
    expect(ja.body.items[0]).toMatchObject({ number: p.number, workaround: '有線 LAN を使うか、ゲスト SSID に接続する' });
    expect(ja.body.items[0].matchedTerms).toBeGreaterThanOrEqual(2);
    const fullWidth = await as(t, t.people.agent).get(`/known-errors?q=${encodeURIComponent('Ｗｉ－Ｆｉ')}`);
    expect(fullWidth.body.items.map((i: { number: string }) => i.number)).toContain(p.number);
    const none = await as(t, t.people.agent).get(`/known-errors?q=${encodeURIComponent('printer toner')}`);
    expect(none.body.items.map((i: { number: string }) => i.number)).not.toContain(p.number);
    const bad = await as(t, t.people.agent).get('/known-errors?limit=500');
    expect(bad.status).toBe(400);
  });
});
