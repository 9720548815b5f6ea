import { randomUUID } from 'node:crypto';
import { AssetEventPayload, EventEnvelope, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import request from 'supertest';
import { as, AssetTestApp, startAssetService, TestPerson } from './support/asset-test-app';

/** CIs through the API: per-type rules, roles, lifecycle, assignment, edits, history and events. */
describe('configuration items (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startAssetService('cis');
    recorder = await new TopicRecorder([Topics.asset]).start();
    await directoryKnows(Object.values(t.people));
  });
  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  /** The directory copy learns people from identity events; assignment needs them there. */
  const directoryKnows = (people: TestPerson[], active = true) =>
    waitFor(
      async () => {
        const rows: unknown[] = await t.dataSource.query(
          `SELECT id FROM asset_person WHERE id = ANY($1::uuid[]) AND active = $2`,
          [people.map((p) => p.id), active],
        );
        return rows.length === people.length;
      },
      { description: 'the directory copy of the people' },
    );

  const eventsOf = (ciId: string) =>
    recorder.values<EventEnvelope<AssetEventPayload>>(Topics.asset).filter((e) => e.aggregateId === ciId);
  const waitForEvents = (ciId: string, count: number) =>
    waitFor(() => (eventsOf(ciId).length >= count ? eventsOf(ciId) : undefined), { description: `${count} events of ${ciId}` });
  const ciCount = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM asset_ci`))[0].n);

  let tagSeq = 0;
  const laptop = (overrides: object = {}) => ({
    type: 'laptop',
    name: `Laptop ${++tagSeq}`,
    assetTag: `TAG-${randomUUID().slice(0, 8)}`,
    serialNumber: `SN-${randomUUID().slice(0, 8)}`,
    manufacturer: 'Lenovo',
    ...overrides,
  });
  const create = async (body: object) => {
    const res = await as(t, t.people.assetManager).post('/assets', body);
    expect(res.status).toBe(201);
    return res.body;
  };

  it('records a laptop with every hardware field, normalised, in Japanese with emoji, and emits asset.created', async () => {
    const res = await as(t, t.people.assetManager).post('/assets', {
      type: 'laptop',
      name: 'ThinkPad X1 Carbon（山田さん用）💻',
      assetTag: ' PC-2025-0001 ',
      serialNumber: 'PF3ABCDE',
      model: 'ThinkPad X1 Carbon Gen 12',
      manufacturer: 'Lenovo',
      purchaseDate: '2025-04-01',
      purchaseCost: 189000.5,
      warrantyEnd: '2028-03-31',
      location: '東京本社 3F 🏢',
      os: 'Windows 11 Pro',
      ipAddress: '10.1.20.31',
      macAddress: '3c-22-fb-12-ab-cd',
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      number: expect.stringMatching(/^CI-\d{5}$/),
      type: 'laptop',
      name: 'ThinkPad X1 Carbon（山田さん用）💻',
      state: 'in_stock',
      assetTag: 'PC-2025-0001',
      purchaseCost: '189000.50',
      purchaseDate: '2025-04-01',
      warrantyEnd: '2028-03-31',
      location: '東京本社 3F 🏢',
      macAddress: '3C:22:FB:12:AB:CD',
      seatsOwned: null,
      licenceId: null,
      assignedToId: null,
      attributes: {},
      allowedStates: ['deployed', 'in_repair', 'retired'],
      createdById: t.people.assetManager.id,
      version: 1,
    });
    const byNumber = await as(t, t.people.agent).get(`/assets/${res.body.number.toLowerCase()}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toEqual(res.body);
    expect(byNumber.headers.etag).toBe('"1"');

    const [created] = await waitForEvents(res.body.id, 1);
    expect(created).toMatchObject({
      type: 'asset.created',
      actor: { id: t.people.assetManager.id, role: 'asset_manager' },
      payload: {
        ci: { id: res.body.id, number: res.body.number, type: 'laptop', state: 'in_stock', name: res.body.name, version: 1 },
        detail: { origin: 'api', importJobId: null },
      },
    });
  });

  it('creates each kind of CI with its own fields; software and SaaS accounts name a licence by number', async () => {
    const licence = await create({
      type: 'licence',
      name: 'Microsoft 365 E3',
      manufacturer: 'Microsoft',
      seatsOwned: '25',
      licenceExpiresOn: '2026-03-31',
      purchaseCost: '1234.5',
    });
    expect(licence).toMatchObject({ seatsOwned: 25, licenceExpiresOn: '2026-03-31', purchaseCost: '1234.50' });
    const installation = await create({
      type: 'software_installation',
      name: 'Office on PC-1',
      model: '2405',
      licenceId: licence.number,
    });
    expect(installation.licenceId).toBe(licence.id);
    const account = await create({ type: 'saas_account', name: 'Slack: yamada', licenceId: licence.id.toUpperCase() });
    expect(account.licenceId).toBe(licence.id);
    expect((await create({ type: 'software_product', name: 'Excel', manufacturer: 'Microsoft', model: '16.0' })).model).toBe(
      '16.0',
    );
    expect((await create({ type: 'business_service', name: '経費精算サービス', state: 'ordered' })).state).toBe('ordered');
    const server = await create({ type: 'server', name: 'db-01', ipAddress: '2001:DB8::10', os: 'Ubuntu 24.04' });
    expect(server.ipAddress).toBe('2001:db8::10');
    expect((await create({ type: 'monitor', name: 'Dell U2723QE' })).os).toBeNull();
  });

  it('refuses every bad field with its name and reason (400), never a 500, and writes nothing', async () => {
    const am = as(t, t.people.assetManager);
    const pc = await create(laptop());
    const before = await ciCount();
    const cases: Array<[object, string, string | RegExp]> = [
      [{ name: 'no type' }, 'type', 'is required'],
      [{ type: 'laptop' }, 'name', 'is required'],
      [{ type: 'spaceship', name: 'x' }, 'type', /^must be one of laptop, desktop/],
      [{ type: 'monitor', name: 'x', os: 'Windows' }, 'os', 'does not apply to monitor'],
      [{ type: 'monitor', name: 'x', ipAddress: '10.0.0.1' }, 'ipAddress', 'does not apply to monitor'],
      [{ type: 'laptop', name: 'x', seatsOwned: 5 }, 'seatsOwned', 'does not apply to laptop'],
      [{ type: 'business_service', name: 'x', location: '東京' }, 'location', 'does not apply to business_service'],
      [{ type: 'saas_account', name: 'x', assetTag: 'T' }, 'assetTag', 'does not apply to saas_account'],
      [{ type: 'licence', name: 'x' }, 'seatsOwned', 'is required for licence'],
      [{ type: 'licence', name: 'x', seatsOwned: -1 }, 'seatsOwned', 'must not be negative'],
      [{ type: 'licence', name: 'x', seatsOwned: 2.5 }, 'seatsOwned', 'must be a whole number ≥ 0'],
      [{ type: 'laptop', name: 'x', ipAddress: '300.1.1.1' }, 'ipAddress', 'must be an IPv4 or IPv6 address'],
      [{ type: 'laptop', name: 'x', macAddress: '3C:22:FB:12:AB' }, 'macAddress', /^must be a MAC address/],
      [{ type: 'laptop', name: 'x', purchaseDate: '2025-02-29' }, 'purchaseDate', 'must be a real date YYYY-MM-DD'],
      [{ type: 'laptop', name: 'x', warrantyEnd: '31/03/2028' }, 'warrantyEnd', 'must be a date YYYY-MM-DD'],
      [
        { type: 'laptop', name: 'x', purchaseDate: '2025-04-01', warrantyEnd: '2025-03-31' },
        'warrantyEnd',
        'must not be before purchaseDate (2025-04-01)',
      ],
      [{ type: 'laptop', name: 'x', purchaseCost: -1 }, 'purchaseCost', 'must not be negative'],
      [{ type: 'laptop', name: 'x', purchaseCost: '10.005' }, 'purchaseCost', 'must have at most 2 decimals'],
      [{ type: 'laptop', name: 'x', purchaseCost: '¥1000' }, 'purchaseCost', /^must be an amount/],
      [{ type: 'laptop', name: 'x'.repeat(201) }, 'name', 'must be at most 200 characters'],
      [{ type: 'laptop', name: 'bad\u0000name' }, 'name', 'must be on one line, without control characters'],
      [{ type: 'laptop', name: 'x', location: '東京\u0000' }, 'location', 'must be on one line, without control characters'],
      [{ type: 'laptop', name: 'x', model: 'two\nlines' }, 'model', 'must be on one line, without control characters'],
      [{ type: 'laptop', name: 'x', assetTag: 42 }, 'assetTag', 'must be text'],
      [{ type: 'laptop', name: 'x', state: 'deployed' }, 'state', /^must be in_stock or ordered for a new CI/],
      [{ type: 'laptop', name: 'x', attributes: { colour: 'red' } }, 'attributes.colour', 'is not defined for laptop'],
      [{ type: 'laptop', name: 'x', attributes: 'red' }, 'attributes', /^must be an object/],
      [{ type: 'saas_account', name: 'x', licenceId: 'CI-99999' }, 'licenceId', 'does not name an existing CI (CI-99999)'],
      [{ type: 'saas_account', name: 'x', licenceId: pc.number }, 'licenceId', `must name a licence; ${pc.number} is a laptop`],
      [{ type: 'saas_account', name: 'x', licenceId: 'Office' }, 'licenceId', /^must be the UUID or number/],
      [{ type: 'laptop', name: 'x', owner: 'me' }, 'owner', /should not exist/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await am.post('/assets', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.details).toContainEqual({
        field,
        reason: typeof reason === 'string' ? reason : expect.stringMatching(reason),
      });
    }
    // Several problems at once: one detail each.
    const many = await am.post('/assets', { type: 'monitor', name: '', os: 'x', ipAddress: 'x', purchaseCost: 'x' });
    expect(many.body.details.map((d: { field: string }) => d.field)).toEqual(['name', 'purchaseCost', 'os', 'ipAddress']);
    expect(await ciCount()).toBe(before);

    // NUL in a query or path is our 400 / 404, not PostgreSQL's error.
    expect((await as(t, t.people.agent).get('/assets?q=a%00b')).status).toBe(400);
    expect((await as(t, t.people.agent).get('/assets?location=%00')).status).toBe(400);
    expect((await as(t, t.people.agent).get('/assets/CI-0%0042')).status).toBe(404);
    expect((await as(t, t.people.agent).get('/assets/CI-99999')).status).toBe(404);
    expect((await as(t, t.people.agent).get('/assets/not-an-id')).status).toBe(404);
    expect((await as(t, t.people.agent).get('/assets?warrantyBefore=2025-02-30')).status).toBe(400);
  });

  it('refuses a second CI with the same asset tag or manufacturer + serial (409 naming the field), also on edit', async () => {
    const first = await create(laptop({ assetTag: 'PC-DUP-1', serialNumber: 'SER-DUP-1', manufacturer: 'Dell' }));
    const am = as(t, t.people.assetManager);
    const tag = await am.post('/assets', laptop({ assetTag: 'PC-DUP-1' }));
    expect(tag.status).toBe(409);
    expect(tag.body.details).toEqual([{ field: 'assetTag', reason: 'is already used by another CI: PC-DUP-1' }]);
    const serial = await am.post('/assets', laptop({ serialNumber: 'SER-DUP-1', manufacturer: 'Dell' }));
    expect(serial.status).toBe(409);
    expect(serial.body.details).toEqual([
      { field: 'serialNumber', reason: 'is already recorded for another CI of Dell: SER-DUP-1' },
    ]);
    // The same serial from another manufacturer is another device.
    expect((await am.post('/assets', laptop({ serialNumber: 'SER-DUP-1', manufacturer: 'HP' }))).status).toBe(201);
    const second = await create(laptop());
    const edit = await am.patch(`/assets/${second.id}`, { assetTag: 'PC-DUP-1' });
    expect(edit.status).toBe(409);
    expect(edit.body.details[0].field).toBe('assetTag');
    expect((await am.get(`/assets/${second.id}`)).body.version).toBe(1);
    expect((await am.get(`/assets/${first.id}`)).body.assetTag).toBe('PC-DUP-1');
  });

  it('lets only asset managers and admins change CIs; agents read; employees see only their own', async () => {
    const byAdmin = await as(t, t.people.admin).post('/assets', laptop());
    expect(byAdmin.status).toBe(201);
    const id = byAdmin.body.id;
    const mine = await create(laptop({ name: '山田さんの PC 🌸' }));
    expect((await as(t, t.people.admin).post(`/assets/${mine.id}/assign`, { userId: t.people.employee.id })).status).toBe(200);

    for (const who of [t.people.agent, t.people.employee]) {
      const r = as(t, who);
      expect((await r.post('/assets', laptop())).status).toBe(403);
      expect((await r.patch(`/assets/${id}`, { name: 'y' })).status).toBe(403);
      expect((await r.post(`/assets/${id}/transition`, { state: 'retired' })).status).toBe(403);
      expect((await r.post(`/assets/${id}/assign`, { userId: who.id })).status).toBe(403);
      expect((await r.post(`/assets/${mine.id}/unassign`, {})).status).toBe(403);
    }
    const agent = as(t, t.people.agent);
    expect((await agent.get(`/assets/${id}`)).status).toBe(200);
    expect((await agent.get(`/assets/${id}/history`)).status).toBe(200);
    expect((await agent.get('/assets')).status).toBe(200);
    const callersDevices = await agent.get(`/users/${t.people.employee.id}/assets`);
    expect(callersDevices.status).toBe(200);
    expect(callersDevices.body.items.map((c: { id: string }) => c.id)).toEqual([mine.id]);

    const employee = as(t, t.people.employee);
    expect((await employee.get('/assets')).status).toBe(403);
    expect((await employee.get(`/users/${t.people.employee.id}/assets`)).status).toBe(403);
    expect((await employee.get(`/assets/${id}/history`)).status).toBe(403);
    expect((await employee.get(`/assets/${id}`)).status).toBe(404);
    const own = await employee.get(`/assets/${mine.number}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ name: '山田さんの PC 🌸', assignedToId: t.people.employee.id });
    const myAssets = await employee.get('/me/assets');
    expect(myAssets.status).toBe(200);
    expect(myAssets.body).toEqual({ items: [expect.objectContaining({ id: mine.id })], nextCursor: null });
    expect((await as(t, t.people.otherEmployee).get(`/assets/${mine.id}`)).status).toBe(404);
    expect((await as(t, t.people.otherEmployee).get('/me/assets')).body).toEqual({ items: [], nextCursor: null });
    expect((await request(t.http).get(`${t.apiPrefix}/me/assets`)).status).toBe(401);
    expect((await agent.get('/users/not-a-uuid/assets')).status).toBe(404);
  });

  it('walks the lifecycle, refuses what it does not allow with the allowed states (409), and disposed is final', async () => {
    const am = as(t, t.people.assetManager);
    const pc = await create(laptop({ state: 'ordered' }));
    expect(pc.allowedStates).toEqual(['in_stock']);
    const refused = await am.post(`/assets/${pc.id}/transition`, { state: 'deployed' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual([{ field: 'state', reason: 'is ordered; allowed next states: in_stock' }]);

    let version = 1;
    for (const state of [
      'in_stock',
      'deployed',
      'in_repair',
      'in_stock',
      'in_repair',
      'deployed',
      'retired',
      'in_stock',
      'retired',
    ]) {
      const res = await am.post(`/assets/${pc.id}/transition`, { state, note: `→ ${state}` });
      expect({ state, status: res.status }).toEqual({ state, status: 200 });
      expect(res.body).toMatchObject({ state, version: ++version });
      expect(res.headers.etag).toBe(`"${version}"`);
    }
    const sameState = await am.post(`/assets/${pc.id}/transition`, { state: 'retired' });
    expect(sameState.status).toBe(409);
    expect(sameState.body.details).toEqual([{ field: 'state', reason: 'is retired; allowed next states: in_stock, disposed' }]);
    expect((await am.post(`/assets/${pc.id}/transition`, { state: 'lost' })).status).toBe(400);

    const disposed = await am.post(`/assets/${pc.id}/transition`, { state: 'disposed' });
    expect(disposed.body).toMatchObject({ state: 'disposed', allowedStates: [] });
    for (const res of [
      await am.post(`/assets/${pc.id}/transition`, { state: 'in_stock' }),
      await am.patch(`/assets/${pc.id}`, { name: 'again' }),
      await am.post(`/assets/${pc.id}/assign`, { userId: t.people.employee.id }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual([{ field: 'state', reason: 'is disposed: a disposed CI is final and cannot change' }]);
    }

    const events = await waitForEvents(pc.id, 11);
    const changes = events.filter((e) => e.type === 'asset.state-changed').map((e) => e.payload.detail);
    expect(changes[0]).toEqual({ from: 'ordered', to: 'in_stock' });
    expect(changes.at(-1)).toEqual({ from: 'retired', to: 'disposed' });
    expect(changes).toHaveLength(10);
  });

  it('assigns to an active person (deploying a CI in stock), reassigns, returns, and refuses what cannot be assigned', async () => {
    const am = as(t, t.people.assetManager);
    const pc = await create(laptop());
    const assigned = await am.post(`/assets/${pc.id}/assign`, { userId: t.people.employee.id, note: '入社時貸与' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      state: 'deployed',
      assignedToId: t.people.employee.id,
      assignedToName: '山田 花子 🌸',
      department: '営業部',
      assignedAt: expect.any(String),
      version: 2,
    });
    let events = await waitForEvents(pc.id, 3);
    expect(events.slice(1).map((e) => [e.type, e.payload.detail])).toEqual([
      ['asset.assigned', { previousAssigneeId: null }],
      ['asset.state-changed', { from: 'in_stock', to: 'deployed' }],
    ]);
    expect(events[1].payload.ci).toMatchObject({ assignedToId: t.people.employee.id, department: '営業部', state: 'deployed' });

    const again = await am.post(`/assets/${pc.id}/assign`, { userId: t.people.employee.id });
    expect(again.body.version).toBe(2);
    const reassigned = await am.post(`/assets/${pc.id}/assign`, { userId: t.people.otherEmployee.id.toUpperCase() });
    expect(reassigned.body).toMatchObject({ state: 'deployed', assignedToId: t.people.otherEmployee.id, department: '経理部' });
    events = await waitForEvents(pc.id, 4);
    expect(events[3]).toMatchObject({
      type: 'asset.assigned',
      payload: { detail: { previousAssigneeId: t.people.employee.id } },
    });

    // In repair, it stays the person's; returned, it goes back to stock.
    expect((await am.post(`/assets/${pc.id}/transition`, { state: 'in_repair' })).body.assignedToId).toBe(
      t.people.otherEmployee.id,
    );
    const returned = await am.post(`/assets/${pc.id}/unassign`, {});
    expect(returned.body).toMatchObject({ state: 'in_stock', assignedToId: null, assignedToName: null, department: null });
    events = await waitForEvents(pc.id, 7);
    expect(events.slice(5).map((e) => [e.type, e.payload.detail])).toEqual([
      ['asset.unassigned', { previousAssigneeId: t.people.otherEmployee.id }],
      ['asset.state-changed', { from: 'in_repair', to: 'in_stock' }],
    ]);
    const notAssigned = await am.post(`/assets/${pc.id}/unassign`, {});
    expect(notAssigned.status).toBe(409);
    expect(notAssigned.body.details[0].field).toBe('assignedToId');

    // Returned to repair instead of stock.
    await am.post(`/assets/${pc.id}/assign`, { userId: t.people.employee.id });
    const toRepair = await am.post(`/assets/${pc.id}/unassign`, { state: 'in_repair' });
    expect(toRepair.body).toMatchObject({ state: 'in_repair', assignedToId: null });
    expect((await am.post(`/assets/${pc.id}/unassign`, { state: 'retired' })).status).toBe(400);

    // Retiring an assigned CI ends the assignment.
    await am.post(`/assets/${pc.id}/assign`, { userId: t.people.employee.id });
    const retired = await am.post(`/assets/${pc.id}/transition`, { state: 'retired' });
    expect(retired.body).toMatchObject({ state: 'retired', assignedToId: null });
    events = await waitForEvents(pc.id, 13);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['asset.state-changed', 'asset.unassigned']);
    const retiredAssign = await am.post(`/assets/${pc.id}/assign`, { userId: t.people.employee.id });
    expect(retiredAssign.status).toBe(409);
    expect(retiredAssign.body.details).toEqual([
      { field: 'state', reason: 'is retired; only a CI in stock, deployed or in repair can be assigned' },
    ]);
    const ordered = await create(laptop({ state: 'ordered' }));
    expect((await am.post(`/assets/${ordered.id}/assign`, { userId: t.people.employee.id })).status).toBe(409);

    // Only active people; only hardware and SaaS accounts.
    const leaver: TestPerson = {
      id: randomUUID(),
      email: 'leaver@example.com',
      name: '退職 太郎',
      roles: ['employee'],
      department: '総務部',
    };
    await t.userEvent('created', leaver);
    await t.userEvent('deactivated', leaver);
    await directoryKnows([leaver], false);
    const fresh = await create(laptop());
    for (const userId of [leaver.id, randomUUID()]) {
      const res = await am.post(`/assets/${fresh.id}/assign`, { userId });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'userId', reason: 'is not an active person in the directory' }]);
    }
    expect((await am.post(`/assets/${fresh.id}/assign`, { userId: 'nobody' })).body.details[0].field).toBe('userId');
    const licence = await create({ type: 'licence', name: 'Adobe CC', seatsOwned: 5 });
    const noAssign = await am.post(`/assets/${licence.id}/assign`, { userId: t.people.employee.id });
    expect(noAssign.status).toBe(400);
    expect(noAssign.body.details).toEqual([{ field: 'userId', reason: 'assignment does not apply to licence' }]);
    const account = await create({ type: 'saas_account', name: 'Zoom: yamada' });
    expect((await am.post(`/assets/${account.id}/assign`, { userId: t.people.employee.id })).body.state).toBe('deployed');
    expect((await am.post(`/assets/${account.id}/unassign`, { state: 'in_repair' })).body.details).toEqual([
      { field: 'state', reason: 'in_repair does not apply to saas_account' },
    ]);
    expect((await am.get(`/assets/${fresh.id}`)).body).toMatchObject({ version: 1, assignedToId: null, state: 'in_stock' });
  });

  it('edits fields with optimistic locking: If-Match or body version, stale → 409, no-op keeps the version', async () => {
    const am = as(t, t.people.assetManager);
    const pc = await create(laptop({ location: '大阪支店', os: 'Windows 10' }));
    const edited = await am.patch(`/assets/${pc.id}`, { os: 'Windows 11', location: null, name: 'PC 改 ✨' }, 1);
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.body).toMatchObject({ os: 'Windows 11', location: null, name: 'PC 改 ✨', version: 2 });
    const [, updated] = await waitForEvents(pc.id, 2);
    expect(updated).toMatchObject({ type: 'asset.updated', payload: { detail: { fields: ['name', 'location', 'os'] } } });

    const stale = await am.patch(`/assets/${pc.id}`, { os: 'Linux' }, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.details).toEqual([{ field: 'version', reason: 'is 1, current is 2' }]);
    const staleBody = await am.patch(`/assets/${pc.id}`, { os: 'Linux', version: 1 });
    expect(staleBody.status).toBe(409);
    const staleAction = await am.post(`/assets/${pc.id}/transition`, { state: 'retired' }, 1);
    expect(staleAction.status).toBe(409);
    expect(staleAction.body.details[0].field).toBe('version');
    const badIfMatch = await request(t.http)
      .patch(`${t.apiPrefix}/assets/${pc.id}`)
      .set('Authorization', await t.bearer(t.people.assetManager))
      .set('If-Match', 'yesterday')
      .send({ os: 'Linux' });
    expect(badIfMatch.status).toBe(400);

    const same = await am.patch(`/assets/${pc.id}`, { os: ' Windows 11 ', type: 'laptop', state: 'in_stock' }, 2);
    expect(same.body.version).toBe(2);
    const cases: Array<[object, string, string | RegExp]> = [
      [{ type: 'desktop' }, 'type', 'cannot be changed (is laptop)'],
      [{ state: 'deployed' }, 'state', /\/transition/],
      [{ seatsOwned: 3 }, 'seatsOwned', 'does not apply to laptop'],
      [{ name: null }, 'name', 'must not be empty'],
      [{ warrantyEnd: '2020-01-01', purchaseDate: '2021-01-01' }, 'warrantyEnd', 'must not be before purchaseDate (2021-01-01)'],
      [{ assignedToId: t.people.employee.id }, 'assignedToId', /should not exist/],
      [{ version: 'two' }, 'version', /whole number/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await am.patch(`/assets/${pc.id}`, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details).toContainEqual({
        field,
        reason: typeof reason === 'string' ? reason : expect.stringMatching(reason),
      });
    }
    expect((await am.patch('/assets/CI-99999', { name: 'x' })).status).toBe(404);
    expect((await am.get(`/assets/${pc.id}`)).body.version).toBe(2);
  });

  it('keeps every change in the history with who and when, newest first, paged', async () => {
    const am = as(t, t.people.assetManager);
    const pc = await create(laptop({ location: '名古屋' }));
    await as(t, t.people.admin).patch(`/assets/${pc.id}`, { location: '福岡 🍜' });
    await am.post(`/assets/${pc.id}/assign`, { userId: t.people.employee.id, note: '貸与' });
    await am.post(`/assets/${pc.id}/unassign`, { note: '返却' });

    const agent = as(t, t.people.agent);
    const first = await agent.get(`/assets/${pc.number}/history?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({
        action: 'unassigned',
        actorId: t.people.assetManager.id,
        actorRole: 'asset_manager',
        ciVersion: 4,
        note: '返却',
        changes: expect.arrayContaining([
          { field: 'state', from: 'deployed', to: 'in_stock' },
          { field: 'assignedToId', from: t.people.employee.id, to: null },
        ]),
      }),
      expect.objectContaining({ action: 'assigned', ciVersion: 3, note: '貸与', at: expect.any(String) }),
    ]);
    const second = await agent.get(`/assets/${pc.id}/history?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({
      items: [
        expect.objectContaining({
          action: 'updated',
          actorId: t.people.admin.id,
          actorRole: 'admin',
          changes: [{ field: 'location', from: '名古屋', to: '福岡 🍜' }],
        }),
        expect.objectContaining({ action: 'created', ciVersion: 1, changes: [] }),
      ],
      nextCursor: null,
    });
    expect((await agent.get(`/assets/${pc.id}/history?cursor=bad!`)).status).toBe(400);
    expect((await agent.get('/assets/CI-99999/history')).status).toBe(404);
  });
});
