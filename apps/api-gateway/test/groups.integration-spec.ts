import { Topics } from '@helpdesk/contracts';
import { OutboxMessage } from '@helpdesk/messaging';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { API, GatewayTestApp, startGateway } from './gateway-test-app';

describe('groups (real PostgreSQL)', () => {
  let gw: GatewayTestApp;
  let admin: string;
  let employee: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    gw = await startGateway('groups');
    admin = await gw.bearer('admin@example.com');
    employee = await gw.bearer('employee@example.com');
    for (const email of ['agent@example.com', 'specialist@example.com', 'supervisor@example.com', 'employee@example.com'])
      ids[email] = (await gw.login(email)).user.id;
  });
  afterAll(() => gw?.close());

  it('lists the seeded groups with Japanese names, filtered by tier and searchable in Japanese', async () => {
    const all = await request(gw.http).get(`${API}/groups`).set('Authorization', employee).expect(200);
    expect(all.body.items.map((g: { name: string }) => g.name)).toEqual([
      'Applications',
      'Desktop Support',
      'Identity & Access',
      'Network',
      'Service Desk',
    ]);
    const tier1 = await request(gw.http).get(`${API}/groups`).query({ tier: 1 }).set('Authorization', employee).expect(200);
    expect(tier1.body.items).toEqual([
      expect.objectContaining({
        name: 'Service Desk',
        nameJa: 'サービスデスク',
        tier: 1,
        memberIds: expect.arrayContaining([ids['agent@example.com']]),
      }),
    ]);
    const search = await request(gw.http)
      .get(`${API}/groups`)
      .query({ q: 'ネットワーク' })
      .set('Authorization', employee)
      .expect(200);
    expect(search.body.items.map((g: { name: string }) => g.name)).toEqual(['Network']);
    expect(tier1.body.items[0].supervisorId).toBe(ids['supervisor@example.com']);
  });

  it('creates, changes and replaces members as admin; each change audited and published through the outbox', async () => {
    const bad = await request(gw.http)
      .post(`${API}/groups`)
      .set('Authorization', admin)
      .send({ name: '', tier: 3, memberIds: ['nope'] })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['memberIds', 'name', 'tier']);

    const created = await request(gw.http)
      .post(`${API}/groups`)
      .set('Authorization', admin)
      .send({
        name: 'Facilities IT 🏢',
        nameJa: '設備IT',
        description: '会議室の機器',
        tier: 2,
        supervisorId: ids['supervisor@example.com'],
        memberIds: [ids['specialist@example.com']],
      })
      .expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      name: 'Facilities IT 🏢',
      nameJa: '設備IT',
      version: 1,
      memberIds: [ids['specialist@example.com']],
    });

    await request(gw.http)
      .post(`${API}/groups`)
      .set('Authorization', admin)
      .send({ name: 'facilities it 🏢', tier: 2 })
      .expect(409);
    const unknownMember = await request(gw.http)
      .put(`${API}/groups/${id}/members`)
      .set('Authorization', admin)
      .send({ memberIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(unknownMember.body).toMatchObject({ code: 'MEMBER_NOT_FOUND', details: [{ field: 'memberIds' }] });

    const members = [ids['agent@example.com'], ids['specialist@example.com']].sort();
    const replaced = await request(gw.http)
      .put(`${API}/groups/${id}/members`)
      .set('Authorization', admin)
      .set('If-Match', '"1"')
      .send({ memberIds: members })
      .expect(200);
    expect(replaced.body).toMatchObject({ memberIds: members, version: 2 });
    await request(gw.http)
      .put(`${API}/groups/${id}/members`)
      .set('Authorization', admin)
      .set('If-Match', '"1"')
      .send({ memberIds: [] })
      .expect(409);

    const patched = await request(gw.http)
      .patch(`${API}/groups/${id}`)
      .set('Authorization', admin)
      .send({ version: 2, tier: 1, description: null })
      .expect(200);
    expect(patched.body).toMatchObject({ tier: 1, description: null, version: 3 });
    await request(gw.http).patch(`${API}/groups/${id}`).set('Authorization', admin).send({ version: 2, tier: 2 }).expect(409);

    const audit = await request(gw.http)
      .get(`${API}/audit`)
      .query({ entityType: 'group', entityId: id })
      .set('Authorization', admin)
      .expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual([
      'group.updated',
      'group.members_changed',
      'group.created',
    ]);
    expect(audit.body.items[1].context).toEqual({ added: [ids['agent@example.com']], removed: [] });
    expect(audit.body.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'tier', from: 2, to: 1 },
        { field: 'description', from: '会議室の機器', to: null },
      ]),
    );

    const outbox = await gw.app
      .get(DataSource)
      .getRepository(OutboxMessage)
      .find({ where: { messageKey: id }, order: { position: 'ASC' } });
    expect(outbox.map((m) => [m.topic, m.envelope.type, m.envelope.sequence])).toEqual([
      [Topics.identityGroup, 'identity.group.created', 1],
      [Topics.identityGroup, 'identity.group.members-changed', 2],
      [Topics.identityGroup, 'identity.group.updated', 3],
    ]);
    expect((outbox[1].envelope.payload as { memberIds: string[] }).memberIds).toEqual(members);
  });

  it('new members carry the group in their next token', async () => {
    const { accessToken } = await gw.login('agent@example.com');
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
    expect(claims.groups.length).toBeGreaterThanOrEqual(2);
  });

  it('an employee may read groups but not change them; unknown ids are 404', async () => {
    const anyGroup = (await request(gw.http).get(`${API}/groups`).set('Authorization', employee).expect(200)).body.items[0];
    await request(gw.http).get(`${API}/groups/${anyGroup.id}`).set('Authorization', employee).expect(200);
    await request(gw.http).post(`${API}/groups`).set('Authorization', employee).send({ name: 'Rogue', tier: 1 }).expect(403);
    await request(gw.http).patch(`${API}/groups/${anyGroup.id}`).set('Authorization', employee).send({ tier: 1 }).expect(403);
    await request(gw.http)
      .put(`${API}/groups/${anyGroup.id}/members`)
      .set('Authorization', employee)
      .send({ memberIds: [] })
      .expect(403);
    await request(gw.http).get(`${API}/groups/00000000-0000-4000-8000-000000000000`).set('Authorization', employee).expect(404);
  });
});
