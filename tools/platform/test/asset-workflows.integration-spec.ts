/**
 * End to end through the gateway: the CMDB as the asset manager, an employee and an agent use it, on the
 * platform `npm start` runs (the asset service learns people from identity.* and incidents from incident.*).
 */
import { waitFor } from '@helpdesk/testing';
import { Actor, GatewayClient } from './support/gateway-client';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

describe('asset workflows through the gateway (npm start: real PostgreSQL and Kafka)', () => {
  let platform: PlatformUnderTest;
  let employee: Actor;
  let agent: Actor;
  let assetManager: Actor;

  beforeAll(async () => {
    platform = await startPlatform('assets');
    const gateway = new GatewayClient(platform.gatewayPort);
    [employee, agent, assetManager] = await Promise.all(
      ['employee@example.com', 'agent@example.com', 'asset.manager@example.com'].map((e) => gateway.signIn(e)),
    );
  }, 300_000);

  afterAll(async () => {
    await platform?.dispose();
  }, 120_000);

  it('registers a laptop, assigns it, shows it as "my device", and lists the incidents reported on it', async () => {
    const created = await assetManager.post('/assets', {
      type: 'laptop',
      name: 'ThinkPad X1 (営業部 山田) 💻',
      assetTag: `E2E-${Date.now()}`,
      serialNumber: `SN-${Date.now()}`,
      manufacturer: 'Lenovo',
      model: 'X1 Carbon Gen 12',
      os: 'Windows 11',
      warrantyEnd: '2029-03-31',
    });
    expect(created.status).toBe(201);
    const laptop = created.body;
    expect(laptop).toMatchObject({ number: expect.stringMatching(/^CI-\d{5}$/), state: 'in_stock' });
    expect((await agent.post('/assets', { type: 'laptop', name: 'x' })).status).toBe(403);
    expect((await employee.get('/assets')).status).toBe(403);

    // The asset service knows the employee from the gateway's identity events.
    const assigned = await waitFor(async () => {
      const res = await assetManager.post(`/assets/${laptop.id}/assign`, { userId: employee.id });
      return res.status === 200 ? res : undefined;
    });
    expect(assigned.body).toMatchObject({ state: 'deployed', assignedToId: employee.id });
    const mine = await employee.get('/me/assets');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(laptop.id);
    expect((await employee.get(`/assets/${laptop.number}`)).status).toBe(200);
    expect((await agent.get(`/users/${employee.id}/assets`)).body.items.map((c: { id: string }) => c.id)).toContain(laptop.id);

    const opened = await employee.post('/incidents', { shortDescription: 'ノートPCが起動しない', ciId: laptop.number });
    expect(opened.status).toBe(201);
    const history = await waitFor(async () => {
      const res = await agent.get(`/assets/${laptop.id}/incidents`);
      return res.body.items?.some((i: { id: string }) => i.id === opened.body.id) ? res.body : undefined;
    });
    expect(history).toMatchObject({ problematic: false });

    const csv = await assetManager.get('/assets?format=csv&type=laptop');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(laptop.number);
    const dryRun = await assetManager.postText(
      '/assets/import?dryRun=true',
      'type,name,assetTag,purchaseDate\nlaptop,Spare 1,SPARE-1,2025-02-30\nmonitor,Dell U2723QE,,\n',
      'text/csv; charset=utf-8',
    );
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ dryRun: true, importable: false });
    expect(dryRun.body.problems).toEqual([expect.objectContaining({ row: 2, field: 'purchaseDate' })]);
  }, 120_000);
});
