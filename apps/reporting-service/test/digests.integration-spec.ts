import { randomUUID } from 'node:crypto';
import { IncidentSnapshot, Topics, WeeklyDigestPublishedPayload } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { WeeklyDigestScheduler } from '../src/digests/weekly-digest.scheduler';
import { as, incident, ReportingTestApp, startReportingService } from './support/reporting-test-app';

interface DigestItem {
  id: string;
  weekStart: string;
  timeZone: string;
  groupId: string | null;
  groupName: string | null;
  figures: Record<string, number | null>;
  csvPath: string;
  createdAt: string;
}

const WEEK = '2026-03-02'; // Monday; the week runs from 2026-03-01T15:00Z to 2026-03-08T15:00Z (Asia/Tokyo)
const at = (iso: string, hours = 0) => new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();
const sla = (resolutionBreached: boolean) => ({
  policyPriority: 3,
  calendarId: 'cal-1',
  responseDueAt: null,
  resolutionDueAt: null,
  responseMetAt: null,
  responseBreached: false,
  resolutionBreached,
  resolutionElapsedBusinessMs: null,
});

describe('weekly digests (real PostgreSQL and Kafka)', () => {
  let t: ReportingTestApp;
  let recorder: TopicRecorder;
  const desk = { assignmentGroupId: randomUUID(), assignmentGroupName: 'サービスデスク 東京 🗼', assignmentGroupTier: 1 };
  const network = { assignmentGroupId: randomUUID(), assignmentGroupName: 'ネットワーク', assignmentGroupTier: 2 };
  const ids: string[] = [];

  beforeAll(async () => {
    // The schedule would digest the real last week at start-up; the test drives it with its own clock.
    t = await startReportingService('digests', { DIGEST_SCHEDULE_ENABLED: 'false' });
    recorder = await new TopicRecorder([Topics.reportingDigest]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const ours = () =>
    recorder
      .values<{ type: string; aggregateId: string; payload: WeeklyDigestPublishedPayload }>(Topics.reportingDigest)
      .filter((e) => e?.type === 'reporting.weekly-digest-published' && ids.includes(e.aggregateId));

  /** Incident ids and the version their fact must reach. */
  const facts: Array<[string, number]> = [];

  async function resolvedIncident(overrides: Partial<IncidentSnapshot>, hours: number, rating?: number): Promise<void> {
    const opened = incident({ ...overrides, state: 'in_progress' });
    const resolved = {
      ...opened,
      version: 2,
      state: 'resolved',
      resolvedById: randomUUID(),
      resolvedAt: at(opened.openedAt, hours),
    };
    await t.incidentEvent('created', opened);
    await t.incidentEvent('resolved', resolved, { firstContact: false });
    if (rating) await t.incidentEvent('satisfaction-recorded', { ...resolved, version: 3 }, { rating, comment: null });
    facts.push([opened.id, rating ? 3 : 2]);
  }

  async function publishWeek(): Promise<void> {
    // The service desk: two resolutions (one within its SLA, one reopened and late), one still open.
    await resolvedIncident({ ...desk, openedAt: '2026-03-02T01:00:00.000Z', sla: sla(false) }, 2, 5);
    await resolvedIncident({ ...desk, openedAt: '2026-03-03T01:00:00.000Z', sla: sla(true), reopenCount: 1 }, 4, 3);
    const open = incident({ ...desk, openedAt: '2026-03-04T01:00:00.000Z', state: 'in_progress' });
    // Network (tier 2): one resolution without SLA verdict or survey answer. No group: one new incident.
    await resolvedIncident({ ...network, openedAt: '2026-03-05T01:00:00.000Z' }, 10);
    const unassigned = incident({ openedAt: '2026-03-06T01:00:00.000Z' });
    // The service desk the week after: not in this week's figures (nor in its backlog).
    const nextWeek = incident({ ...desk, openedAt: '2026-03-09T01:00:00.000Z' });
    for (const i of [open, unassigned, nextWeek]) {
      await t.incidentEvent('created', i);
      facts.push([i.id, 1]);
    }
    await waitFor(
      async () => {
        const rows: Array<{ id: string; v: number }> = await t.dataSource.query(
          `SELECT incident_id::text AS id, incident_version AS v FROM incident_fact`,
        );
        const versions = new Map(rows.map((r) => [r.id, r.v]));
        return facts.every(([id, v]) => versions.get(id) === v);
      },
      { timeoutMs: 60_000, description: 'the incident facts of the week' },
    );
  }

  it('makes one digest per group for a finished week, publishes each once with the right figures, and serves its CSV', async () => {
    await publishWeek();
    const admin = as(t, t.people.admin);

    // Two admins at once, then again: one makes them (201), the others get the same ones (200).
    const [first, second] = await Promise.all([
      admin.post('/reports/digests', { weekStart: WEEK }),
      admin.post('/reports/digests', { weekStart: WEEK }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    const made = first.status === 201 ? first.body : second.body;
    const items = made.items as DigestItem[];
    ids.push(...items.map((i) => i.id));
    expect(made).toMatchObject({ weekStart: WEEK, timeZone: 'Asia/Tokyo', created: true });
    expect((first.status === 201 ? second : first).body).toEqual({ ...made, created: false });

    const byGroup = new Map(items.map((i) => [i.groupId, i]));
    expect(items).toHaveLength(3);
    expect(byGroup.get(desk.assignmentGroupId)).toMatchObject({
      weekStart: WEEK,
      groupName: 'サービスデスク 東京 🗼',
      figures: {
        opened: 3,
        resolved: 2,
        backlogOpen: 1,
        mttrMeanHours: 3,
        mttrMedianHours: 3,
        mttrCount: 2,
        flrRate: 0.5,
        flrCount: 2,
        slaResolutionRate: 0.5,
        slaResolutionCount: 2,
        reopenRate: 0.5,
        csatMeanRating: 4,
        csatResponses: 2,
      },
    });
    expect(byGroup.get(network.assignmentGroupId)?.figures).toEqual({
      opened: 1,
      resolved: 1,
      backlogOpen: 0,
      mttrMeanHours: 10,
      mttrMedianHours: 10,
      mttrCount: 1,
      flrRate: 0,
      flrCount: 1,
      slaResolutionRate: null,
      slaResolutionCount: 0,
      reopenRate: 0,
      csatMeanRating: null,
      csatResponses: 0,
    });
    expect(byGroup.get(null)).toMatchObject({ groupName: null, figures: { opened: 1, resolved: 0, backlogOpen: 1 } });

    // Each published once, as returned.
    await waitFor(() => ours().length === 3, { timeoutMs: 30_000, description: 'the three digest events' });
    const again = await admin.post('/reports/digests', { weekStart: WEEK });
    expect(again.status).toBe(200);
    expect(again.body.items.map((i: DigestItem) => i.id).sort()).toEqual([...ids].sort());
    await new Promise((resolve) => setTimeout(resolve, 2000)); // several relay rounds
    const events = ours();
    expect(events).toHaveLength(3);
    for (const event of events) {
      const item = items.find((i) => i.id === event.aggregateId)!;
      expect(event.payload).toEqual({
        digestId: item.id,
        weekStart: WEEK,
        timeZone: 'Asia/Tokyo',
        groupId: item.groupId,
        groupName: item.groupName,
        figures: item.figures,
        csvPath: `/api/v1/reports/digests/${item.id}?format=csv`,
      });
    }

    // The CSV, with the Japanese name intact, by ?format=csv or by Accept.
    const deskDigest = byGroup.get(desk.assignmentGroupId)!;
    const supervisor = as(t, t.people.supervisor);
    const csv = await supervisor.get(deskDigest.csvPath.replace('/api/v1', ''));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="weekly-digest-${WEEK}-${desk.assignmentGroupId}.csv"`);
    expect(csv.text.split('\r\n')).toEqual([
      '\uFEFFweekStart,timeZone,groupId,groupName,opened,resolved,backlogOpen,mttrMeanHours,mttrMedianHours,mttrCount,' +
        'flrRate,flrCount,slaResolutionRate,slaResolutionCount,reopenRate,csatMeanRating,csatResponses',
      `${WEEK},Asia/Tokyo,${desk.assignmentGroupId},サービスデスク 東京 🗼,3,2,1,3,3,2,0.5,2,0.5,2,0.5,4,2`,
      '',
    ]);
    const byAccept = await request(t.http)
      .get(`/api/v1/reports/digests/${deskDigest.id}`)
      .set('Authorization', await t.bearer(t.people.admin))
      .set('Accept', 'text/csv');
    expect(byAccept.text).toBe(csv.text);
    const json = await supervisor.get(`/reports/digests/${deskDigest.id}`);
    expect(json.status).toBe(200);
    expect(json.body).toEqual(deskDigest);
  });

  it('lists digests by week and group, page by page', async () => {
    const supervisor = as(t, t.people.supervisor);
    const page1 = await supervisor.get(`/reports/digests?weekStart=${WEEK}&limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await supervisor.get(`/reports/digests?weekStart=${WEEK}&limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ nextCursor: null });
    const all = [...page1.body.items, ...page2.body.items].map((i: DigestItem) => i.id);
    expect(all.sort()).toEqual([...ids].sort());

    const desk1 = await supervisor.get(`/reports/digests?group=${desk.assignmentGroupId}`);
    expect(desk1.body.items.map((i: DigestItem) => [i.weekStart, i.groupName])).toEqual([[WEEK, 'サービスデスク 東京 🗼']]);
    const none = await supervisor.get(`/reports/digests?group=none&weekStart=${WEEK}`);
    expect(none.body.items.map((i: DigestItem) => i.groupId)).toEqual([null]);
    expect((await supervisor.get('/reports/digests?weekStart=2026-03-03')).body.details).toEqual([
      { field: 'weekStart', reason: 'weekStart must be a Monday as YYYY-MM-DD (e.g. 2026-03-02)' },
    ]);
  });

  it('digests the latest finished week on schedule, after the delay, and only once', async () => {
    const scheduler = t.app.get(WeeklyDigestScheduler);
    // Monday 2026-03-16 00:05 in Tokyo: within DIGEST_DELAY (15m) the week of 03-02 is still the latest, and done.
    expect(await scheduler.tick(new Date('2026-03-15T15:05:00.000Z'))).toBeNull();
    const made = await scheduler.tick(new Date('2026-03-15T15:20:00.000Z'));
    // The week of 03-09: the service desk opened one and still has two open; the group-less one is still open.
    expect(made).toEqual({ weekStart: '2026-03-09', created: 2 });
    expect(await scheduler.tick(new Date('2026-03-15T15:25:00.000Z'))).toBeNull();
    const listed = await as(t, t.people.admin).get('/reports/digests?weekStart=2026-03-09');
    expect(listed.body.items.map((i: DigestItem) => [i.groupId, i.figures.opened, i.figures.backlogOpen])).toEqual([
      [desk.assignmentGroupId, 1, 2],
      [null, 0, 1],
    ]);
    ids.push(...listed.body.items.map((i: DigestItem) => i.id));
    await waitFor(() => ours().length === 5, { timeoutMs: 30_000, description: 'the scheduled digests’ events' });
  });

  it('makes nothing for a week without incidents', async () => {
    const quiet = await as(t, t.people.admin).post('/reports/digests', { weekStart: '2026-02-02' });
    expect(quiet.status).toBe(200);
    expect(quiet.body).toEqual({ weekStart: '2026-02-02', timeZone: 'Asia/Tokyo', created: false, items: [] });
  });

  it('refuses a week that is not a finished Monday-to-Sunday, and anyone but admins and supervisors', async () => {
    const admin = as(t, t.people.admin);
    const tuesday = await admin.post('/reports/digests', { weekStart: '2026-03-03' });
    expect(tuesday.status).toBe(400);
    expect(tuesday.body.details).toEqual([
      { field: 'weekStart', reason: 'weekStart must be a Monday as YYYY-MM-DD (e.g. 2026-03-02)' },
    ]);
    expect((await admin.post('/reports/digests', {})).status).toBe(400);
    const farFuture = await admin.post('/reports/digests', { weekStart: '2099-01-05' });
    expect(farFuture.status).toBe(400);
    expect(farFuture.body.details).toEqual([{ field: 'weekStart', reason: 'must be the Monday of a week that has ended' }]);

    const [digest] = ids;
    expect((await as(t, t.people.supervisor).post('/reports/digests', { weekStart: WEEK })).status).toBe(403);
    expect((await as(t, t.people.agent).get('/reports/digests')).status).toBe(403);
    expect((await as(t, t.people.employee).get(`/reports/digests/${digest}?format=csv`)).status).toBe(403);
    expect((await request(t.http).get('/api/v1/reports/digests')).status).toBe(401);
    expect((await request(t.http).get(`/api/v1/reports/digests/${digest}`)).status).toBe(401);
    expect((await request(t.http).post('/api/v1/reports/digests').send({ weekStart: WEEK })).status).toBe(401);
    expect((await admin.get(`/reports/digests/${randomUUID()}`)).status).toBe(404);
    expect((await admin.get('/reports/digests/not-a-digest')).status).toBe(404);
  });

  it('documents the routes in the service OpenAPI document', async () => {
    const doc = (await request(t.http).get('/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/v1/reports/digests']).sort()).toEqual(['get', 'post']);
    const get = doc.paths['/api/v1/reports/digests/{id}'].get;
    expect(Object.keys(get.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(doc.components.schemas.WeeklyDigestFiguresDto.required).toContain('csatMeanRating');
  });
});
