import { randomUUID } from 'node:crypto';
import {
  IncidentEventPayload,
  IncidentResolved,
  IncidentSnapshot,
  IncidentUpdated,
  Topics,
  UserSnapshot,
  UserUpdated,
} from '@helpdesk/contracts';
import { waitFor } from '@helpdesk/testing';
import { as, AssetTestApp, incident, startAssetService, TestPerson } from './support/asset-test-app';
import { consumedAll, DAY_MS, moveCiNumbersAway, publishAt, seedCi } from './reports.fixtures';

function snapshotOf(p: TestPerson, changes: Partial<UserSnapshot> = {}): UserSnapshot {
  return {
    id: p.id,
    email: p.email,
    displayName: p.name,
    displayNameJa: null,
    displayNameEn: null,
    department: p.department,
    managerId: null,
    locale: 'ja',
    timeZone: 'Asia/Tokyo',
    roles: p.roles,
    active: true,
    ...changes,
  };
}

interface PersonRow {
  display_name: string;
  department: string | null;
  active: boolean;
  deactivated_at: Date | null;
  roles: string[];
}

describe('identity.* and incident.* consumers, GET /assets/{id}/incidents (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;

  beforeAll(async () => {
    t = await startAssetService('consumers');
    await moveCiNumbersAway(t);
  });
  afterAll(async () => t?.close());

  const personRow = async (id: string): Promise<PersonRow | undefined> =>
    (await t.dataSource.query(`SELECT * FROM asset_person WHERE id = $1`, [id]))[0];
  const ciRow = async (id: string) =>
    (await t.dataSource.query(`SELECT assigned_to_name, department, version, updated_at FROM asset_ci WHERE id = $1`, [id]))[0];

  describe('people (identity.user.*)', () => {
    it('copies every person with name, department, roles and active', async () => {
      for (const p of Object.values(t.people)) {
        const row = await waitFor(() => personRow(p.id), { description: `${p.email} in asset_person` });
        expect(row).toMatchObject({ display_name: p.name, department: p.department, roles: p.roles, active: true });
        expect(row.deactivated_at).toBeNull();
      }
    });

    it("takes a rename or move to assigned CIs' display copies (no new version), and ignores an older event", async () => {
      const p = t.people.employee;
      await waitFor(() => personRow(p.id));
      const assigned = { assignedToId: p.id, assignedToName: p.name, state: 'deployed' as const, assignedAt: new Date() };
      const followed = await seedCi(t, { type: 'laptop', ...assigned, department: p.department });
      const ownDepartment = await seedCi(t, { type: 'monitor', ...assigned, department: '総務部' });
      const someoneElse = await seedCi(t, {
        type: 'laptop',
        state: 'deployed',
        assignedToId: t.people.otherEmployee.id,
        assignedToName: t.people.otherEmployee.name,
        department: t.people.otherEmployee.department,
      });
      const before = await ciRow(followed.id);

      await t.publisher.publish(
        UserUpdated,
        p.id,
        snapshotOf(p, { displayName: '山田 花子（営業二課）🌸', department: '営業二課' }),
      );
      await waitFor(async () => (await personRow(p.id))?.department === '営業二課' || undefined);

      expect(await ciRow(followed.id)).toEqual({
        ...before,
        assigned_to_name: '山田 花子（営業二課）🌸',
        department: '営業二課',
      });
      expect(await ciRow(ownDepartment.id)).toMatchObject({
        assigned_to_name: '山田 花子（営業二課）🌸',
        department: '総務部',
        version: 1,
      });
      expect(await ciRow(someoneElse.id)).toMatchObject({ assigned_to_name: 'Other Employee', department: '経理部' });
      const history = await t.dataSource.query(`SELECT count(*)::int AS n FROM asset_ci_history WHERE ci_id = $1`, [followed.id]);
      expect(history[0].n).toBe(1);

      // An event from an hour ago arrives late: neither the person nor the CIs go back.
      await publishAt(
        UserUpdated,
        p.id,
        snapshotOf(p, { displayName: 'Old name', department: '旧部署' }),
        new Date(Date.now() - 3_600_000),
      );
      await consumedAll(t, Topics.identityUser);
      expect(await personRow(p.id)).toMatchObject({ display_name: '山田 花子（営業二課）🌸', department: '営業二課' });
      expect(await ciRow(followed.id)).toMatchObject({ assigned_to_name: '山田 花子（営業二課）🌸', department: '営業二課' });
    });

    it('keeps when a person was deactivated through later updates, and clears it on reactivation', async () => {
      const leaver: TestPerson = {
        id: randomUUID(),
        email: 'leaver@example.com',
        name: '退職 太郎',
        roles: ['employee'],
        department: '営業部',
      };
      await t.userEvent('created', leaver);
      const deactivated = await t.userEvent('deactivated', leaver);
      const row = await waitFor(async () => {
        const r = await personRow(leaver.id);
        return r && !r.active ? r : undefined;
      });
      expect(row.deactivated_at?.toISOString()).toBe(deactivated.occurredAt);

      // The leaver's record is edited afterwards (still inactive): they left when they left.
      await t.publisher.publish(UserUpdated, leaver.id, snapshotOf(leaver, { active: false, department: '退職者' }));
      await waitFor(async () => (await personRow(leaver.id))?.department === '退職者' || undefined);
      expect((await personRow(leaver.id))!.deactivated_at?.toISOString()).toBe(deactivated.occurredAt);

      await t.publisher.publish(UserUpdated, leaver.id, snapshotOf(leaver, { active: true }));
      await waitFor(async () => (await personRow(leaver.id))?.active || undefined);
      expect((await personRow(leaver.id))!.deactivated_at).toBeNull();
    });
  });

  describe('incidents (incident.*)', () => {
    const copyOf = async (id: string) => (await t.dataSource.query(`SELECT * FROM asset_incident WHERE id = $1`, [id]))[0];

    it('keeps the newest version of each incident from every kind of event; late and redelivered ones change nothing', async () => {
      const ci = await seedCi(t, { type: 'laptop' });
      const x = incident({ ciId: ci.number.toLowerCase(), shortDescription: 'キーボードが反応しない ⌨️' });
      const created = await t.incidentEvent('created', x);
      const resolvedAt = new Date().toISOString();
      const resolved: IncidentSnapshot = { ...x, version: 3, state: 'resolved', resolvedAt, priority: 2 };
      await t.publisher.publish<IncidentEventPayload>(
        IncidentResolved,
        x.id,
        { incident: resolved, changes: [], detail: { firstContact: false } },
        { sequence: 3 },
      );
      await waitFor(async () => (await copyOf(x.id))?.incident_version === 3 || undefined);

      // Version 2 arrives after version 3, and the creation is delivered again.
      await t.publisher.publish<IncidentEventPayload>(
        IncidentUpdated,
        x.id,
        { incident: { ...x, version: 2, state: 'in_progress', shortDescription: 'changed in v2' }, changes: [], detail: {} },
        { sequence: 2 },
      );
      await t.incidentEvent('created', x, { id: created.id });
      await consumedAll(t, Topics.incident);

      expect(await copyOf(x.id)).toMatchObject({
        number: x.number,
        ci_id: ci.number.toLowerCase(),
        caller_id: x.callerId,
        short_description: 'キーボードが反応しない ⌨️',
        state: 'resolved',
        priority: 2,
        incident_version: 3,
      });
      expect((await copyOf(x.id)).resolved_at.toISOString()).toBe(resolvedAt);
    });

    it("lists a CI's incidents newest first, matched by number in any case or by id, with the problematic flag", async () => {
      const ci = await seedCi(t, { type: 'server', name: 'ファイルサーバー' });
      const other = await seedCi(t, { type: 'server' });
      const now = Date.now();
      const at = (ms: number) => new Date(now - ms).toISOString();
      const mine = [
        incident({ ciId: ci.number.toLowerCase(), openedAt: at(1 * DAY_MS), shortDescription: 'one' }),
        incident({ ciId: ` ${ci.id.toUpperCase()} `, openedAt: at(2 * DAY_MS), shortDescription: 'two' }),
        // Cancelled: listed, not counted.
        incident({ ciId: ci.number, openedAt: at(3 * DAY_MS), state: 'cancelled', shortDescription: 'cancelled' }),
        // Just outside the 30-day window: listed, not counted.
        incident({ ciId: ci.id, openedAt: at(30 * DAY_MS + 3_600_000), shortDescription: 'outside' }),
      ];
      const notMine = [
        incident({ ciId: other.number }),
        incident({ ciId: 'ファイルサーバー' }),
        incident({ ciId: null }),
        incident({ ciId: `${ci.number}0` }),
      ];
      for (const i of [...mine, ...notMine]) await t.incidentEvent('created', i);
      await consumedAll(t, Topics.incident);

      const agent = as(t, t.people.agent);
      const list = await agent.get(`/assets/${ci.number}/incidents`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual(mine.map((i) => i.id));
      expect(list.body.items[0]).toEqual({
        id: mine[0].id,
        number: mine[0].number,
        shortDescription: 'one',
        state: 'new',
        priority: mine[0].priority,
        openedAt: mine[0].openedAt,
        resolvedAt: null,
        callerId: mine[0].callerId,
        ciRef: ci.number.toLowerCase(),
      });
      // Exactly 2 counted incidents: not problematic.
      expect(list.body).toMatchObject({
        problematic: false,
        incidentsInWindow: 2,
        problematicThreshold: 3,
        window: '30d',
        nextCursor: null,
      });

      // A third, just inside the window's start: problematic, by id and by a lower-case number too.
      const third = incident({ ciId: ci.number, openedAt: at(30 * DAY_MS - 3_600_000), shortDescription: 'third' });
      await t.incidentEvent('created', third);
      await consumedAll(t, Topics.incident);
      for (const ref of [ci.id, ci.number.toLowerCase(), ci.id.toUpperCase()]) {
        const r = await agent.get(`/assets/${ref}/incidents`);
        expect(r.body).toMatchObject({ problematic: true, incidentsInWindow: 3 });
        expect(r.body.items).toHaveLength(5);
      }

      // Pages of two, newest first, no gaps or repeats.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await agent.get(
          `/assets/${ci.id}/incidents?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([mine[0], mine[1], mine[2], third, mine[3]].map((i) => i.id));

      expect((await agent.get(`/assets/${other.id}/incidents`)).body).toMatchObject({ problematic: false, incidentsInWindow: 1 });
    });

    it('answers 404 for an unknown CI, 400 for a bad cursor, 403 to employees and 401 without a token', async () => {
      const agent = as(t, t.people.agent);
      expect((await agent.get('/assets/CI-99999999/incidents')).status).toBe(404);
      expect((await agent.get(`/assets/${randomUUID()}/incidents`)).status).toBe(404);
      expect((await agent.get('/assets/not-a-ci/incidents')).status).toBe(404);
      const ci = await seedCi(t, { type: 'printer' });
      const bad = await agent.get(`/assets/${ci.id}/incidents?cursor=abc`);
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('cursor');
      expect((await as(t, t.people.employee).get(`/assets/${ci.id}/incidents`)).status).toBe(403);
      const anonymous = await (await import('supertest')).default(t.http).get(`${t.apiPrefix}/assets/${ci.id}/incidents`);
      expect(anonymous.status).toBe(401);
    });
  });
});
