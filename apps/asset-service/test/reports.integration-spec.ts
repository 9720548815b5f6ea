import { randomUUID } from 'node:crypto';
import { Topics, UserSnapshot, UserUpdated } from '@helpdesk/contracts';
import { parseCsv } from '@helpdesk/csv';
import { TestPrincipal, waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { calendarToday, addDays } from '../src/reports/calendar-day';
import { as, AssetTestApp, incident, startAssetService, TestPerson } from './support/asset-test-app';
import { changeCi, consumedAll, DAY_MS, moveCiNumbersAway, seedCi } from './reports.fixtures';

const BOM = '\uFEFF';

/** The rows of a CSV body (header first), read back with the shared RFC 4180 parser. */
function csvRows(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = parseCsv(text);
  expect(parsed.problems).toEqual([]);
  const header = parsed.header!;
  return [header, ...parsed.records.map((r) => header.map((h) => r.values[h]))];
}

const supervisor: TestPrincipal = { id: randomUUID(), email: 'sv@example.com', name: 'Supervisor', roles: ['supervisor'] };
const problemManager: TestPrincipal = { id: randomUUID(), email: 'pm@example.com', name: 'PM', roles: ['problem_manager'] };

describe('asset reports (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;

  beforeAll(async () => {
    t = await startAssetService('reports');
    await moveCiNumbersAway(t);
  });
  afterAll(async () => t?.close());

  const csvOf = async (path: string, who: TestPrincipal = t.people.assetManager, accept = false) => {
    const r = request(t.http)
      .get(`${t.apiPrefix}${path}`)
      .set('Authorization', await t.bearer(who));
    const res = await (accept ? r.set('Accept', 'text/csv') : r);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    return csvRows(res.text);
  };

  it('lists hardware whose warranty ends within N days, soonest first, in pages and as CSV', async () => {
    const today = calendarToday('Asia/Tokyo');
    const hw = (name: string, days: number, extra: object = {}) =>
      seedCi(t, { type: 'laptop', name, warrantyEnd: addDays(today, days), state: 'deployed', ...extra });
    const endsToday = await hw('Ends today', 0, { type: 'server' });
    const in10 = await hw('ThinkPad "X1", 山田さん用 🌸', 10, { assignedToName: '山田 花子 🌸', department: '営業部' });
    const in30 = await hw('Ends in 30', 30, { type: 'monitor', state: 'in_repair' });
    const mine = new Set([endsToday.id, in10.id, in30.id]);
    await hw('Ends in 31', 31);
    await hw('Ended yesterday', -1);
    await hw('Retired', 5, { state: 'retired' });
    await hw('Disposed', 5, { state: 'disposed' });
    await hw('Software', 5, { type: 'software_product' });
    await seedCi(t, { type: 'laptop', name: 'No warranty' });

    const manager = as(t, t.people.assetManager);
    const report = await manager.get('/assets/reports/warranties?days=30');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ days: 30, from: today, to: addDays(today, 30), nextCursor: null });
    expect(report.body.items.map((i: { id: string }) => i.id)).toEqual([endsToday.id, in10.id, in30.id]);
    expect(report.body.items[1]).toEqual({
      id: in10.id,
      number: in10.number,
      name: 'ThinkPad "X1", 山田さん用 🌸',
      type: 'laptop',
      state: 'deployed',
      manufacturer: null,
      model: null,
      serialNumber: null,
      assetTag: null,
      warrantyEnd: addDays(today, 10),
      daysLeft: 10,
      location: null,
      assignedToId: null,
      assignedToName: '山田 花子 🌸',
      department: '営業部',
    });
    expect(report.body.items[0].daysLeft).toBe(0);
    // Default 30 days; fewer days, fewer CIs.
    expect((await manager.get('/assets/reports/warranties')).body.items).toHaveLength(3);
    expect((await manager.get('/assets/reports/warranties?days=9')).body.items.map((i: { id: string }) => i.id)).toEqual([
      endsToday.id,
    ]);

    const first = await manager.get('/assets/reports/warranties?days=30&limit=2');
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([endsToday.id, in10.id]);
    const second = await manager.get(`/assets/reports/warranties?days=30&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ id: in30.id }], nextCursor: null });

    for (const accept of [false, true]) {
      const rows = await csvOf(
        accept ? '/assets/reports/warranties?days=30&limit=1' : '/assets/reports/warranties?days=30&format=csv',
        undefined,
        accept,
      );
      expect(rows[0]).toEqual([
        'number',
        'name',
        'type',
        'state',
        'manufacturer',
        'model',
        'serialNumber',
        'assetTag',
        'warrantyEnd',
        'daysLeft',
        'location',
        'assignedToName',
        'department',
      ]);
      // Every row, whatever the page size.
      expect(rows.slice(1).map((r) => r[0])).toEqual([endsToday.number, in10.number, in30.number]);
      expect(rows[2]).toEqual([
        in10.number,
        'ThinkPad "X1", 山田さん用 🌸',
        'laptop',
        'deployed',
        '',
        '',
        '',
        '',
        addDays(today, 10),
        '10',
        '',
        '山田 花子 🌸',
        '営業部',
      ]);
    }
    expect(mine.size).toBe(3);

    const bad = await manager.get('/assets/reports/warranties?days=-1&format=xml');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['days', 'format']);
    const forged = Buffer.from(JSON.stringify({ warrantyEnd: '2025-02-30', id: randomUUID() })).toString('base64url');
    const badCursor = await manager.get(`/assets/reports/warranties?cursor=${forged}`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.details).toEqual([{ field: 'cursor', reason: 'cursor must be a nextCursor returned by this list' }]);
  });

  it('counts CIs in use per user, department and location with a breakdown by type', async () => {
    const tag = randomUUID().slice(0, 8);
    const agent = t.people.agent;
    const ghost = randomUUID();
    const dept = `開発部-${tag}`;
    const loc = `東京本社 ${tag}`;
    const a = {
      assignedToId: agent.id,
      assignedToName: 'stale name',
      department: dept,
      location: loc,
      state: 'deployed' as const,
    };
    await seedCi(t, { type: 'laptop', ...a });
    await seedCi(t, { type: 'monitor', ...a });
    await seedCi(t, { type: 'monitor', ...a, location: null });
    await seedCi(t, { type: 'laptop', ...a, state: 'retired' });
    await seedCi(t, {
      type: 'phone',
      assignedToId: ghost,
      assignedToName: 'Not in the directory',
      department: dept,
      location: loc,
      state: 'deployed',
    });

    const manager = as(t, t.people.assetManager);
    const byUser = (await manager.get('/assets/reports/distribution?by=user')).body;
    expect(byUser.by).toBe('user');
    expect(byUser.items.find((r: { key: string }) => r.key === agent.id)).toEqual({
      key: agent.id,
      label: agent.name,
      total: 3,
      byType: { laptop: 1, monitor: 2 },
    });
    expect(byUser.items.find((r: { key: string }) => r.key === ghost)).toEqual({
      key: ghost,
      label: 'Not in the directory',
      total: 1,
      byType: { phone: 1 },
    });
    // The unassigned count comes last; the totals add up.
    expect(byUser.items[byUser.items.length - 1].key).toBeNull();
    expect(byUser.total).toBe(byUser.items.reduce((s: number, r: { total: number }) => s + r.total, 0));
    const inUse = await t.dataSource.query(`SELECT count(*)::int AS n FROM asset_ci WHERE state NOT IN ('retired', 'disposed')`);
    expect(byUser.total).toBe(inUse[0].n);

    const byDept = (await manager.get('/assets/reports/distribution?by=department')).body;
    expect(byDept.items.find((r: { key: string }) => r.key === dept)).toEqual({
      key: dept,
      label: dept,
      total: 4,
      byType: { laptop: 1, monitor: 2, phone: 1 },
    });
    const byLocation = (await manager.get('/assets/reports/distribution?by=location')).body;
    expect(byLocation.items.find((r: { key: string }) => r.key === loc)).toMatchObject({
      total: 3,
      byType: { laptop: 1, monitor: 1, phone: 1 },
    });

    const rows = await csvOf('/assets/reports/distribution?by=department&format=csv');
    expect(rows[0].slice(0, 5)).toEqual(['key', 'label', 'total', 'laptop', 'desktop']);
    expect(rows[0]).toHaveLength(3 + 13);
    const line = rows.find((r) => r[0] === dept)!;
    const col = (name: string) => line[rows[0].indexOf(name)];
    expect([col('total'), col('laptop'), col('monitor'), col('phone'), col('server')]).toEqual(['4', '1', '2', '1', '0']);

    const bad = await manager.get('/assets/reports/distribution?by=colour');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('by');
  });

  it('lists CIs idle in stock for more than N days since they last entered in_stock', async () => {
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY_MS);
    const neverChanged = await seedCi(t, { type: 'laptop', name: 'idle 100' }, ago(100));
    const ordered = await seedCi(t, { type: 'monitor', name: 'received 95', state: 'ordered' }, ago(200));
    await changeCi(t, ordered, { state: 'in_stock' }, ago(95));
    const back = await seedCi(t, { type: 'laptop', name: 'back 10' }, ago(200));
    const deployed = await changeCi(t, back, { state: 'deployed' }, ago(150));
    await changeCi(t, deployed, { state: 'in_stock' }, ago(10));
    const renamed = await seedCi(t, { type: 'tablet', name: 'idle 91' }, ago(91));
    await changeCi(t, renamed, { name: 'idle 91, renamed' }, ago(5));
    await seedCi(t, { type: 'laptop', name: 'deployed', state: 'deployed' }, ago(300));
    const ids = [neverChanged.id, ordered.id, back.id, renamed.id];

    const manager = as(t, t.people.assetManager);
    const mine = (body: { items: Array<{ id: string }> }) => body.items.filter((i) => ids.includes(i.id));
    const report = (await manager.get('/assets/reports/idle-stock?days=90')).body;
    expect(report.days).toBe(90);
    expect(mine(report).map((i) => i.id)).toEqual([neverChanged.id, ordered.id, renamed.id]);
    expect(mine(report)[1]).toMatchObject({
      number: ordered.number,
      type: 'monitor',
      inStockSince: ago(95).toISOString(),
      idleDays: 95,
    });
    expect(mine(report)[0]).toMatchObject({ inStockSince: ago(100).toISOString(), idleDays: 100 });
    expect(mine((await manager.get('/assets/reports/idle-stock?days=96')).body).map((i) => i.id)).toEqual([neverChanged.id]);
    expect(mine((await manager.get('/assets/reports/idle-stock?days=5')).body).map((i) => i.id)).toEqual([
      neverChanged.id,
      ordered.id,
      renamed.id,
      back.id,
    ]);
    expect(mine((await manager.get('/assets/reports/idle-stock')).body)).toHaveLength(3);

    const rows = await csvOf('/assets/reports/idle-stock?days=90&format=csv');
    expect(rows[0]).toEqual([
      'number',
      'name',
      'type',
      'manufacturer',
      'model',
      'serialNumber',
      'assetTag',
      'location',
      'inStockSince',
      'idleDays',
    ]);
    expect(rows.find((r) => r[0] === renamed.number)).toEqual([
      renamed.number,
      'idle 91, renamed',
      'tablet',
      '',
      '',
      '',
      '',
      '',
      ago(91).toISOString(),
      '91',
    ]);
  });

  it('ranks CIs by incidents in the window and flags 3 or more as problematic', async () => {
    const three = await seedCi(t, { type: 'network_device', name: 'Core switch' });
    const two = await seedCi(t, { type: 'server', name: 'Mail server' });
    const one = await seedCi(t, { type: 'printer', name: 'Printer 3F' });
    const now = Date.now();
    const at = (ms: number) => new Date(now - ms).toISOString();
    const events = [
      incident({ ciId: three.number, openedAt: at(DAY_MS) }),
      incident({ ciId: three.id, openedAt: at(2 * DAY_MS) }),
      incident({ ciId: three.number.toLowerCase(), openedAt: at(30 * DAY_MS - 3_600_000) }),
      incident({ ciId: two.number, openedAt: at(3 * DAY_MS) }),
      incident({ ciId: two.number, openedAt: at(4 * DAY_MS) }),
      incident({ ciId: two.number, openedAt: at(30 * DAY_MS + 3_600_000) }),
      incident({ ciId: two.number, openedAt: at(5 * DAY_MS), state: 'cancelled' }),
      incident({ ciId: one.id, openedAt: at(6 * DAY_MS) }),
    ];
    for (const e of events) await t.incidentEvent('created', e);
    await consumedAll(t, Topics.incident);

    const ids = [three.id, two.id, one.id];
    const mine = (body: { items: Array<{ id: string }> }) => body.items.filter((i) => ids.includes(i.id));
    const report = (await as(t, t.people.assetManager).get('/assets/reports/problematic')).body;
    expect(report).toMatchObject({ threshold: 3, window: '30d' });
    expect(mine(report)).toEqual([
      expect.objectContaining({
        id: three.id,
        number: three.number,
        name: 'Core switch',
        incidents: 3,
        problematic: true,
        lastIncidentAt: events[0].openedAt,
      }),
      expect.objectContaining({ id: two.id, incidents: 2, problematic: false, lastIncidentAt: events[3].openedAt }),
      expect.objectContaining({ id: one.id, incidents: 1, problematic: false }),
    ]);
    const flagged = (await as(t, problemManager).get('/assets/reports/problematic?problematic=true')).body;
    expect(flagged.items.every((i: { problematic: boolean }) => i.problematic)).toBe(true);
    expect(mine(flagged).map((i) => i.id)).toEqual([three.id]);

    // Pages: the same order without gaps or repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await as(t, supervisor).get(
        `/assets/reports/problematic?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(report.items.map((i: { id: string }) => i.id));

    const rows = await csvOf('/assets/reports/problematic?format=csv', problemManager);
    expect(rows[0]).toEqual([
      'number',
      'name',
      'type',
      'state',
      'location',
      'assignedToName',
      'department',
      'incidents',
      'lastIncidentAt',
      'problematic',
    ]);
    expect(rows.find((r) => r[0] === three.number)).toEqual([
      three.number,
      'Core switch',
      'network_device',
      'in_stock',
      '',
      '',
      '',
      '3',
      events[0].openedAt,
      'true',
    ]);
  });

  it("lists leavers' CIs to reclaim from identity deactivation; a duplicate delivery changes nothing", async () => {
    const leaver: TestPerson = {
      id: randomUUID(),
      email: 'gone@example.com',
      name: '佐藤 退職',
      roles: ['employee'],
      department: '経理部',
    };
    await t.userEvent('created', leaver);
    const assigned = {
      assignedToId: leaver.id,
      assignedToName: leaver.name,
      department: leaver.department,
      assignedAt: new Date(),
    };
    const laptop = await seedCi(t, { type: 'laptop', state: 'deployed', assetTag: 'PC-0001', ...assigned });
    const oldPhone = await seedCi(t, { type: 'phone', state: 'retired', ...assigned });
    await seedCi(t, { type: 'phone', state: 'disposed', ...assigned });
    const manager = as(t, t.people.assetManager);
    const leaverIn = async () =>
      (await manager.get('/assets/reports/leavers')).body.items.find(
        (l: { person: { id: string } }) => l.person.id === leaver.id,
      );
    await waitFor(async () => (await t.dataSource.query(`SELECT 1 FROM asset_person WHERE id = $1`, [leaver.id])).length > 0);
    expect(await leaverIn()).toBeUndefined();

    const deactivation = await t.userEvent('deactivated', leaver);
    const entry = await waitFor(leaverIn, { description: 'the leaver in the report' });
    expect(entry).toEqual({
      person: { id: leaver.id, name: leaver.name, email: leaver.email, department: leaver.department },
      deactivatedAt: deactivation.occurredAt,
      assets: [
        {
          id: laptop.id,
          number: laptop.number,
          name: laptop.name,
          type: 'laptop',
          state: 'deployed',
          assetTag: 'PC-0001',
          serialNumber: null,
          assignedAt: laptop.assignedAt!.toISOString(),
        },
        expect.objectContaining({ id: oldPhone.id, state: 'retired' }),
      ],
    });

    const rows = await csvOf('/assets/reports/leavers?format=csv', supervisor);
    expect(rows[0]).toEqual([
      'personId',
      'personName',
      'email',
      'department',
      'deactivatedAt',
      'number',
      'name',
      'type',
      'state',
      'assetTag',
      'serialNumber',
      'assignedAt',
    ]);
    expect(rows.filter((r) => r[0] === leaver.id).map((r) => [r[1], r[4], r[5]])).toEqual([
      [leaver.name, deactivation.occurredAt, laptop.number],
      [leaver.name, deactivation.occurredAt, oldPhone.number],
    ]);

    // Rehired: off the report. The old deactivation delivered again must not put them back.
    const rehired: UserSnapshot = {
      id: leaver.id,
      email: leaver.email,
      displayName: leaver.name,
      displayNameJa: null,
      displayNameEn: null,
      department: leaver.department,
      managerId: null,
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      roles: leaver.roles,
      active: true,
    };
    await t.publisher.publish(UserUpdated, leaver.id, rehired);
    await waitFor(async () => (await leaverIn()) === undefined || undefined);
    await t.userEvent('deactivated', leaver, { id: deactivation.id });
    await t.userEvent('deactivated', leaver, { id: deactivation.id });
    await consumedAll(t, Topics.identityUser);
    expect(await leaverIn()).toBeUndefined();

    // Leaving again is a new event: back on the report with the new time.
    const again = await t.userEvent('deactivated', leaver);
    const back = await waitFor(leaverIn);
    expect(back.deactivatedAt).toBe(again.occurredAt);
  });

  it('is for asset managers, admins and supervisors (problematic also problem managers); others 403', async () => {
    const paths = ['warranties', 'distribution', 'idle-stock', 'problematic', 'leavers'].map((p) => `/assets/reports/${p}`);
    for (const path of paths) {
      for (const who of [t.people.assetManager, t.people.admin, supervisor])
        expect((await as(t, who).get(path)).status).toBe(200);
      for (const who of [t.people.employee, t.people.agent]) expect((await as(t, who).get(path)).status).toBe(403);
      expect((await as(t, problemManager).get(path)).status).toBe(path.endsWith('problematic') ? 200 : 403);
      expect((await request(t.http).get(`${t.apiPrefix}${path}`)).status).toBe(401);
    }
  });
});
