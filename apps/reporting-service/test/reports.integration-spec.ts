import { randomUUID } from 'node:crypto';
import {
  IncidentSnapshot,
  KnowledgeArticleSnapshot,
  KnowledgeArticleViewed,
  KnowledgeDeflectionRecorded,
  KnowledgeHelpSessionStarted,
} from '@helpdesk/contracts';
import { waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { as, incident, ReportingTestApp, startReportingService } from './support/reporting-test-app';

/**
 * The reports over incidents and help sessions published through Kafka, against hand-computed figures.
 * Everything happens in one Tokyo week (Monday B to Monday B + 7 d) picked at random in the late 1990s, so
 * that incidents other suites may publish on the same broker (dated now, or imported history) neither fall
 * in it nor are open before it.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const WEEK_INDEX = Math.floor(Math.random() * 250);
const B = Date.parse('1995-01-02T00:00:00+09:00') + WEEK_INDEX * 7 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
/** The Tokyo date n days after B. */
const day = (n: number) => iso(B + n * DAY + 9 * HOUR).slice(0, 10);
const WEEK = `from=${day(0)}&to=${day(7)}`;

/** Long enough for the first look to see views still pending on a busy machine, short enough to wait out. */
const DEFLECTION_WINDOW_MS = 10_000;

const SD = { assignmentGroupId: 'sd', assignmentGroupName: 'サービスデスク', assignmentGroupTier: 1 };
const NET = { assignmentGroupId: 'net', assignmentGroupName: 'ネットワーク', assignmentGroupTier: 2 };
const SUZUKI = { assigneeId: 'agent-suzuki', assigneeName: '鈴木 一郎' };
const TANAKA = { assigneeId: 'agent-tanaka', assigneeName: '田中 次郎' };

type Sla = NonNullable<IncidentSnapshot['sla']>;
const sla = (s: Partial<Sla>): Sla => ({
  policyPriority: 3,
  calendarId: 'business',
  responseDueAt: null,
  resolutionDueAt: null,
  responseMetAt: null,
  responseBreached: false,
  resolutionBreached: false,
  resolutionElapsedBusinessMs: null,
  ...s,
});

describe('reports (real PostgreSQL and Kafka)', () => {
  let t: ReportingTestApp;
  let viewsPublishedAt = 0;
  const finalVersions = new Map<string, number>();
  const sessions = {
    click: randomUUID(),
    quiet: randomUUID(),
    followed: randomUUID(),
    earlierIncident: randomUUID(),
    noView: randomUUID(),
    staff: randomUUID(),
    viewOnly: randomUUID(),
    outside: randomUUID(),
    searchOnly: randomUUID(),
  };

  const get = (path: string) => as(t, t.people.supervisor).get(path);

  async function publish(type: Parameters<ReportingTestApp['incidentEvent']>[0], s: IncidentSnapshot, detail?: object) {
    finalVersions.set(s.id, Math.max(finalVersions.get(s.id) ?? 0, s.version));
    await t.incidentEvent(type, s, detail);
  }

  /** Help sessions, their views (now: the envelope's time) and a deflection click, and two employees' incidents. */
  async function publishHelpSessions() {
    const started = iso(B + 2 * DAY + 5 * HOUR);
    const users = Object.fromEntries(Object.keys(sessions).map((k) => [k, randomUUID()])) as Record<
      keyof typeof sessions,
      string
    >;
    const start = (key: keyof typeof sessions, overrides: { userIsStaff?: boolean; startedAt?: string } = {}) =>
      t.publisher.publish(KnowledgeHelpSessionStarted, sessions[key], {
        sessionId: sessions[key],
        userId: users[key],
        userIsStaff: overrides.userIsStaff ?? false,
        channel: 'portal',
        query: 'VPN に接続できない',
        startedAt: overrides.startedAt ?? started,
      });
    const view = async (key: keyof typeof sessions, source: 'suggestion' | 'search' = 'suggestion', staff = false) => {
      const envelope = await t.publisher.publish(KnowledgeArticleViewed, ARTICLE.id, {
        article: ARTICLE,
        detail: { viewerId: users[key], viewerIsStaff: staff, source, sessionId: sessions[key] },
      });
      return Date.parse(envelope.occurredAt);
    };
    for (const key of ['click', 'quiet', 'followed', 'earlierIncident', 'noView', 'searchOnly'] as const) await start(key);
    await start('staff', { userIsStaff: true });
    await start('outside', { startedAt: iso(B - 2 * DAY) });
    const viewed = {
      click: await view('click'),
      quiet: await view('quiet'),
      followed: await view('followed'),
      earlierIncident: await view('earlierIncident'),
      staff: await view('staff', 'suggestion', true),
      viewOnly: await view('viewOnly'),
      outside: await view('outside'),
      searchOnly: await view('searchOnly', 'search'),
    };
    viewsPublishedAt = Math.min(...Object.values(viewed));
    await t.publisher.publish(KnowledgeDeflectionRecorded, ARTICLE.id, {
      article: ARTICLE,
      detail: {
        deflectionId: randomUUID(),
        userId: users.click,
        userIsStaff: false,
        sessionId: sessions.click,
        query: 'VPN',
        source: 'suggestion',
        deflectedAt: iso(viewed.click + 1000),
      },
    });
    // Within the window after the view: the session was not deflected. An hour before it: irrelevant.
    await publish(
      'created',
      incident({ callerId: users.followed, openedById: users.followed, openedAt: iso(viewed.followed + 1000) }),
    );
    await publish(
      'created',
      incident({
        callerId: users.earlierIncident,
        openedById: users.earlierIncident,
        openedAt: iso(viewed.earlierIncident - HOUR),
      }),
    );
  }

  /** The week's incidents (I1-I8), event by event; figures below are computed from these by hand. */
  async function publishIncidents() {
    const at = (hours: number) => iso(B + hours * HOUR);
    // I1: a phone call logged by Suzuki, resolved by him in 20 min: first-contact and first-level; CSAT 5.
    // Opened at 01:00 Monday in Tokyo, which is still Sunday in UTC.
    const i1 = incident({
      ...SD,
      ...SUZUKI,
      channel: 'phone',
      category: 'access',
      priority: 3,
      ciId: null,
      openedById: SUZUKI.assigneeId,
      firstContactClaimed: true,
      openedAt: at(1),
      firstResponseAt: iso(B + HOUR + 5 * MINUTE),
      state: 'assigned',
      sla: sla({ responseMetAt: iso(B + HOUR + 5 * MINUTE) }),
    });
    const i1Resolved = {
      ...i1,
      version: 2,
      state: 'resolved',
      resolvedById: SUZUKI.assigneeId,
      resolvedAt: iso(B + HOUR + 20 * MINUTE),
      sla: sla({ responseMetAt: i1.firstResponseAt, resolutionElapsedBusinessMs: 20 * MINUTE }),
    };
    await publish('created', i1);
    await publish('resolved', i1Resolved, { firstContact: true });
    const i1Closed = { ...i1Resolved, version: 3, state: 'closed', closedAt: at(48) };
    await publish('closed', i1Closed, { automatic: true });
    await publish('satisfaction-recorded', i1Closed, { rating: 5, comment: 'とても助かりました' });

    // I2: from the portal, reassigned to the network team (tier 2), resolved in 4 h, resolution target missed.
    const i2 = incident({ ...SD, channel: 'portal', category: 'network', priority: 2, ciId: 'CI-1', openedAt: at(10) });
    await publish('created', i2);
    const i2Net = { ...i2, ...NET, ...TANAKA, version: 2, state: 'assigned', reassignmentCount: 1 };
    await publish('reassigned', i2Net, { fromGroupId: 'sd', fromAssigneeId: null });
    await publish('resolved', {
      ...i2Net,
      version: 3,
      state: 'resolved',
      resolvedById: TANAKA.assigneeId,
      firstResponseAt: at(10.5),
      resolvedAt: at(14),
      sla: sla({ responseMetAt: at(10.5), resolutionBreached: true, resolutionElapsedBusinessMs: 3 * HOUR }),
    });

    // I3: a chat, resolved, reopened, resolved, reopened, resolved: one resolution (the last, 6 h), reopened;
    // the second survey answer (4) replaces the first (2).
    const i3 = incident({
      ...SD,
      ...SUZUKI,
      channel: 'chat',
      category: 'email',
      priority: 4,
      firstContactClaimed: true,
      openedAt: at(26),
      firstResponseAt: iso(B + 26 * HOUR + 10 * MINUTE),
      sla: sla({ responseMetAt: iso(B + 26 * HOUR + 10 * MINUTE) }),
    });
    const resolved3 = (version: number, hours: number, reopens: number) => ({
      ...i3,
      version,
      state: 'resolved',
      resolvedById: SUZUKI.assigneeId,
      resolvedAt: at(26 + hours),
      reopenCount: reopens,
      sla: sla({ responseMetAt: i3.firstResponseAt, resolutionElapsedBusinessMs: hours * HOUR }),
    });
    const reopened3 = (version: number, reopens: number) => ({ ...i3, version, state: 'in_progress', reopenCount: reopens });
    await publish('created', i3);
    await publish('resolved', resolved3(2, 1, 0));
    await publish('satisfaction-recorded', resolved3(2, 1, 0), { rating: 2, comment: null });
    await publish('reopened', reopened3(3, 1), { reason: 'まだ送れない' });
    await publish('resolved', resolved3(4, 3, 1));
    await publish('reopened', reopened3(5, 2), { reason: null });
    await publish('resolved', resolved3(6, 6, 2));
    await publish('satisfaction-recorded', resolved3(6, 6, 2), { rating: 4, comment: null });

    // I4: cancelled two hours after opening: counted as opened and cancelled, in nothing else.
    const i4 = incident({ ...NET, channel: 'portal', category: 'network', priority: 3, openedAt: at(49), sla: sla({}) });
    await publish('created', i4);
    await publish(
      'cancelled',
      { ...i4, version: 2, state: 'cancelled', cancelReason: 'duplicate', cancelledAt: at(51) },
      {
        reason: 'duplicate',
      },
    );

    // I5: hardware (not resolvable at first level), P1, response target breached, still open at the end.
    await publish(
      'created',
      incident({
        ...NET,
        channel: 'email',
        category: 'hardware',
        categoryFirstLevelResolvable: false,
        priority: 1,
        ciId: 'CI-2',
        state: 'assigned',
        openedAt: at(84),
        sla: sla({ responseBreached: true }),
      }),
    );

    // I6: opened 40 days earlier, on hold ever since.
    const i6 = incident({ ...SD, category: 'access', priority: 5, openedAt: at(-40 * 24) });
    await publish('created', i6);
    await publish(
      'state-changed',
      { ...i6, version: 2, state: 'on_hold', holdReason: 'awaiting_user' },
      {
        from: 'new',
        to: 'on_hold',
        action: 'hold',
      },
    );

    // I7: opened two days before the week by Tanaka on the phone, resolved by him on Friday (145 h).
    const i7 = incident({
      ...SD,
      ...TANAKA,
      channel: 'phone',
      category: 'access',
      priority: 3,
      openedById: TANAKA.assigneeId,
      openedAt: at(-48),
      firstResponseAt: at(-47),
      sla: sla({ responseMetAt: at(-47) }),
    });
    await publish('created', i7);
    await publish('resolved', {
      ...i7,
      version: 2,
      state: 'resolved',
      resolvedById: TANAKA.assigneeId,
      resolvedAt: at(97),
      sla: sla({ responseMetAt: at(-47), resolutionElapsedBusinessMs: 20 * HOUR }),
    });

    // I8: imported history (no survey, no assignee), resolved in 2 h, the source's SLA verdict: met.
    await publish(
      'created',
      incident({
        ...SD,
        channel: 'phone',
        category: 'access',
        priority: 3,
        source: 'servicenow',
        state: 'closed',
        openedAt: at(121),
        resolvedAt: at(123),
        closedAt: at(130),
        resolvedById: 'agent-import',
        openedById: 'agent-import',
        sourceRecord: {
          system: 'servicenow',
          externalKey: `servicenow:INC${WEEK_INDEX}`,
          reassignmentCount: 0,
          reopenCount: 0,
          resolutionSlaMet: true,
          resolvedAt: at(123),
        },
      }),
    );
  }

  beforeAll(async () => {
    t = await startReportingService('reports', { DEFLECTION_WINDOW: `${DEFLECTION_WINDOW_MS / 1000}s` });
    await publishHelpSessions();
    await publishIncidents();
    await waitFor(
      async () => {
        const facts: Array<{ incident_id: string; incident_version: number; csat_rating: number | null }> =
          await t.dataSource.query(
            `SELECT incident_id, incident_version, csat_rating FROM incident_fact WHERE incident_id = ANY($1)`,
            [[...finalVersions.keys()]],
          );
        const help: Array<{ session_id: string; started: boolean; viewed: boolean; clicked: boolean }> = await t.dataSource.query(
          `SELECT session_id, started_at IS NOT NULL AS started, last_suggestion_view_at IS NOT NULL AS viewed,
                  deflected_at IS NOT NULL AS clicked
             FROM help_session_fact WHERE session_id = ANY($1)`,
          [Object.values(sessions)],
        );
        const views: Array<{ n: number }> = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM kb_view_fact WHERE article_id = $1`,
          [ARTICLE.id],
        );
        const session = (key: keyof typeof sessions) => help.find((h) => h.session_id === sessions[key]);
        const expected: Record<keyof typeof sessions, [boolean, boolean, boolean]> = {
          click: [true, true, true],
          quiet: [true, true, false],
          followed: [true, true, false],
          earlierIncident: [true, true, false],
          noView: [true, false, false],
          staff: [true, false, false],
          viewOnly: [false, true, false],
          outside: [true, true, false],
          searchOnly: [true, false, false],
        };
        return (
          facts.length === finalVersions.size &&
          facts.every((f) => f.incident_version === finalVersions.get(f.incident_id)) &&
          facts.filter((f) => f.csat_rating !== null).length === 2 &&
          facts.some((f) => f.csat_rating === 4) &&
          views[0].n === 8 &&
          (Object.keys(expected) as Array<keyof typeof sessions>).every((key) => {
            const s = session(key);
            return s && s.started === expected[key][0] && s.viewed === expected[key][1] && s.clicked === expected[key][2];
          })
        );
      },
      { timeoutMs: 30_000, description: 'the incidents and help sessions in the read models' },
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('deflection: a click deflects at once; a quiet view is pending until the window has passed', async () => {
    const res = await get(`/reports/deflection?${WEEK}`);
    expect(Date.now()).toBeLessThan(viewsPublishedAt + DEFLECTION_WINDOW_MS);
    expect(res.status).toBe(200);
    // Employees' sessions started in the week: click, quiet, followed, earlierIncident, noView, searchOnly.
    expect(res.body.total).toEqual({ sessions: 6, deflected: 1, byClick: 1, byNoIncident: 0, pending: 2, rate: 1 / 6 });
  });

  it('MTTR: resolutions in the week, reopened once at its last resolution, cancelled left out; median and p90', async () => {
    const res = await get(`/reports/mttr?${WEEK}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      report: 'mttr',
      from: iso(B),
      to: iso(B + 7 * DAY),
      groupBy: null,
      timeZone: 'Asia/Tokyo',
      rows: [],
    });
    // Calendar hours: I1 1/3, I8 2, I2 4, I3 6, I7 145. Business: I1 1/3, I2 3, I3 6, I7 20 (I8 has none).
    const total = res.body.total;
    expect(total.count).toBe(5);
    expect(total.meanHours).toBeCloseTo((1 / 3 + 2 + 4 + 6 + 145) / 5, 9);
    expect(total.medianHours).toBeCloseTo(4, 9);
    expect(total.p90Hours).toBeCloseTo(6 + 0.6 * 139, 9);
    expect(total.businessCount).toBe(4);
    expect(total.businessMeanHours).toBeCloseTo((1 / 3 + 3 + 6 + 20) / 4, 9);
    expect(total.businessMedianHours).toBeCloseTo(4.5, 9);
    expect(total.businessP90Hours).toBeCloseTo(6 + 0.7 * 14, 9);
  });

  it('MTTR by agent: most first, then by id; incidents without an assignee under the null key', async () => {
    const res = await get(`/reports/mttr?${WEEK}&groupBy=agent`);
    expect(
      res.body.rows.map((r: { key: string | null; label: string | null; count: number }) => [r.key, r.label, r.count]),
    ).toEqual([
      ['agent-suzuki', '鈴木 一郎', 2],
      ['agent-tanaka', '田中 次郎', 2],
      [null, null, 1],
    ]);
    expect(res.body.rows[1].meanHours).toBeCloseTo((4 + 145) / 2, 9);
  });

  it('MTTA, FCR, FLR, SLA, reopen and CSAT over the week', async () => {
    const [mtta, fcr, flr, slaRes, reopen, csat] = await Promise.all(
      ['mtta', 'fcr', 'flr', 'sla', 'reopen', 'csat'].map((r) => get(`/reports/${r}?${WEEK}`)),
    );
    // First responses in the week: I1 5 min, I3 10 min, I2 30 min (I7's was before it).
    expect(mtta.body.total).toEqual({
      count: 3,
      meanMinutes: expect.closeTo(15, 9),
      medianMinutes: expect.closeTo(10, 9),
      p90Minutes: expect.closeTo(26, 9),
    });
    // Opened in the week: I1-I5 and I8 (the cancelled one too); first contact: I1 only; net leaves out I5's
    // hardware; I1 and I3 were ticked, I3's tick is not honoured (reopened).
    expect(fcr.body.total).toEqual({
      opened: 6,
      firstContactResolved: 1,
      grossRate: 1 / 6,
      netOpened: 5,
      netFirstContactResolved: 1,
      netRate: 0.2,
      claimed: 2,
      claimedHonoured: 1,
    });
    // Resolved in the week: I1, I2, I3, I7, I8; first level: I1, I7, I8 (I2 tier 2, I3 reopened).
    expect(flr.body.total).toEqual({ resolved: 5, firstLevelResolved: 3, rate: 0.6 });
    // Resolution: I2 missed; response (opened in the week): I1, I2, I3 met, I5 breached; I4 and I8 unsettled.
    expect(slaRes.body.total).toEqual({
      resolutionCount: 5,
      resolutionMet: 4,
      resolutionRate: 0.8,
      responseCount: 4,
      responseMet: 3,
      responseRate: 0.75,
    });
    expect(reopen.body.total).toEqual({ resolved: 5, reopened: 1, rate: 0.2 });
    // Live ones only (I8 is imported): I1 answered 5, I3 answered 4 (its latest answer).
    expect(csat.body.total).toEqual({ resolved: 4, responses: 2, responseRate: 0.5, meanRating: 4.5 });
  });

  it('volume by day in Asia/Tokyo, every day of the week, and in UTC across midnight', async () => {
    const tokyo = await get(`/reports/volume?${WEEK}&groupBy=day`);
    expect(tokyo.body.total).toEqual({ opened: 6, resolved: 5, cancelled: 1 });
    expect(tokyo.body.rows).toEqual([
      { key: day(0), label: day(0), opened: 2, resolved: 2, cancelled: 0 },
      { key: day(1), label: day(1), opened: 1, resolved: 1, cancelled: 0 },
      { key: day(2), label: day(2), opened: 1, resolved: 0, cancelled: 1 },
      { key: day(3), label: day(3), opened: 1, resolved: 0, cancelled: 0 },
      { key: day(4), label: day(4), opened: 0, resolved: 1, cancelled: 0 },
      { key: day(5), label: day(5), opened: 1, resolved: 1, cancelled: 0 },
      { key: day(6), label: day(6), opened: 0, resolved: 0, cancelled: 0 },
    ]);
    // The same instants cut in UTC: I1 (Monday 01:00 in Tokyo) falls on Sunday, the first bucket.
    const utc = await get(`/reports/volume?from=${iso(B)}&to=${iso(B + 7 * DAY)}&groupBy=day&timeZone=UTC`);
    expect(utc.body.timeZone).toBe('UTC');
    expect(utc.body.rows).toHaveLength(8);
    expect(utc.body.rows[0]).toEqual({ key: day(-1), label: day(-1), opened: 1, resolved: 1, cancelled: 0 });
    // Monday in UTC: I2 (10:00 in Tokyo) and I3 (Tuesday 02:00 in Tokyo), opened and resolved.
    expect(utc.body.rows[1]).toEqual({ key: day(0), label: day(0), opened: 2, resolved: 2, cancelled: 0 });
    expect(utc.body.total).toEqual(tokyo.body.total);
  });

  it('filters by priority and group', async () => {
    const p3 = await get(`/reports/volume?${WEEK}&priority=3`);
    expect(p3.body.total).toEqual({ opened: 3, resolved: 3, cancelled: 1 });
    const sd = await get(`/reports/flr?${WEEK}&group=sd`);
    expect(sd.body.total).toEqual({ resolved: 4, firstLevelResolved: 3, rate: 0.75 });
  });

  it('backlog at the end of the week by priority (default), and at the end of each day with age buckets', async () => {
    const byPriority = await get(`/reports/backlog?${WEEK}`);
    expect(byPriority.body.groupBy).toBe('priority');
    const asOf = iso(B + 7 * DAY);
    expect(byPriority.body.total).toEqual({ open: 2, under1d: 0, d1to3: 0, d3to7: 1, d7to30: 0, over30: 1, asOf });
    expect(byPriority.body.rows).toEqual([
      { key: '1', label: '1', open: 1, under1d: 0, d1to3: 0, d3to7: 1, d7to30: 0, over30: 0, asOf },
      { key: '5', label: '5', open: 1, under1d: 0, d1to3: 0, d3to7: 0, d7to30: 0, over30: 1, asOf },
    ]);

    const byDay = await get(`/reports/backlog?${WEEK}&groupBy=day`);
    const ages = (r: Record<string, number>) => [r.open, r.under1d, r.d1to3, r.d3to7, r.d7to30, r.over30];
    // I6 (40 days old) throughout; I7 until Friday (exactly 3 days old at the end of Monday: 3-7 d); I5 from Thursday.
    expect(byDay.body.rows.map((r: Record<string, number>) => [r.key, ...ages(r), r.asOf])).toEqual([
      [day(0), 2, 0, 0, 1, 0, 1, iso(B + DAY)],
      [day(1), 2, 0, 0, 1, 0, 1, iso(B + 2 * DAY)],
      [day(2), 2, 0, 0, 1, 0, 1, iso(B + 3 * DAY)],
      [day(3), 3, 1, 0, 1, 0, 1, iso(B + 4 * DAY)],
      [day(4), 2, 0, 1, 0, 0, 1, iso(B + 5 * DAY)],
      [day(5), 2, 0, 1, 0, 0, 1, iso(B + 6 * DAY)],
      [day(6), 2, 0, 0, 1, 0, 1, iso(B + 7 * DAY)],
    ]);
    expect(byDay.body.total).toEqual(byPriority.body.total);
  });

  it('summary: every report in one object, without rows', async () => {
    const res = await get(`/reports/summary?${WEEK}`);
    expect(res.body.rows).toEqual([]);
    expect(res.body.total).toMatchObject({
      volumeOpened: 6,
      volumeCancelled: 1,
      mttrCount: 5,
      mttrMedianHours: expect.closeTo(4, 9),
      mttaCount: 3,
      fcrGrossRate: 1 / 6,
      flrRate: 0.6,
      slaResponseRate: 0.75,
      reopenReopened: 1,
      backlogOpen: 2,
      backlogOver30: 1,
      csatMeanRating: 4.5,
      deflectionSessions: 6,
      deflectionByClick: 1,
    });
    const sd = await get(`/reports/summary?${WEEK}&group=sd`);
    expect(sd.body.total).toMatchObject({ flrResolved: 4, deflectionSessions: null, deflectionRate: null });
  });

  it('CSV: header, rows and total, Japanese group names intact, named after the report and the period', async () => {
    const res = await get(`/reports/flr?${WEEK}&groupBy=group&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="flr-${day(0)}-${day(7)}.csv"`);
    expect(res.text).toBe(
      '\uFEFFkey,label,resolved,firstLevelResolved,rate\r\n' +
        'sd,サービスデスク,4,3,0.75\r\n' +
        'net,ネットワーク,1,0,0\r\n' +
        'total,,5,3,0.6\r\n',
    );
    const token = await t.bearer(t.people.admin);
    const byAccept = await request(t.http)
      .get(`${t.apiPrefix}/reports/volume?${WEEK}`)
      .set('Authorization', token)
      .set('Accept', 'text/csv');
    expect(byAccept.text.split('\r\n')).toEqual(['\uFEFFkey,label,opened,resolved,cancelled', 'total,,6,5,1', '']);
  });

  it('refuses employees and agents (403) and requests without a token (401)', async () => {
    expect((await as(t, t.people.employee).get(`/reports/mttr?${WEEK}`)).status).toBe(403);
    expect((await as(t, t.people.agent).get(`/reports/summary`)).status).toBe(403);
    expect((await request(t.http).get(`${t.apiPrefix}/reports/backlog`)).status).toBe(401);
    expect((await as(t, t.people.admin).get(`/reports/backlog`)).status).toBe(200);
  });

  it('answers bad input with 400 and one detail per field', async () => {
    const bad = await get(`/reports/mttr?from=${day(7)}&to=${day(0)}&groupBy=hour&priority=9&colour=red`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['colour', 'groupBy', 'priority']);
    const order = await get(`/reports/mttr?from=${day(7)}&to=${day(0)}`);
    expect(order.body.details).toEqual([{ field: 'from', reason: expect.stringContaining('before to') }]);
    const buckets = await get(`/reports/volume?from=2020-01-01&to=2025-01-01&groupBy=day`);
    expect(buckets.body.details).toEqual([{ field: 'groupBy', reason: expect.stringContaining('1000') }]);
  });

  it('deflection once the window has passed: quiet views deflect, a view followed by an incident does not', async () => {
    const wait = viewsPublishedAt + DEFLECTION_WINDOW_MS + 500 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const res = await get(`/reports/deflection?${WEEK}&groupBy=day`);
    expect(res.body.total).toEqual({ sessions: 6, deflected: 3, byClick: 1, byNoIncident: 2, pending: 0, rate: 0.5 });
    expect(res.body.rows).toHaveLength(7);
    expect(res.body.rows[2]).toEqual({ key: day(2), label: day(2), ...res.body.total });
    expect(res.body.rows[0]).toEqual({
      key: day(0),
      label: day(0),
      sessions: 0,
      deflected: 0,
      byClick: 0,
      byNoIncident: 0,
      pending: 0,
      rate: null,
    });
  });
});

const ARTICLE: KnowledgeArticleSnapshot = {
  id: randomUUID(),
  number: 'KB0001234',
  version: 1,
  state: 'published',
  language: 'ja',
  translationOf: null,
  title: 'VPN に接続できないとき',
  categoryId: null,
  categoryCode: 'network.vpn',
  tags: ['vpn'],
  audience: 'employees',
  relatedCiIds: [],
  incidentCategories: ['network.vpn'],
  sourceType: 'manual',
  sourceId: null,
  authorId: randomUUID(),
  viewCount: 1,
  helpfulCount: 0,
  notHelpfulCount: 0,
  deflectionCount: 0,
  publishedAt: new Date().toISOString(),
  retiredAt: null,
  updatedAt: new Date().toISOString(),
};
