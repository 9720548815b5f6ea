import { EventEnvelope, ServiceRequestEvents, ServiceRequestEventPayload, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import { DirectoryRepository } from '../src/directory/directory.repository';
import { as, IncidentTestApp, startIncidentService } from './support/incident-test-app';

type Envelope = EventEnvelope<ServiceRequestEventPayload>;
interface Task {
  id: string;
  seq: number;
  state: string;
}

describe('service requests and the catalog (real PostgreSQL and Kafka)', () => {
  let t: IncidentTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startIncidentService('requests');
    recorder = await new TopicRecorder([Topics.serviceRequest]).start();
    // Identity & Access approves shared-folder access: agent2 joins it in the directory copy only (not in the token).
    const d = t.directory;
    await t.dataSource.transaction((m) =>
      t.app.get(DirectoryRepository).upsertGroup(
        m,
        {
          id: d.groups.identity,
          name: 'Identity & Access',
          nameJa: 'ID・アクセス管理',
          tier: 2,
          supervisorId: null,
          memberIds: [d.people.agent2.id],
          active: true,
        },
        new Date(),
      ),
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const people = () => t.directory.people;
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const eventsOf = (id: string) => recorder.values<Envelope>(Topics.serviceRequest).filter((e) => e?.aggregateId === id);

  async function submit(body: object, who = people().employee) {
    const res = await as(t, who).post('/requests', body);
    expect(res.status).toBe(201);
    return res.body;
  }

  const software = {
    catalogItemId: 'software-install',
    form: { software: 'visio', businessReason: '業務フロー図の作成 🚀' },
  };

  it('seeds the catalog in Japanese and English, each item with its form, approval and tasks', async () => {
    const list = await as(t, people().employee).get('/catalog');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { code: string }) => i.code)).toEqual([
      'password-reset',
      'software-install',
      'new-laptop',
      'vpn-access',
      'shared-folder-access',
    ]);
    expect(list.body.nextCursor).toBeNull();
    const item = await as(t, people().employee).get('/catalog/new-laptop');
    expect(item.status).toBe(200);
    expect(item.headers.etag).toBe('"1"');
    expect(item.body).toMatchObject({
      nameJa: 'ノート PC の新規支給',
      nameEn: 'New laptop',
      approvalPolicy: 'manager',
      fulfilmentGroupName: 'Desktop Support',
      formSchema: [
        expect.objectContaining({ key: 'model', type: 'select', required: true }),
        expect.objectContaining({ key: 'neededBy', type: 'date' }),
        expect.objectContaining({ key: 'reason', type: 'textarea' }),
      ],
    });
    expect((await as(t, people().employee).get(`/catalog/${item.body.id}`)).body.code).toBe('new-laptop');
    const shared = list.body.items.find((i: { code: string }) => i.code === 'shared-folder-access');
    expect(shared).toMatchObject({ approvalPolicy: 'group', approvalGroupName: 'Identity & Access' });
    expect((await as(t, people().employee).get('/catalog/no-such-item')).status).toBe(404);
    const page = await as(t, people().employee).get('/catalog?limit=2');
    expect(page.body.items).toHaveLength(2);
    const next = await as(t, people().employee).get(`/catalog?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((i: { code: string }) => i.code)).toEqual(['new-laptop', 'vpn-access']);
    expect((await as(t, people().employee).get('/catalog?q=パスワード')).body.items.map((i: { code: string }) => i.code)).toEqual(
      ['password-reset'],
    );
  });

  it('lets admins add and change items (400 naming schema fields, 403 for others, 409 on a stale version)', async () => {
    const body = {
      code: 'extra-monitor',
      nameJa: '追加モニター 🖥️',
      nameEn: 'Extra monitor',
      category: 'hardware',
      formSchema: [
        {
          key: 'size',
          type: 'select',
          labelJa: 'サイズ',
          labelEn: 'Size',
          required: true,
          options: [{ value: '24', labelJa: '24 インチ', labelEn: '24"' }],
        },
        { key: 'count', type: 'number', labelJa: '台数', labelEn: 'Count', required: false, min: 1, max: 2 },
      ],
      approvalPolicy: 'group',
      approvalGroupName: 'Network',
      fulfilmentGroupName: 'Desktop Support',
      taskTemplates: [{ titleJa: '設置', titleEn: 'Install it' }],
    };
    expect((await as(t, people().employee).post('/catalog', body)).status).toBe(403);
    const bad = await as(t, people().admin).post('/catalog', {
      ...body,
      code: 'Bad Code',
      formSchema: [{ key: 'x', type: 'colour', labelJa: 'x', labelEn: 'x', required: true }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'formSchema.0.type']);
    const semantic = await as(t, people().admin).post('/catalog', {
      ...body,
      formSchema: [{ key: 'size', type: 'select', labelJa: 'x', labelEn: 'x', required: true }],
    });
    expect(semantic.status).toBe(400);
    expect(semantic.body.details).toEqual([{ field: 'formSchema.0.options', reason: 'a select needs at least one option' }]);
    const created = await as(t, people().admin).post('/catalog', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'extra-monitor', nameJa: '追加モニター 🖥️', version: 1, active: true });
    expect((await as(t, people().admin).post('/catalog', body)).status).toBe(409);
    const changed = await as(t, people().admin).patch('/catalog/extra-monitor', { active: false }, 1);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ active: false, version: 2 });
    expect((await as(t, people().admin).patch('/catalog/extra-monitor', { active: true }, 1)).status).toBe(409);
    // Retired: gone for employees, still there for admins.
    expect((await as(t, people().employee).get('/catalog/extra-monitor')).status).toBe(404);
    expect((await as(t, people().admin).get('/catalog?includeInactive=true')).body.items).toHaveLength(6);
    const refused = await as(t, people().employee).post('/requests', { catalogItemId: 'extra-monitor', form: { size: '24' } });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['catalogItemId']);
  });

  it('checks the form on submission: 400 naming form.<key>, and nothing written', async () => {
    const before = { requests: await count('service_request'), outbox: await count('outbox_message') };
    const cases: Array<[object, string[]]> = [
      [{ catalogItemId: 'software-install', form: {} }, ['form.software', 'form.businessReason']],
      [{ catalogItemId: 'software-install', form: { software: 'photoshop', businessReason: 'x' } }, ['form.software']],
      [{ ...software, form: { ...software.form, colour: 'red' } }, ['form.colour']],
      [{ catalogItemId: 'new-laptop', form: { model: 'standard-14', neededBy: '2026-02-30', reason: 'r' } }, ['form.neededBy']],
      [
        { catalogItemId: 'software-install', form: { software: 'visio', businessReason: '😀'.repeat(1001) } },
        ['form.businessReason'],
      ],
      [{ catalogItemId: 'no-such-item', form: {} }, ['catalogItemId']],
      [{ catalogItemId: 'software-install', form: 'visio' }, ['form']],
      [{ ...software, extra: true }, ['extra']],
    ];
    for (const [body, fields] of cases) {
      const res = await as(t, people().employee).post('/requests', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
    }
    // Only IT staff submit on someone's behalf.
    const onBehalf = await as(t, people().employee).post('/requests', { ...software, requestedForId: people().otherEmployee.id });
    expect(onBehalf.status).toBe(403);
    expect({ requests: await count('service_request'), outbox: await count('outbox_message') }).toEqual(before);
  });

  let approvedId: string;

  it('runs the manager-approval path to closure: only the right manager approves, tasks fulfil it, the requester closes it', async () => {
    const req = await submit(software);
    approvedId = req.id;
    expect(req).toMatchObject({
      number: expect.stringMatching(/^REQ\d{7}$/),
      state: 'awaiting_approval',
      version: 1,
      requesterId: people().employee.id,
      requesterName: '山田 花子 🌸',
      requestedForId: people().employee.id,
      requestedForDepartment: '営業部',
      approvalPolicy: 'manager',
      approverId: people().manager.id,
      form: { software: 'visio', businessReason: '業務フロー図の作成 🚀' },
      tasks: [],
    });
    const byNumber = await as(t, people().employee).get(`/requests/${req.number}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.headers.etag).toBe('"1"');

    // Someone who may not see it gets 404; someone who may see it but is not the approver gets 403.
    expect((await as(t, people().otherEmployee).post(`/requests/${req.id}/approve`, {})).status).toBe(404);
    expect((await as(t, people().agent).post(`/requests/${req.id}/approve`, {})).status).toBe(403);
    expect((await as(t, people().employee).post(`/requests/${req.id}/approve`, {})).status).toBe(403);
    expect((await as(t, people().admin).post(`/requests/${req.id}/approve`, {})).status).toBe(403);

    const waiting = await as(t, people().manager).get('/requests?awaitingMyApproval=true');
    expect(waiting.body.items.map((r: { id: string }) => r.id)).toContain(req.id);
    expect((await as(t, people().otherEmployee).get('/requests?awaitingMyApproval=true')).body.items).toEqual([]);

    const stale = await as(t, people().manager).post(`/requests/${req.id}/approve`, {}, 0);
    expect(stale.status).toBe(409);
    expect(stale.body.details).toEqual([{ field: 'version', reason: 'is 0, current is 1' }]);

    const approved = await as(t, people().manager).post(`/requests/${req.number}/approve`, { comment: '承認します' }, 1);
    expect(approved.status).toBe(200);
    expect(approved.headers.etag).toBe('"2"');
    expect(approved.body).toMatchObject({
      state: 'in_fulfilment',
      version: 2,
      approval: {
        decision: 'approved',
        approverId: people().manager.id,
        approverName: '佐藤 部長',
        via: 'manager',
        comment: '承認します',
      },
      fulfilmentGroupId: t.directory.groups.desktop,
      fulfilmentGroupName: 'Desktop Support',
    });
    expect(approved.body.tasks.map((x: Task) => [x.seq, x.state])).toEqual([
      [1, 'open'],
      [2, 'open'],
      [3, 'open'],
    ]);
    expect(approved.body.tasks[0].titleJa).toBe('ライセンスの確認');

    const again = await as(t, people().manager).post(`/requests/${req.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('allowed: assign_task, complete_task, fulfil, cancel');

    // Fulfilment: staff only; a task done twice or an unknown task is refused.
    const [t1, t2, t3] = approved.body.tasks as Task[];
    expect((await as(t, people().employee).post(`/requests/${req.id}/tasks/${t1.id}/complete`, {})).status).toBe(403);
    const assigned = await as(t, people().agent).post(`/requests/${req.id}/tasks/${t1.id}/assign`, {
      assigneeId: people().agent2.id,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.tasks[0].assigneeId).toBe(people().agent2.id);
    expect((await as(t, people().agent).post(`/requests/${req.id}/tasks/${t1.id}/complete`, {}, 3)).status).toBe(200);
    expect((await as(t, people().agent).post(`/requests/${req.id}/tasks/${t1.id}/complete`, {})).status).toBe(409);
    expect(
      (await as(t, people().agent).post(`/requests/${req.id}/tasks/0190b7c2-0000-7000-8000-000000000000/complete`, {})).status,
    ).toBe(404);
    expect((await as(t, people().agent).post(`/requests/${req.id}/close`, {})).status).toBe(409);
    await as(t, people().agent).post(`/requests/${req.id}/tasks/${t2.id}/complete`, {});
    const done = await as(t, people().specialist).post(`/requests/${req.id}/tasks/${t3.id}/complete`, {});
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'fulfilled', fulfilledAt: expect.any(String) });
    expect(done.body.tasks.map((x: Task) => x.state)).toEqual(['done', 'done', 'done']);

    expect((await as(t, people().otherEmployee).post(`/requests/${req.id}/close`, {})).status).toBe(404);
    expect((await as(t, people().manager).post(`/requests/${req.id}/close`, {})).status).toBe(403);
    const closed = await as(t, people().employee).post(`/requests/${req.id}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    expect((await as(t, people().employee).post(`/requests/${req.id}/cancel`, { reason: 'やっぱり' })).status).toBe(409);

    const history = await as(t, people().employee).get(`/requests/${req.id}/history`);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual([
      'submitted',
      'approval-requested',
      'approved',
      'fulfilment-started',
      'task-assigned',
      'task-completed',
      'task-completed',
      'task-completed',
      'fulfilled',
      'closed',
    ]);
    expect(history.body.items[2]).toMatchObject({
      actorId: people().manager.id,
      actorRole: 'employee',
      note: '承認します',
      changes: expect.arrayContaining([{ field: 'state', from: 'awaiting_approval', to: 'approved' }]),
    });
  });

  it('publishes every change through the outbox, in order, each with the whole request', async () => {
    const events = await waitFor(() => {
      const e = eventsOf(approvedId);
      return e.length >= 10 ? e : undefined;
    });
    expect(events.map((e) => e.type)).toEqual([
      'request.submitted',
      'request.approval-requested',
      'request.approved',
      'request.fulfilment-started',
      'request.task-assigned',
      'request.task-completed',
      'request.task-completed',
      'request.task-completed',
      'request.fulfilled',
      'request.closed',
    ]);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const e of events) {
      // Consumers validate with the same contract.
      const definition = ServiceRequestEvents.find((d) => d.type === e.type)!;
      expect(definition.match(e)).not.toBeNull();
      expect(e.aggregateType).toBe('service_request');
    }
    expect(events.map((e) => e.payload.request.state)).toEqual([
      'submitted',
      'awaiting_approval',
      'approved',
      'in_fulfilment',
      'in_fulfilment',
      'in_fulfilment',
      'in_fulfilment',
      'fulfilled',
      'fulfilled',
      'closed',
    ]);
    expect(events[2].payload).toMatchObject({
      detail: { approverId: people().manager.id, via: 'manager', comment: '承認します' },
      request: { version: 2, approval: { decision: 'approved' } },
    });
    expect(events[2].actor).toEqual({ id: people().manager.id, role: 'employee' });
    expect(events[3].payload.request.tasks).toHaveLength(3);
    expect(events[8].payload.detail).toEqual({ byTasks: true, skippedTaskIds: [] });
    expect(events[0].payload.request.form).toEqual({ software: 'visio', businessReason: '業務フロー図の作成 🚀' });
  });

  it('lets any member of the named group approve, and rejects as final', async () => {
    const folder = {
      catalogItemId: 'shared-folder-access',
      form: { folderPath: '\\\\fs01\\営業部\\共有', accessLevel: 'write' },
    };
    const req = await submit(folder);
    expect(req).toMatchObject({
      state: 'awaiting_approval',
      approvalPolicy: 'group',
      approvalGroupId: t.directory.groups.identity,
      approvalGroupName: 'Identity & Access',
      approverId: null,
    });
    expect((await as(t, people().manager).post(`/requests/${req.id}/approve`, {})).status).toBe(404);
    expect((await as(t, people().agent).post(`/requests/${req.id}/approve`, {})).status).toBe(403);
    const waiting = await as(t, people().agent2).get('/requests?awaitingMyApproval=true');
    expect(waiting.body.items.map((r: { id: string }) => r.id)).toContain(req.id);
    const approved = await as(t, people().agent2).post(`/requests/${req.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'in_fulfilment',
      approval: { via: 'group', approverId: people().agent2.id, approverName: 'Agent Two' },
      fulfilmentGroupName: 'Identity & Access',
    });

    const second = await submit(folder);
    const rejected = await as(t, people().agent2).post(`/requests/${second.id}/reject`, { comment: '所属部署の承認が必要です' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      rejectedAt: expect.any(String),
      approval: { decision: 'rejected' },
    });
    const afterReject = await as(t, people().employee).post(`/requests/${second.id}/cancel`, { reason: '取り下げ' });
    expect(afterReject.status).toBe(409);
    expect(afterReject.body.message).toContain('none (final state)');
    const events = await waitFor(() => {
      const e = eventsOf(second.id);
      return e.length >= 3 ? e : undefined;
    });
    expect(events.map((e) => e.type)).toEqual(['request.submitted', 'request.approval-requested', 'request.rejected']);
  });

  it('sends items without approval straight to fulfilment; staff may fulfil at once, skipping open tasks', async () => {
    const req = await submit({ catalogItemId: 'password-reset', form: { account: 'windows' } });
    expect(req).toMatchObject({ state: 'in_fulfilment', approvalPolicy: 'none', fulfilmentGroupName: 'Identity & Access' });
    expect(req.tasks).toHaveLength(2);
    expect((await as(t, people().employee).post(`/requests/${req.id}/fulfil`, {})).status).toBe(403);
    const fulfilled = await as(t, people().agent).post(`/requests/${req.id}/fulfil`, {}, 1);
    expect(fulfilled.status).toBe(200);
    expect(fulfilled.body.state).toBe('fulfilled');
    expect(fulfilled.body.tasks.map((x: Task) => x.state)).toEqual(['skipped', 'skipped']);
    const events = await waitFor(() => {
      const e = eventsOf(req.id);
      return e.length >= 3 ? e : undefined;
    });
    expect(events.map((e) => e.type)).toEqual(['request.submitted', 'request.fulfilment-started', 'request.fulfilled']);
    expect(events[2].payload.detail).toEqual({ byTasks: false, skippedTaskIds: req.tasks.map((x: Task) => x.id) });
  });

  it('cancels with a reason by the requester or staff, never after fulfilment', async () => {
    const laptop = { catalogItemId: 'new-laptop', form: { model: 'developer-16', neededBy: '2026-12-01', reason: '開発用' } };
    const mine = await submit(laptop);
    const blank = await as(t, people().employee).post(`/requests/${mine.id}/cancel`, { reason: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
    expect((await as(t, people().manager).post(`/requests/${mine.id}/cancel`, { reason: 'x' })).status).toBe(403);
    const cancelled = await as(t, people().employee).post(`/requests/${mine.id}/cancel`, { reason: '異動のため不要 🙇' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: '異動のため不要 🙇' });
    const byAgent = await submit(laptop);
    expect((await as(t, people().agent).post(`/requests/${byAgent.id}/cancel`, { reason: '重複' })).body.state).toBe('cancelled');
  });

  it('lets staff submit on someone’s behalf; the beneficiary sees it and their manager approves it', async () => {
    const res = await as(t, people().agent).post('/requests', {
      catalogItemId: 'vpn-access',
      requestedForId: people().employee.id,
      form: { businessReason: '在宅勤務' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      requesterId: people().agent.id,
      requestedForId: people().employee.id,
      approverId: people().manager.id,
    });
    const mine = await as(t, people().employee).get('/requests?mine=true&limit=200');
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(res.body.id);
    const unknown = await as(t, people().agent).post('/requests', {
      catalogItemId: 'vpn-access',
      requestedForId: '0190b7c2-0000-7000-8000-000000000000',
      form: { businessReason: 'x' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.map((d: { field: string }) => d.field)).toEqual(['requestedForId']);
    const noManager = await as(t, people().otherEmployee).post('/requests', software);
    expect(noManager.status).toBe(409);
  });

  it('keeps employees to their own requests: another employee gets 404 everywhere and an empty list', async () => {
    const req = await submit(software);
    const other = as(t, people().otherEmployee);
    for (const path of [
      `/requests/${req.id}`,
      `/requests/${req.number}`,
      `/requests/${req.id}/comments`,
      `/requests/${req.id}/history`,
    ])
      expect((await other.get(path)).status).toBe(404);
    expect((await other.post(`/requests/${req.id}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await other.post(`/requests/${req.id}/cancel`, { reason: 'x' })).status).toBe(404);
    expect((await other.get('/requests?limit=200')).body.items).toEqual([]);
    const own = await as(t, people().employee).get('/requests?limit=200');
    expect(own.body.items.length).toBeGreaterThan(3);
    for (const r of own.body.items as Array<{ requesterId: string; requestedForId: string }>)
      expect([r.requesterId, r.requestedForId]).toContain(people().employee.id);
    const all = await as(t, people().specialist).get('/requests?limit=200');
    expect(all.body.items.length).toBeGreaterThanOrEqual(own.body.items.length);
    const queue = await as(t, people().agent).get('/requests?myGroups=true&limit=200');
    expect(queue.body.items).toEqual([]); // nothing is fulfilled by the service desk in this suite
    expect((await as(t, people().employee).get('/requests/not-a-request')).status).toBe(404);
    expect((await as(t, people().employee).get('/requests?state=open')).status).toBe(400);
  });

  it('hides work notes from employees (comments and history) and shows them to staff', async () => {
    const req = await submit(software);
    const note = await as(t, people().agent).post(`/requests/${req.id}/comments`, {
      body: '社内メモ: ライセンス残 2',
      visibility: 'work_note',
    });
    expect(note.status).toBe(201);
    const reply = await as(t, people().agent).post(`/requests/${req.id}/comments`, { body: '承認待ちです 🙏' });
    expect(reply.status).toBe(201);
    expect(
      (await as(t, people().employee).post(`/requests/${req.id}/comments`, { body: 'x', visibility: 'work_note' })).status,
    ).toBe(403);
    expect((await as(t, people().employee).post(`/requests/${req.id}/comments`, { body: '' })).status).toBe(400);
    expect((await as(t, people().employee).post(`/requests/${req.id}/comments`, { body: 'よろしくお願いします' })).status).toBe(
      201,
    );

    const employeeView = await as(t, people().employee).get(`/requests/${req.id}/comments`);
    expect(employeeView.body.items.map((c: { body: string }) => c.body)).toEqual(['承認待ちです 🙏', 'よろしくお願いします']);
    const staffView = await as(t, people().agent).get(`/requests/${req.id}/comments`);
    expect(staffView.body.items.map((c: { visibility: string }) => c.visibility)).toEqual(['work_note', 'public', 'public']);
    const employeeHistory = await as(t, people().employee).get(`/requests/${req.id}/history`);
    expect(employeeHistory.body.items.map((h: { action: string }) => h.action)).toEqual([
      'submitted',
      'approval-requested',
      'commented',
      'commented',
    ]);
    const staffHistory = await as(t, people().agent).get(`/requests/${req.id}/history`);
    expect(staffHistory.body.items.map((h: { action: string }) => h.action)).toContain('work-note');
    expect(JSON.stringify(staffHistory.body)).not.toContain('ライセンス残');
    // Comments do not change the request, so the version read before them still works.
    expect((await as(t, people().manager).post(`/requests/${req.id}/approve`, {}, 1)).status).toBe(200);
    const events = await waitFor(() => {
      const e = eventsOf(req.id).filter((x) => x.type === 'request.commented');
      return e.length >= 3 ? e : undefined;
    });
    expect(events.map((e) => e.payload.detail.visibility)).toEqual(['work_note', 'public', 'public']);
  });
});
