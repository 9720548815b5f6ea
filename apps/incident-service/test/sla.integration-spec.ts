import { MetricsRegistry } from '@helpdesk/observability';
import { IncidentSlaBreached, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { IncidentSlaWatchService } from '../src/incidents/incident-sla-watch.service';
import { IncidentSlaTracker, SlaMilestone } from '../src/incidents/ports/incident-sla-tracker.port';
import { BusinessCalendar, CALENDAR_JP_BUSINESS } from '../src/sla/clock';
import { API, as, IncidentTestApp, startIncidentService } from './support/incident-test-app';

const MIN = 60_000;
const HOUR = 60 * MIN;
const business = new BusinessCalendar(CALENDAR_JP_BUSINESS);

interface TimerRow {
  kind: string;
  policy_priority: number;
  calendar_id: string;
  target_ms: string;
  started_at: Date;
  pauses: Array<{ from: string; to: string | null }>;
  stopped_at: Date | null;
  status: string;
  due_at: Date | null;
  warning_at: Date | null;
  warning_raised_at: Date | null;
  breach_raised_at: Date | null;
}

describe('SLA policies, calendars and timers (real PostgreSQL and Kafka)', () => {
  let t: IncidentTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    // The scanner is driven by hand here (tick / claim), so it must not race the assertions.
    t = await startIncidentService('sla', { SLA_SCAN_INTERVAL: '1d' });
    recorder = await new TopicRecorder([Topics.incident]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const people = () => t.directory.people;
  const iso = (ms: number) => new Date(ms).toISOString();

  async function open(body: object = {}) {
    const res = await as(t, people().agent).post('/incidents', {
      shortDescription: 'VPN に接続できない 🔌',
      callerId: people().employee.id,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as {
      id: string;
      number: string;
      openedAt: string;
      priority: number;
      responseDueAt: string;
      resolutionDueAt: string;
      version: number;
    };
  }

  async function timers(incidentId: string): Promise<Record<string, TimerRow>> {
    const rows: TimerRow[] = await t.dataSource.query(`SELECT * FROM sla_timer WHERE incident_id = $1 ORDER BY kind`, [
      incidentId,
    ]);
    return Object.fromEntries(rows.map((r) => [r.kind, r]));
  }

  it('seeds the default policies and calendars, readable by IT staff only', async () => {
    const res = await as(t, people().agent).get('/sla-policies');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.version).toBe(1);
    expect(
      res.body.items.map((p: { priority: number; responseMinutes: number; resolutionMinutes: number; calendarId: string }) => [
        p.priority,
        p.responseMinutes,
        p.resolutionMinutes,
        p.calendarId,
      ]),
    ).toEqual([
      [1, 15, 240, '24x7'],
      [2, 30, 480, '24x7'],
      [3, 120, 1440, 'jp-business'],
      [4, 240, 2400, 'jp-business'],
      [5, 480, 4800, 'jp-business'],
    ]);
    const calendars = await as(t, people().supervisor).get('/calendars');
    expect(calendars.body.items).toEqual([
      expect.objectContaining({ id: '24x7', mode: '24x7', usedByPriorities: [1, 2], version: 1 }),
      expect.objectContaining({
        id: 'jp-business',
        timeZone: 'Asia/Tokyo',
        mode: 'business',
        japaneseHolidaysOff: true,
        workingHours: expect.objectContaining({ 0: [], 1: [{ start: '09:00', end: '18:00' }] }),
        usedByPriorities: [3, 4, 5],
      }),
    ]);
    expect((await as(t, people().employee).get('/sla-policies')).status).toBe(403);
    expect((await as(t, people().employee).get('/calendars')).status).toBe(403);
    const holidays = await as(t, people().agent).get('/calendars/jp-business/holidays?year=2026');
    expect(holidays.body.items[0]).toEqual({
      date: '2026-01-01',
      weekday: 4,
      nameJa: '元日',
      nameEn: "New Year's Day",
      kind: 'public_holiday',
    });
    expect(holidays.body.items).toHaveLength(18);
    expect((await as(t, people().agent).get('/calendars/24x7/holidays')).body.items).toEqual([]);
    const badYear = await as(t, people().agent).get('/calendars/jp-business/holidays?year=1999');
    expect(badYear.status).toBe(400);
    expect(badYear.body.details[0].field).toBe('year');
    expect((await as(t, people().agent).get('/calendars/nowhere/holidays')).status).toBe(404);
  });

  it('starts both timers on POST /incidents, due per the priority’s target and calendar', async () => {
    const p5 = await open();
    const opened = new Date(p5.openedAt);
    expect(p5.priority).toBe(5);
    expect(p5.responseDueAt).toBe(business.addWorkingMillis(opened, 8 * HOUR).toISOString());
    expect(p5.resolutionDueAt).toBe(business.addWorkingMillis(opened, 80 * HOUR).toISOString());

    const p1 = await open({ impact: 1, urgency: 1 });
    const at = Date.parse(p1.openedAt);
    expect(p1).toMatchObject({ priority: 1, responseDueAt: iso(at + 15 * MIN), resolutionDueAt: iso(at + 4 * HOUR) });
    const rows = await timers(p1.id);
    expect(rows.response).toMatchObject({
      policy_priority: 1,
      calendar_id: '24x7',
      target_ms: String(15 * MIN),
      status: 'running',
    });
    expect(rows.resolution.warning_at).toEqual(new Date(at + 3 * HOUR));

    const view = await as(t, people().agent).get(`/incidents/${p1.id}`);
    expect(view.body.sla).toEqual([
      expect.objectContaining({
        timer: 'response',
        status: 'running',
        targetMinutes: 15,
        calendarId: '24x7',
        dueAt: iso(at + 15 * MIN),
      }),
      expect.objectContaining({
        timer: 'resolution',
        status: 'running',
        targetMinutes: 240,
        dueAt: iso(at + 4 * HOUR),
        breachedAt: null,
      }),
    ]);
  });

  it('pauses on hold awaiting the user and resumes with the due instant moved by the pause; a reopen keeps elapsed time', async () => {
    const agent = as(t, people().agent);
    const inc = await open({ impact: 1, urgency: 2 });
    await agent.post(`/incidents/${inc.id}/assign`, {
      assignmentGroupId: t.directory.groups.serviceDesk,
      assigneeId: people().agent.id,
    });
    expect((await timers(inc.id)).response.status).toBe('met');
    await agent.post(`/incidents/${inc.id}/start`);
    const held = await agent.post(`/incidents/${inc.id}/hold`, { reason: 'awaiting_user' });
    expect(held.status).toBe(200);
    expect(held.body.resolutionDueAt).toBeNull();
    expect((await agent.get(`/incidents/${inc.id}`)).body.sla[1]).toMatchObject({
      timer: 'resolution',
      status: 'paused',
      dueAt: null,
    });
    await new Promise((r) => setTimeout(r, 50));
    const resumed = await agent.post(`/incidents/${inc.id}/resume`);
    const [pause] = (await timers(inc.id)).resolution.pauses;
    const paused = Date.parse(pause.to as string) - Date.parse(pause.from);
    expect(paused).toBeGreaterThanOrEqual(40);
    expect(resumed.body.resolutionDueAt).toBe(iso(Date.parse(inc.resolutionDueAt) + paused));

    // awaiting_problem does not stop the clock.
    await agent.post(`/incidents/${inc.id}/hold`, { reason: 'awaiting_problem' });
    expect((await timers(inc.id)).resolution.pauses).toHaveLength(1);
    await agent.post(`/incidents/${inc.id}/resume`);

    await agent.post(`/incidents/${inc.id}/resolve`, {
      resolutionCode: 'solved_remotely',
      resolutionNotes: 'VPN クライアントを更新',
    });
    const resolved = await timers(inc.id);
    expect(resolved.resolution).toMatchObject({ status: 'met' });
    const reopened = await as(t, people().employee).post(`/incidents/${inc.id}/reopen`);
    expect(reopened.status).toBe(200);
    const after = await timers(inc.id);
    expect(after.resolution.stopped_at).toBeNull();
    expect(after.resolution.pauses[1].from).toBe((resolved.resolution.stopped_at as Date).toISOString());
    expect(after.response).toEqual(resolved.response);
  });

  it('re-targets running timers when impact or urgency changes the priority', async () => {
    const inc = await open();
    const patched = await as(t, people().agent).patch(`/incidents/${inc.id}`, { impact: 1, urgency: 1 });
    expect(patched.status).toBe(200);
    const at = Date.parse(inc.openedAt);
    // Retroactive: measured from the opening on the P1 calendar (24×7).
    expect(patched.body).toMatchObject({ priority: 1, responseDueAt: iso(at + 15 * MIN), resolutionDueAt: iso(at + 4 * HOUR) });
    const rows = await timers(inc.id);
    expect(rows.resolution).toMatchObject({ policy_priority: 1, calendar_id: '24x7', target_ms: String(4 * HOUR) });
  });

  it('lets admins replace the policies (400 naming fields, 403, stale version 409) and applies them to new incidents', async () => {
    const current = (await as(t, people().admin).get('/sla-policies')).body;
    const policies = current.items.map(
      ({ priority, responseMinutes, resolutionMinutes, calendarId }: Record<string, unknown>) => ({
        priority,
        responseMinutes,
        resolutionMinutes,
        calendarId,
      }),
    );
    const put = (token: string, body: object, ifMatch?: string) => {
      const r = request(t.http).put(`${API}/sla-policies`).set('Authorization', token);
      if (ifMatch) r.set('If-Match', ifMatch);
      return r.send(body);
    };
    const admin = await t.bearer(people().admin);
    expect((await put(await t.bearer(people().agent), { policies })).status).toBe(403);

    const bad = await put(admin, {
      policies: [
        { ...policies[0], responseMinutes: 0 },
        { ...policies[1], calendarId: 'mars' },
        policies[2],
        { ...policies[3], active: 'yes' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual([
      'policies[0].responseMinutes',
      'policies[3].active',
    ]);
    const unknown = await put(admin, { policies: [...policies.slice(0, 4), { ...policies[4], calendarId: 'mars' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([
      { field: 'policies[4].calendarId', reason: 'mars is not a calendar (GET /calendars)' },
    ]);
    const missing = await put(admin, { policies: policies.slice(0, 4) });
    expect(missing.body.details).toEqual([
      { field: 'policies', reason: 'policies must give priorities 1–5 once each; missing P5' },
    ]);

    const changed = policies.map((p: { priority: number }) =>
      p.priority === 5 ? { ...p, responseMinutes: 60, calendarId: '24x7' } : p,
    );
    expect((await put(admin, { policies: changed }, '"7"')).status).toBe(409);
    expect((await put(admin, { policies: changed, version: 7 })).status).toBe(409);
    const ok = await put(admin, { policies: changed }, `"${current.version}"`);
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe(`"${current.version + 1}"`);
    expect(ok.body.items[4]).toMatchObject({ priority: 5, responseMinutes: 60, calendarId: '24x7', active: true });

    const inc = await open();
    expect(inc.responseDueAt).toBe(iso(Date.parse(inc.openedAt) + HOUR));
    // Back to the defaults for the tests that follow.
    expect((await put(admin, { policies, version: current.version + 1 })).status).toBe(200);
  });

  it('lets admins replace the calendars: fields named calendars[i].<field>, in-use deletion refused, timers re-measured', async () => {
    const admin = as(t, people().admin);
    const list = (await admin.get('/calendars')).body.items as Array<Record<string, unknown>>;
    const input = list.map(({ id, name, timeZone, mode, workingHours, japaneseHolidaysOff, extraHolidays, version }) => ({
      id,
      name,
      timeZone,
      mode,
      workingHours,
      japaneseHolidaysOff,
      extraHolidays,
      version,
    }));
    const [twentyFourSeven, jp] = input;
    expect((await as(t, people().agent).put('/calendars', { calendars: input })).status).toBe(403);

    const bad = await admin.put('/calendars', {
      calendars: [
        twentyFourSeven,
        { ...jp, timeZone: 'Asia/Atlantis', extraHolidays: ['2026-13-01'] },
        { ...jp, id: 'Osaka Office', version: undefined },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual([
      'calendars[2].id',
      'calendars[1].timeZone',
      'calendars[1].extraHolidays[0]',
    ]);

    const inUse = await admin.put('/calendars', { calendars: [twentyFourSeven] });
    expect(inUse.status).toBe(409);
    expect(inUse.body.details[0]).toEqual({ field: 'calendars', reason: 'jp-business is used by the P3, P4, P5 policies' });
    expect((await admin.put('/calendars', { calendars: [twentyFourSeven, { ...jp, version: 9 }] })).status).toBe(409);

    // A P5 incident counting on jp-business: the next three working days become company holidays.
    const inc = await open();
    const before = await timers(inc.id);
    const now = new Date();
    const days: string[] = [];
    for (let d = 1; days.length < 3; d++) {
      const day = new Date(now.getTime() + d * 86_400_000);
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(day);
      if (business.workingMillisBetween(new Date(`${local}T00:00:00+09:00`), new Date(`${local}T23:59:59+09:00`)) > 0)
        days.push(local);
    }
    const osaka = { ...jp, id: 'osaka', name: '大阪オフィス 🏯', version: undefined, extraHolidays: [] };
    const ok = await admin.put('/calendars', { calendars: [twentyFourSeven, { ...jp, extraHolidays: days }, osaka] });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((c: { id: string; version: number }) => [c.id, c.version])).toEqual([
      ['24x7', 1],
      ['jp-business', 2],
      ['osaka', 1],
    ]);
    expect(ok.body.items[2].name).toBe('大阪オフィス 🏯');
    const after = await timers(inc.id);
    expect((after.resolution.due_at as Date).getTime()).toBeGreaterThanOrEqual(
      (before.resolution.due_at as Date).getTime() + 3 * 9 * HOUR,
    );
    const holidays = await admin.get(`/calendars/jp-business/holidays?year=${days[0].slice(0, 4)}`);
    expect(holidays.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ date: days[0], kind: 'company', nameJa: '会社休日' })]),
    );

    // An unused calendar can be removed again.
    const removed = await admin.put('/calendars', { calendars: [twentyFourSeven, { ...jp, extraHolidays: [], version: 2 }] });
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((c: { id: string }) => c.id)).toEqual(['24x7', 'jp-business']);
  });

  it('claims each due warning and breach once when two replicas claim at the same time', async () => {
    const incidents = await Promise.all(Array.from({ length: 8 }, () => open({ impact: 1, urgency: 1 })));
    const ids = incidents.map((i) => i.id);
    // Backdate: opened 3.5 h ago on 24×7 → response (15 min) breached, resolution (4 h) past its 75 % warning.
    await t.dataSource.query(
      `UPDATE sla_timer SET started_at = started_at - interval '210 minutes',
              due_at = due_at - interval '210 minutes', warning_at = warning_at - interval '210 minutes'
        WHERE incident_id = ANY($1)`,
      [ids],
    );
    const tracker = t.app.get(IncidentSlaTracker);
    const claim = () => t.dataSource.transaction((m) => tracker.claimDueMilestones(m, new Date(), 100));
    // Two replicas claim in parallel, round after round, until nothing is left: a row one of them held may be
    // skipped by the other in that round, never claimed twice.
    const mine: SlaMilestone[] = [];
    for (let round = 0; round < 5; round++) {
      const [first, second] = await Promise.all([claim(), claim()]);
      const got = [...first, ...second].filter((m) => ids.includes(m.incidentId));
      if (got.length === 0) break;
      mine.push(...got);
    }
    const key = (m: SlaMilestone) => `${m.incidentId}/${m.timer}/${m.kind}`;
    expect(new Set(mine.map(key)).size).toBe(mine.length);
    expect(mine.map(key).sort()).toEqual(ids.flatMap((id) => [`${id}/resolution/warning`, `${id}/response/breach`]).sort());
    for (const m of mine) {
      if (m.kind === 'breach') expect(m.percent).toBeGreaterThanOrEqual(1400);
      else expect(m.percent).toBeGreaterThanOrEqual(87.5);
    }
    expect((await claim()).filter((m) => ids.includes(m.incidentId))).toEqual([]);
    const rows = await timers(ids[0]);
    expect(rows.response).toMatchObject({ status: 'breached' });
    expect(rows.response.breach_raised_at).not.toBeNull();
    expect(rows.response.warning_raised_at).not.toBeNull();
    expect(rows.resolution.breach_raised_at).toBeNull();

    // The next write of the incident sets its breached flag from the timers.
    const patched = await as(t, people().agent).patch(`/incidents/${ids[0]}`, { description: '再起動しても直らない' });
    expect(patched.body).toMatchObject({ responseBreached: true, resolutionBreached: false });
  });

  it('the watch raises a breach once: the incident flagged, its event published', async () => {
    const inc = await open({ impact: 1, urgency: 2 });
    await t.dataSource.query(
      `UPDATE sla_timer SET started_at = started_at - interval '9 hours', due_at = due_at - interval '9 hours',
              warning_at = warning_at - interval '9 hours' WHERE incident_id = $1`,
      [inc.id],
    );
    const watch = t.app.get(IncidentSlaWatchService);
    const breachesBefore = await breachCount();
    const now = new Date();
    const [a, b] = await Promise.all([watch.tick(now), watch.tick(now)]);
    expect(a.milestones + b.milestones).toBe(2);
    // Prometheus counts each breach once too: response and resolution of this P2.
    expect(await breachCount()).toEqual({ response: breachesBefore.response + 1, resolution: breachesBefore.resolution + 1 });
    const view = await as(t, people().agent).get(`/incidents/${inc.id}`);
    expect(view.body).toMatchObject({ responseBreached: true, resolutionBreached: true });
    expect(view.body.sla.map((s: { status: string }) => s.status)).toEqual(['breached', 'breached']);
    await waitFor(
      () =>
        recorder
          .values<{ type: string; aggregateId: string }>(Topics.incident)
          .filter((e) => e.type === IncidentSlaBreached.type && e.aggregateId === inc.id).length === 2,
      { timeoutMs: 20_000, description: 'two incident.sla-breached events' },
    );
  });

  async function breachCount(): Promise<{ response: number; resolution: number }> {
    const metric = t.app.get(MetricsRegistry).registry.getSingleMetric('incident_sla_breaches_total');
    const values = (await metric!.get()).values.filter((v) => v.labels.priority === '2');
    const of = (target: string) => values.find((v) => v.labels.target === target)?.value ?? 0;
    return { response: of('response'), resolution: of('resolution') };
  }
});
