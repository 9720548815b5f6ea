import { CI_TYPES } from '@helpdesk/contracts';
import { as, AssetTestApp, startAssetService } from './support/asset-test-app';

/** Custom attributes per CI type, defined at run time, and what CIs of the type then take. */
describe('CI types and custom attributes (real PostgreSQL and Kafka)', () => {
  let t: AssetTestApp;

  beforeAll(async () => {
    t = await startAssetService('attributes');
  });
  afterAll(async () => t?.close());

  const define = (type: string, body: object, who = t.people.assetManager) =>
    as(t, who).post(`/assets/types/${type}/attributes`, body);

  it('lists the 13 types with the built-in fields each takes, to anyone signed in', async () => {
    const res = await as(t, t.people.employee).get('/assets/types');
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((x: { type: string }) => x.type)).toEqual([...CI_TYPES]);
    const byType = Object.fromEntries(res.body.items.map((x: { type: string }) => [x.type, x]));
    expect(byType.laptop).toMatchObject({ hardware: true, assignable: true, attributes: [] });
    expect(byType.laptop.fields.map((f: { field: string }) => f.field)).toEqual([
      'name',
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
    ]);
    expect(byType.monitor.fields.map((f: { field: string }) => f.field)).not.toContain('os');
    expect(byType.licence.fields).toContainEqual({ field: 'seatsOwned', required: true, format: 'whole number ≥ 0' });
    expect(byType.saas_account).toMatchObject({ hardware: false, assignable: true });
    expect(byType.business_service).toMatchObject({ assignable: false, fields: [expect.objectContaining({ field: 'name' })] });
  });

  it('lets admins and asset managers define attributes (snake_case key unique per type); others may not', async () => {
    const created = await define('laptop', {
      key: 'memory_gb',
      labelJa: 'メモリ (GB)',
      labelEn: 'Memory (GB)',
      dataType: 'number',
      required: false,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      ciType: 'laptop',
      key: 'memory_gb',
      labelJa: 'メモリ (GB)',
      labelEn: 'Memory (GB)',
      dataType: 'number',
      required: false,
    });
    const byAdmin = await define(
      'laptop',
      { key: 'encrypted', labelJa: '暗号化 🔒', labelEn: 'Encrypted', dataType: 'boolean' },
      t.people.admin,
    );
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.required).toBe(false);
    // The same key on another type is another attribute.
    expect((await define('server', { key: 'memory_gb', labelJa: 'メモリ', labelEn: 'Memory', dataType: 'number' })).status).toBe(
      201,
    );

    const duplicate = await define('laptop', { key: 'memory_gb', labelJa: 'x', labelEn: 'x', dataType: 'string' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ field: 'key', reason: 'is already defined for laptop' }]);
    for (const who of [t.people.agent, t.people.employee]) {
      expect((await define('laptop', { key: 'colour', labelJa: '色', labelEn: 'Colour', dataType: 'string' }, who)).status).toBe(
        403,
      );
    }
    expect((await define('spaceship', { key: 'colour', labelJa: '色', labelEn: 'Colour', dataType: 'string' })).status).toBe(404);
    expect((await as(t, t.people.agent).get('/assets/types/spaceship/attributes')).status).toBe(404);

    const bad: Array<[object, string]> = [
      [{ key: 'MemoryGb', labelJa: 'x', labelEn: 'x', dataType: 'string' }, 'key'],
      [{ key: '1st', labelJa: 'x', labelEn: 'x', dataType: 'string' }, 'key'],
      [{ key: 'a'.repeat(51), labelJa: 'x', labelEn: 'x', dataType: 'string' }, 'key'],
      [{ key: 'asset_tag', labelJa: 'x', labelEn: 'x', dataType: 'string' }, 'key'],
      [{ key: 'colour', labelJa: ' ', labelEn: 'x', dataType: 'string' }, 'labelJa'],
      [{ key: 'colour', labelJa: '色\u0000', labelEn: 'x', dataType: 'string' }, 'labelJa'],
      [{ key: 'colour', labelJa: '色', labelEn: 'x'.repeat(101), dataType: 'string' }, 'labelEn'],
      [{ key: 'colour', labelJa: '色', labelEn: 'Colour', dataType: 'colour' }, 'dataType'],
      [{ key: 'colour', labelJa: '色', labelEn: 'Colour', dataType: 'string', required: 'yes' }, 'required'],
      [{ key: 'colour', labelJa: '色', labelEn: 'Colour', dataType: 'string', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const res = await define('laptop', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await define('laptop', { key: 'asset_tag', labelJa: 'x', labelEn: 'x', dataType: 'string' })).body.details).toEqual([
      { field: 'key', reason: 'is a built-in field of CIs' },
    ]);

    const list = await as(t, t.people.employee).get('/assets/types/laptop/attributes');
    expect(list.body.items.map((d: { key: string }) => d.key)).toEqual(['memory_gb', 'encrypted']);
    const types = (await as(t, t.people.agent).get('/assets/types')).body.items;
    expect(types.find((x: { type: string }) => x.type === 'server').attributes.map((d: { key: string }) => d.key)).toEqual([
      'memory_gb',
    ]);
  });

  it('validates CIs\u2019 attributes by the type\u2019s definitions, without code changes', async () => {
    await define('laptop', { key: 'lease_end', labelJa: 'リース満了日', labelEn: 'Lease end', dataType: 'date' });
    await define('laptop', { key: 'cpu', labelJa: 'CPU', labelEn: 'CPU', dataType: 'string' });
    const am = as(t, t.people.assetManager);
    const pc = await am.post('/assets', {
      type: 'laptop',
      name: 'PC 属性',
      attributes: { memory_gb: 16, encrypted: true, lease_end: '2028-03-31', cpu: 'Core Ultra 7 ⚡' },
    });
    expect(pc.status).toBe(201);
    expect(pc.body.attributes).toEqual({ memory_gb: 16, encrypted: true, lease_end: '2028-03-31', cpu: 'Core Ultra 7 ⚡' });
    expect((await am.get(`/assets/${pc.body.id}`)).body.attributes).toEqual(pc.body.attributes);

    const cases: Array<[object, string, string]> = [
      [{ memory_gb: 'lots' }, 'attributes.memory_gb', 'must be a number'],
      [{ encrypted: 'maybe' }, 'attributes.encrypted', 'must be true or false'],
      [{ lease_end: '2028-02-30' }, 'attributes.lease_end', 'must be a real date YYYY-MM-DD'],
      [{ cpu: 'x\u0000' }, 'attributes.cpu', 'must be on one line, without control characters'],
      [{ colour: 'red' }, 'attributes.colour', 'is not defined for laptop'],
    ];
    for (const [attributes, field, reason] of cases) {
      const res = await am.post('/assets', { type: 'laptop', name: 'x', attributes });
      expect({ attributes, status: res.status }).toEqual({ attributes, status: 400 });
      expect(res.body.details).toEqual([{ field, reason }]);
    }
    // memory_gb is defined for servers and laptops, not monitors.
    expect((await am.post('/assets', { type: 'monitor', name: 'x', attributes: { memory_gb: 1 } })).body.details).toEqual([
      { field: 'attributes.memory_gb', reason: 'is not defined for monitor' },
    ]);

    const edited = await am.patch(`/assets/${pc.body.id}`, { attributes: { memory_gb: '32', cpu: null } });
    expect(edited.body.attributes).toEqual({ memory_gb: 32, encrypted: true, lease_end: '2028-03-31' });
    const history = (await am.get(`/assets/${pc.body.id}/history?limit=1`)).body.items[0];
    expect(history.changes).toEqual([
      {
        field: 'attributes',
        from: { memory_gb: 16, encrypted: true, lease_end: '2028-03-31', cpu: 'Core Ultra 7 ⚡' },
        to: { memory_gb: 32, encrypted: true, lease_end: '2028-03-31' },
      },
    ]);
  });

  it('enforces a new required attribute on creation and when edited, leaving existing CIs valid', async () => {
    const am = as(t, t.people.assetManager);
    const old = await am.post('/assets', { type: 'desktop', name: 'Old desktop' });
    expect(old.status).toBe(201);
    const required = await define('desktop', {
      key: 'cost_centre',
      labelJa: '原価センター',
      labelEn: 'Cost centre',
      dataType: 'string',
      required: true,
    });
    expect(required.body.required).toBe(true);

    const missing = await am.post('/assets', { type: 'desktop', name: 'New desktop' });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'attributes.cost_centre', reason: 'is required for desktop' }]);
    expect((await am.post('/assets', { type: 'desktop', name: 'New', attributes: { cost_centre: 'CC-100' } })).status).toBe(201);

    // The old one still reads and edits; only clearing the required attribute is refused.
    expect((await am.get(`/assets/${old.body.id}`)).status).toBe(200);
    const renamed = await am.patch(`/assets/${old.body.id}`, { name: 'Old desktop 2' });
    expect(renamed.status).toBe(200);
    const cleared = await am.patch(`/assets/${old.body.id}`, { attributes: { cost_centre: '' } });
    expect(cleared.status).toBe(400);
    expect(cleared.body.details).toEqual([{ field: 'attributes.cost_centre', reason: 'is required for desktop' }]);
    expect((await am.patch(`/assets/${old.body.id}`, { attributes: { cost_centre: 'CC-200' } })).body.attributes).toEqual({
      cost_centre: 'CC-200',
    });
    expect((await am.post(`/assets/${old.body.id}/transition`, { state: 'retired' })).status).toBe(200);
  });
});
