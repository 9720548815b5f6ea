import { randomUUID } from 'node:crypto';
import { AssetEventPayload, AssetRelationshipDetail, CiState, CiType, EventEnvelope, Topics } from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import { ASSET_SERVICE_ACTOR } from '../src/cis/ci-actor';
import { nextCiNumber } from '../src/cis/ci-number';
import { CiWriter } from '../src/cis/ci-writer.service';
import { CiEntity } from '../src/cis/entities/ci.entity';
import { as, AssetTestApp, startAssetService } from './support/asset-test-app';

describe('relationships and impact analysis (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startAssetService('relationships');
    recorder = await new TopicRecorder([Topics.asset]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  /** A CI written the one way (CiWriter in a transaction), independent of the CI API. */
  const ci = (type: CiType, name: string, state: CiState = 'deployed'): Promise<CiEntity> =>
    runInTransaction(t.dataSource, async (m) =>
      t.app.get(CiWriter).commit(
        m,
        null,
        Object.assign(new CiEntity(), {
          id: randomUUID(),
          number: await nextCiNumber(m),
          type,
          name,
          state,
          ...Object.fromEntries(
            [
              'assetTag',
              'serialNumber',
              'model',
              'manufacturer',
              'purchaseDate',
              'purchaseCost',
              'warrantyEnd',
              'location',
              'os',
              'ipAddress',
              'macAddress',
              'seatsOwned',
              'licenceExpiresOn',
              'licenceId',
              'assignedToId',
              'assignedToName',
              'department',
              'assignedAt',
            ].map((f) => [f, null]),
          ),
          attributes: {},
          createdById: 'test',
        }),
        { action: 'created', actor: ASSET_SERVICE_ACTOR, at: new Date() },
      ),
    );
  const manager = () => as(t, t.people.assetManager);
  const agent = () => as(t, t.people.agent);
  const link = (from: CiEntity, type: string, to: CiEntity | string) =>
    manager().post(`/assets/${from.id}/relationships`, { type, targetId: typeof to === 'string' ? to : to.number });
  const linked = async (from: CiEntity, type: string, to: CiEntity) => {
    const r = await link(from, type, to);
    if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const eventsOf = (ciId: string) =>
    recorder
      .values<EventEnvelope<AssetEventPayload<AssetRelationshipDetail>>>(Topics.asset)
      .filter((e) => e.aggregateId === ciId);
  const historyOf = async (ciId: string) =>
    t.dataSource.query(
      `SELECT action, actor_id AS "actorId", ci_version AS "ciVersion", changes FROM asset_ci_history WHERE ci_id = $1 ORDER BY id`,
      [ciId],
    );
  const versionOf = async (ciId: string) =>
    (await t.dataSource.query(`SELECT version FROM asset_ci WHERE id = $1`, [ciId]))[0].version;
  const impact = async (from: CiEntity, query: string) => {
    const r = await agent().get(`/assets/${from.number}/impact?${query}`);
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { count: number; items: Array<{ number: string; depth: number; path: string[] }> };
  };

  it('records a relationship on the source (event, history, same version), lists it both ways, and removes it', async () => {
    const vm = await ci('server', 'vm-経理-01 🖥️');
    const host = await ci('server', 'esx-host-07');

    const created = await link(vm, 'runs_on', host);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'runs_on',
      direction: 'outgoing',
      sourceId: vm.id,
      targetId: host.id,
      ci: { id: host.id, number: host.number, name: 'esx-host-07', type: 'server', state: 'deployed' },
      createdById: t.people.assetManager.id,
    });
    const relationshipId = created.body.id;

    const outgoing = await agent().get(`/assets/${vm.number}/relationships`);
    expect(outgoing.status).toBe(200);
    expect(outgoing.body).toEqual({ items: [created.body], nextCursor: null });
    const incoming = await agent().get(`/assets/${host.id}/relationships`);
    expect(incoming.body.items).toEqual([
      {
        ...created.body,
        direction: 'incoming',
        ci: { id: vm.id, number: vm.number, name: 'vm-経理-01 🖥️', type: 'server', state: 'deployed' },
      },
    ]);

    // The event goes out on the source only; neither CI gets a new version, both get a history entry.
    const added = await waitFor(() => eventsOf(vm.id).find((e) => e.type === 'asset.relationship-added'));
    expect(added.payload.detail).toEqual({ relationshipId, type: 'runs_on', sourceId: vm.id, targetId: host.id });
    expect(added.payload.ci).toMatchObject({ id: vm.id, number: vm.number, version: 1 });
    expect(added.actor).toEqual({ id: t.people.assetManager.id, role: 'asset_manager' });
    expect(await versionOf(vm.id)).toBe(1);
    expect(await versionOf(host.id)).toBe(1);
    expect(await historyOf(vm.id)).toEqual([
      { action: 'created', actorId: 'asset-service', ciVersion: 1, changes: [] },
      {
        action: 'relationship-added',
        actorId: t.people.assetManager.id,
        ciVersion: 1,
        changes: [{ field: 'relationships', from: null, to: `runs_on ${host.number}` }],
      },
    ]);
    expect((await historyOf(host.id))[1]).toEqual({
      action: 'relationship-added',
      actorId: t.people.assetManager.id,
      ciVersion: 1,
      changes: [{ field: 'relationships', from: null, to: `${vm.number} runs_on this` }],
    });

    // Removed from the target's side: the event still goes out on the source.
    expect((await manager().delete(`/assets/${host.number}/relationships/${relationshipId}`)).status).toBe(204);
    expect((await manager().delete(`/assets/${host.number}/relationships/${relationshipId}`)).status).toBe(404);
    expect((await agent().get(`/assets/${vm.id}/relationships`)).body.items).toEqual([]);
    const removed = await waitFor(() => eventsOf(vm.id).find((e) => e.type === 'asset.relationship-removed'));
    expect(removed.payload.detail).toEqual({ relationshipId, type: 'runs_on', sourceId: vm.id, targetId: host.id });
    expect(eventsOf(host.id)).toEqual([]);
    expect((await historyOf(vm.id)).map((h: { action: string }) => h.action)).toEqual([
      'created',
      'relationship-added',
      'relationship-removed',
    ]);
    expect((await historyOf(host.id))[2].changes).toEqual([
      { field: 'relationships', from: `${vm.number} runs_on this`, to: null },
    ]);
    // Once removed it may be recorded again.
    expect((await link(vm, 'runs_on', host)).status).toBe(201);
  });

  it('refuses self-edges, unknown targets, type mismatches, duplicates and disposed CIs', async () => {
    const service = await ci('business_service', '経費精算');
    const sw = await ci('network_device', 'core-switch-1');
    const laptop = await ci('laptop', 'PC-0001');
    const install = await ci('software_installation', 'Office on PC-0001');
    const scrapped = await ci('server', 'old-host', 'disposed');

    const self = await link(service, 'depends_on', service);
    expect(self.status).toBe(400);
    expect(self.body.details).toEqual([{ field: 'targetId', reason: 'must be another configuration item than the source' }]);
    for (const target of [randomUUID(), 'CI-99999', 'not-a-ci']) {
      const unknown = await link(service, 'depends_on', target);
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.map((d: { field: string }) => d.field)).toEqual(['targetId']);
    }
    const badType = await link(service, 'powers', sw);
    expect(badType.status).toBe(400);
    expect(badType.body.details[0].field).toBe('type');
    const missing = await manager().post(`/assets/${service.id}/relationships`, {});
    expect(missing.status).toBe(400);
    expect(new Set(missing.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['type', 'targetId']));

    // Type rules: installed_on only from an installation to a device, connected_to only between hardware.
    const wrongWay = await link(laptop, 'installed_on', install);
    expect(wrongWay.status).toBe(400);
    expect(wrongWay.body.details).toEqual([
      {
        field: 'type',
        reason:
          'installed_on goes from a software_installation to laptop, desktop, server, phone or tablet, not from laptop to software_installation',
      },
    ]);
    expect((await link(service, 'connected_to', sw)).status).toBe(400);
    expect((await link(install, 'installed_on', sw)).status).toBe(400);
    expect((await link(install, 'installed_on', laptop)).status).toBe(201);
    expect((await link(laptop, 'connected_to', sw)).status).toBe(201);
    expect((await link(service, 'depends_on', sw)).status).toBe(201);

    const duplicate = await link(service, 'depends_on', sw);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ field: 'targetId', reason: `${service.number} already depends_on ${sw.number}` }]);
    // Another type between the same two CIs is another relationship.
    expect((await link(service, 'used_by', sw)).status).toBe(201);

    const toDisposed = await link(service, 'depends_on', scrapped);
    expect(toDisposed.status).toBe(409);
    expect(toDisposed.body.details).toEqual([{ field: 'targetId', reason: `${scrapped.number} is disposed` }]);
    const fromDisposed = await link(scrapped, 'depends_on', service);
    expect(fromDisposed.status).toBe(409);
    expect(fromDisposed.body.details).toEqual([{ field: 'id', reason: `${scrapped.number} is disposed` }]);

    expect((await link({ ...service, id: randomUUID() }, 'depends_on', sw)).status).toBe(404);
    expect((await manager().delete(`/assets/${service.id}/relationships/${randomUUID()}`)).status).toBe(404);
    expect((await manager().delete(`/assets/${service.id}/relationships/nope`)).status).toBe(404);
    // A relationship is removed through one of its own CIs only.
    const [installedOn] = (await agent().get(`/assets/${install.id}/relationships`)).body.items;
    expect((await manager().delete(`/assets/${service.id}/relationships/${installedOn.id}`)).status).toBe(404);
    // Nothing refused left a trace.
    expect(await versionOf(scrapped.id)).toBe(1);
    expect((await historyOf(scrapped.id)).length).toBe(1);
  });

  it('records one of several identical concurrent requests, and links two CIs both ways at once', async () => {
    const a = await ci('software_product', 'concurrent-a');
    const b = await ci('software_product', 'concurrent-b');
    const same = await Promise.all([1, 2, 3, 4, 5].map(() => link(a, 'depends_on', b)));
    expect(same.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const crossed = await Promise.all([link(a, 'used_by', b), link(b, 'used_by', a), link(b, 'depends_on', a)]);
    expect(crossed.map((r) => r.status)).toEqual([201, 201, 201]);
    expect((await agent().get(`/assets/${a.id}/relationships`)).body.items.length).toBe(4);
    expect((await historyOf(a.id)).length).toBe(5);
  });

  it('lets asset managers and admins change relationships, all staff read them, employees nothing', async () => {
    const app = await ci('software_product', 'SAP');
    const server = await ci('server', 'sap-prd-01');
    const agentPost = await as(t, t.people.agent).post(`/assets/${app.id}/relationships`, {
      type: 'runs_on',
      targetId: server.id,
    });
    expect(agentPost.status).toBe(403);
    const employeePost = await as(t, t.people.employee).post(`/assets/${app.id}/relationships`, {
      type: 'runs_on',
      targetId: server.id,
    });
    expect(employeePost.status).toBe(403);
    const adminPost = await as(t, t.people.admin).post(`/assets/${app.id}/relationships`, {
      type: 'runs_on',
      targetId: server.id,
    });
    expect(adminPost.status).toBe(201);

    expect((await as(t, t.people.agent).get(`/assets/${app.id}/relationships`)).status).toBe(200);
    expect((await as(t, t.people.agent).get(`/assets/${server.id}/impact?direction=upstream`)).status).toBe(200);
    expect((await as(t, t.people.employee).get(`/assets/${app.id}/relationships`)).status).toBe(403);
    expect((await as(t, t.people.employee).get(`/assets/${server.id}/impact?direction=upstream`)).status).toBe(403);
    expect((await as(t, t.people.agent).delete(`/assets/${app.id}/relationships/${adminPost.body.id}`)).status).toBe(403);
    expect((await as(t, t.people.employee).delete(`/assets/${app.id}/relationships/${adminPost.body.id}`)).status).toBe(403);
    expect((await as(t, t.people.admin).delete(`/assets/${app.id}/relationships/${adminPost.body.id}`)).status).toBe(204);
    const anonymous = await (await import('supertest')).default(t.http).get(`/api/v1/assets/${app.id}/relationships`);
    expect(anonymous.status).toBe(401);
  });

  it('pages the relationships list, outgoing first, and filters by direction and type', async () => {
    const hub = await ci('network_device', 'hub');
    const spokes: CiEntity[] = [];
    for (let i = 0; i < 5; i++) spokes.push(await ci('server', `spoke-${i}`));
    for (const s of spokes.slice(0, 3)) await linked(hub, 'connected_to', s);
    for (const s of spokes.slice(3)) await linked(s, 'depends_on', hub);

    const seen: Array<{ direction: string; ci: { number: string } }> = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof seen; nextCursor: string | null } } = await agent().get(
        `/assets/${hub.id}/relationships?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((r) => `${r.direction} ${r.ci.number}`)).toEqual([
      ...spokes.slice(0, 3).map((s) => `outgoing ${s.number}`),
      ...spokes.slice(3).map((s) => `incoming ${s.number}`),
    ]);
    const incoming = await agent().get(`/assets/${hub.id}/relationships?direction=incoming`);
    expect(incoming.body.items.map((r: { ci: { id: string } }) => r.ci.id)).toEqual(spokes.slice(3).map((s) => s.id));
    const dependsOn = await agent().get(`/assets/${hub.id}/relationships?type=depends_on&direction=outgoing`);
    expect(dependsOn.body.items).toEqual([]);
    const bad = await agent().get(`/assets/${hub.id}/relationships?direction=sideways&cursor=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('direction');
    expect((await agent().get(`/assets/${hub.id}/relationships?cursor=eyJ4IjoxfQ`)).status).toBe(400);
    expect((await agent().get(`/assets/CI-99999/relationships`)).status).toBe(404);
  });

  it('walks a cycle A → B → C → A once each, in both directions, and ends', async () => {
    const a = await ci('business_service', 'A');
    const b = await ci('software_product', 'B');
    const c = await ci('server', 'C');
    await linked(a, 'depends_on', b);
    await linked(b, 'depends_on', c);
    await linked(c, 'depends_on', a);

    const down = await impact(a, 'direction=downstream');
    expect(down.count).toBe(2);
    expect(down.items.map((i) => [i.number, i.depth, i.path])).toEqual([
      [b.number, 1, [a.number, b.number]],
      [c.number, 2, [a.number, b.number, c.number]],
    ]);
    const up = await impact(a, 'direction=upstream&maxDepth=50');
    expect(up.items.map((i) => [i.number, i.depth, i.path])).toEqual([
      [c.number, 1, [a.number, c.number]],
      [b.number, 2, [a.number, c.number, b.number]],
    ]);
    expect((await impact(a, 'direction=downstream&maxDepth=1')).items.map((i) => i.number)).toEqual([b.number]);
    expect((await impact(b, 'direction=upstream&ciType=business_service')).items.map((i) => i.number)).toEqual([a.number]);

    // A shortcut A → C makes C one hop away; every CI still comes once.
    await linked(a, 'used_by', c);
    const shortcut = await impact(a, 'direction=downstream');
    expect(shortcut.items.map((i) => [i.number, i.depth])).toEqual([
      [b.number, 1],
      [c.number, 1],
    ]);
    expect((await impact(a, 'direction=downstream&types=depends_on')).items.map((i) => [i.number, i.depth])).toEqual([
      [b.number, 1],
      [c.number, 2],
    ]);
  });

  it('stops at maxDepth (default 10, at most 50), answers a type filter, and walks around disposed CIs', async () => {
    const chain: CiEntity[] = [];
    for (let i = 0; i < 60; i++) chain.push(await ci('software_product', `chain-${i}`));
    for (let i = 0; i < 59; i++) await linked(chain[i], 'depends_on', chain[i + 1]);

    const byDefault = await impact(chain[0], 'direction=downstream');
    expect(byDefault).toMatchObject({ direction: 'downstream', maxDepth: 10, count: 10 });
    expect(byDefault.items.map((i) => i.depth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(byDefault.items[9].path).toEqual(chain.slice(0, 11).map((c) => c.number));
    const deepest = await impact(chain[0], 'direction=downstream&maxDepth=50&limit=5');
    expect(deepest.count).toBe(50);
    expect(deepest.items.map((i) => i.number)).toEqual(chain.slice(1, 6).map((c) => c.number));
    expect((await impact(chain[59], 'direction=upstream&maxDepth=50')).count).toBe(50);
    expect((await impact(chain[59], 'direction=downstream')).count).toBe(0);

    for (const query of [
      'maxDepth=51',
      'maxDepth=0',
      'maxDepth=two',
      'direction=sideways',
      'limit=0',
      'types=runs_on,powers',
      'ciType=car',
    ]) {
      const r = await agent().get(`/assets/${chain[0].id}/impact?direction=downstream&${query}`);
      expect({ query, status: r.status }).toEqual({ query, status: 400 });
    }
    const noDirection = await agent().get(`/assets/${chain[0].id}/impact`);
    expect(noDirection.status).toBe(400);
    expect(noDirection.body.details).toEqual([{ field: 'direction', reason: 'direction must be upstream or downstream' }]);
    expect((await agent().get(`/assets/${randomUUID()}/impact?direction=upstream`)).status).toBe(404);

    // A CI disposed after its edges were recorded is neither answered nor walked through.
    await t.dataSource.query(`UPDATE asset_ci SET state = 'disposed' WHERE id = $1`, [chain[3].id]);
    const cut = await impact(chain[0], 'direction=downstream&maxDepth=50');
    expect(cut.items.map((i) => i.number)).toEqual([chain[1].number, chain[2].number]);

    const mixed = await ci('business_service', 'mixed');
    await linked(mixed, 'depends_on', chain[40]);
    const services = await impact(chain[45], 'direction=upstream&ciType=business_service,laptop');
    expect(services.items).toEqual([
      {
        id: mixed.id,
        number: mixed.number,
        name: 'mixed',
        type: 'business_service',
        state: 'deployed',
        depth: 6,
        path: [
          ...chain
            .slice(40, 46)
            .reverse()
            .map((c) => c.number),
          mixed.number,
        ],
      },
    ]);
    expect(services.count).toBe(1);
  });
});
