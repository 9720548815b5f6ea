import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CiEntity } from '../src/cis/entities/ci.entity';
import { addDays, calendarToday } from '../src/reports/calendar-day';
import { as, AssetTestApp, startAssetService } from './support/asset-test-app';
import { changeCi, moveCiNumbersAway, seedCi } from './reports.fixtures';

describe('licences: seats owned vs used, over-allocation, expiry (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;
  let today: string;
  let office: CiEntity;
  let adobe: CiEntity;
  let lapsed: CiEntity;
  let unrecorded: CiEntity;
  const installs: CiEntity[] = [];

  beforeAll(async () => {
    t = await startAssetService('licences');
    await moveCiNumbersAway(t);
    today = calendarToday('Asia/Tokyo');
    const licence = (name: string, seatsOwned: number | null, expires: number | null) =>
      seedCi(t, {
        type: 'licence',
        name,
        seatsOwned,
        licenceExpiresOn: expires === null ? null : addDays(today, expires),
        manufacturer: 'Vendor',
      });
    // Names sort the list: A…, B…, C…, D….
    office = await licence('A Microsoft 365 E3 ライセンス', 2, 20);
    adobe = await licence('B Adobe Acrobat', 5, 100);
    lapsed = await licence('C Lapsed tool', 10, -1);
    unrecorded = await licence('D No seats recorded', null, null);
    const install = (name: string, licenceId: string, extra: Partial<CiEntity> = {}) =>
      seedCi(t, { type: 'software_installation', name, licenceId, state: 'deployed', ...extra });
    installs.push(
      await install('Office on PC-1', office.id, { assignedToId: t.people.employee.id, assignedToName: t.people.employee.name }),
      await install('Office on PC-2', office.id, { state: 'in_stock' }),
      await install('Office on PC-3', office.id, { state: 'in_repair' }),
    );
    // Retired and disposed installations hold no seat.
    await install('Office on old PC', office.id, { state: 'retired' });
    await install('Office on scrapped PC', office.id, { state: 'disposed' });
    await seedCi(t, { type: 'saas_account', name: 'Acrobat for 山田', licenceId: adobe.id, state: 'deployed' });
  });
  afterAll(async () => t?.close());

  const names = (body: { items: Array<{ name: string }> }) => body.items.map((l) => l.name);

  it('lists every licence with seats owned, used and free, over-allocation and days to expiry', async () => {
    const r = await as(t, t.people.agent).get('/licences');
    expect(r.status).toBe(200);
    expect(r.body.nextCursor).toBeNull();
    expect(r.body.items).toEqual([
      {
        id: office.id,
        number: office.number,
        name: 'A Microsoft 365 E3 ライセンス',
        state: 'in_stock',
        manufacturer: 'Vendor',
        model: null,
        seatsOwned: 2,
        seatsUsed: 3,
        seatsFree: 0,
        overAllocated: true,
        licenceExpiresOn: addDays(today, 20),
        expiresInDays: 20,
      },
      expect.objectContaining({
        id: adobe.id,
        seatsOwned: 5,
        seatsUsed: 1,
        seatsFree: 4,
        overAllocated: false,
        expiresInDays: 100,
      }),
      expect.objectContaining({
        id: lapsed.id,
        seatsOwned: 10,
        seatsUsed: 0,
        seatsFree: 10,
        overAllocated: false,
        expiresInDays: -1,
      }),
      expect.objectContaining({
        id: unrecorded.id,
        seatsOwned: null,
        seatsUsed: 0,
        seatsFree: 0,
        overAllocated: false,
        licenceExpiresOn: null,
        expiresInDays: null,
      }),
    ]);
  });

  it('filters over-allocated licences and those expiring within N days', async () => {
    const agent = as(t, t.people.agent);
    expect(names((await agent.get('/licences?overAllocated=true')).body)).toEqual([office.name]);
    expect(names((await agent.get('/licences?overAllocated=false')).body)).toEqual([adobe.name, lapsed.name, unrecorded.name]);
    expect(names((await agent.get('/licences?expiringWithinDays=30')).body)).toEqual([office.name]);
    expect(names((await agent.get('/licences?expiringWithinDays=19')).body)).toEqual([]);
    expect(names((await agent.get('/licences?expiringWithinDays=20')).body)).toEqual([office.name]);
    expect(names((await agent.get('/licences?expiringWithinDays=100&overAllocated=false')).body)).toEqual([adobe.name]);

    const first = await agent.get('/licences?limit=3');
    expect(names(first.body)).toEqual([office.name, adobe.name, lapsed.name]);
    const second = await agent.get(`/licences?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ id: unrecorded.id }], nextCursor: null });

    const bad = await agent.get('/licences?overAllocated=maybe&expiringWithinDays=-1');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['expiringWithinDays', 'overAllocated']);
  });

  it('shows a licence with the CIs holding its seats; a retired installation gives its seat back', async () => {
    const agent = as(t, t.people.agent);
    for (const ref of [office.number, office.number.toLowerCase(), office.id]) {
      const r = await agent.get(`/licences/${ref}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: office.id, seatsUsed: 3, overAllocated: true });
      expect(r.body.seats.map((s: { id: string }) => s.id)).toEqual(installs.map((i) => i.id));
    }
    expect((await agent.get(`/licences/${office.id}`)).body.seats[0]).toEqual({
      id: installs[0].id,
      number: installs[0].number,
      name: 'Office on PC-1',
      type: 'software_installation',
      state: 'deployed',
      assignedToId: t.people.employee.id,
      assignedToName: t.people.employee.name,
      department: null,
    });

    const retired = await changeCi(t, installs[2], { state: 'retired' });
    const after = await agent.get(`/licences/${office.id}`);
    expect(after.body).toMatchObject({ seatsOwned: 2, seatsUsed: 2, seatsFree: 0, overAllocated: false });
    expect(after.body.seats.map((s: { id: string }) => s.id)).toEqual([installs[0].id, installs[1].id]);
    expect(names((await agent.get('/licences?overAllocated=true')).body)).toEqual([]);
    await changeCi(t, retired, { state: 'in_stock' });
    expect((await agent.get(`/licences/${office.id}`)).body.overAllocated).toBe(true);
  });

  it('answers 404 for what is no licence, 403 to employees and 401 without a token', async () => {
    const agent = as(t, t.people.agent);
    expect((await agent.get(`/licences/${installs[0].number}`)).status).toBe(404);
    expect((await agent.get(`/licences/${randomUUID()}`)).status).toBe(404);
    expect((await agent.get('/licences/CI-99999999')).status).toBe(404);
    expect((await agent.get('/licences/nonsense')).status).toBe(404);
    expect((await as(t, t.people.employee).get('/licences')).status).toBe(403);
    expect((await as(t, t.people.employee).get(`/licences/${office.id}`)).status).toBe(403);
    expect((await as(t, t.people.assetManager).get('/licences')).status).toBe(200);
    expect((await request(t.http).get(`${t.apiPrefix}/licences`)).status).toBe(401);
  });
});
