import { Topics } from '@helpdesk/contracts';
import { OutboxMessage } from '@helpdesk/messaging';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { API, GatewayTestApp, startGateway } from './gateway-test-app';

describe('users (real PostgreSQL)', () => {
  let gw: GatewayTestApp;
  let admin: string;
  let agent: string;
  let employee: string;
  let employeeId: string;

  beforeAll(async () => {
    gw = await startGateway('users');
    admin = await gw.bearer('admin@example.com');
    agent = await gw.bearer('agent@example.com');
    const signIn = await gw.login('employee@example.com');
    employee = `Bearer ${signIn.accessToken}`;
    employeeId = signIn.user.id;
  });
  afterAll(() => gw?.close());

  const post = (body: object, auth = admin) => request(gw.http).post(`${API}/users`).set('Authorization', auth).send(body);

  it('400 with one details entry per bad field', async () => {
    const res = await post({
      email: 'not-an-email',
      roles: ['wizard'],
      locale: 'fr',
      timeZone: 'Mars/Olympus',
      phone: 'call me',
      unknownField: 1,
    }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['displayNameJa', 'email', 'locale', 'phone', 'roles', 'timeZone', 'unknownField']);
    expect(new Set(fields).size).toBe(fields.length);
    expect(res.body.details.find((d: { field: string }) => d.field === 'displayNameJa').reason).toContain(
      'displayNameJa or displayNameEn is required',
    );
  });

  it('round-trips Japanese names and emoji through create, read and search', async () => {
    const created = await post({
      email: 'Hanako.Yamashita@Example.com',
      displayNameJa: '山下 花子 🌸',
      displayNameEn: 'Hanako Yamashita',
      department: '経理部',
      password: 'パスワードは長く-🔑-2026',
    }).expect(201);
    expect(created.headers.location).toBe(`${API}/users/${created.body.id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      displayName: '山下 花子 🌸',
      displayNameJa: '山下 花子 🌸',
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      roles: ['employee'],
      active: true,
      version: 1,
    });
    expect(created.body).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(created.body)).not.toContain('argon2');

    const read = await request(gw.http).get(`${API}/users/${created.body.id}`).set('Authorization', agent).expect(200);
    expect(read.body.displayNameJa).toBe('山下 花子 🌸');

    for (const q of ['山下', '花子', '山下花子', 'yamashita', '🌸', 'hanako.yamashita@']) {
      const found = await request(gw.http).get(`${API}/users`).query({ q }).set('Authorization', agent).expect(200);
      expect(found.body.items.map((u: { id: string }) => u.id)).toContain(created.body.id);
    }
    const none = await request(gw.http)
      .get(`${API}/users`)
      .query({ q: '存在しない名前' })
      .set('Authorization', agent)
      .expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });

    // The new user signs in with a Unicode password.
    await gw.login('hanako.yamashita@example.com', 'パスワードは長く-🔑-2026');
  });

  it('e-mail is unique regardless of case (409)', async () => {
    const res = await post({ email: 'ADMIN@example.com', displayNameEn: 'Copy Cat' }).expect(409);
    expect(res.body).toMatchObject({ code: 'EMAIL_TAKEN', details: [{ field: 'email' }] });
  });

  it('filters by role, department and active, with cursor pagination', async () => {
    const page1 = await request(gw.http)
      .get(`${API}/users`)
      .query({ department: '経理部', limit: 2 })
      .set('Authorization', agent)
      .expect(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const seen = [...page1.body.items];
    let cursor = page1.body.nextCursor;
    while (cursor) {
      const next = await request(gw.http)
        .get(`${API}/users`)
        .query({ department: '経理部', limit: 2, cursor })
        .set('Authorization', agent)
        .expect(200);
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(seen.every((u) => u.department === '経理部')).toBe(true);
    expect(new Set(seen.map((u) => u.id)).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);

    const specialists = await request(gw.http)
      .get(`${API}/users`)
      .query({ role: 'specialist', active: 'true' })
      .set('Authorization', agent)
      .expect(200);
    expect(specialists.body.items.length).toBeGreaterThan(0);
    expect(specialists.body.items.every((u: { roles: string[] }) => u.roles.includes('specialist'))).toBe(true);

    const bad = await request(gw.http)
      .get(`${API}/users`)
      .query({ limit: 0, active: 'maybe', cursor: '%%%' })
      .set('Authorization', agent)
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['active', 'cursor', 'limit']);
  });

  it('an employee gets 403 on admin and staff routes and 404 for other users, but sees themself', async () => {
    await post({ email: 'x@example.com', displayNameEn: 'X' }, employee).expect(403);
    await request(gw.http).get(`${API}/users`).set('Authorization', employee).expect(403);
    await request(gw.http).get(`${API}/audit`).set('Authorization', employee).expect(403);
    await request(gw.http)
      .patch(`${API}/users/${employeeId}`)
      .set('Authorization', employee)
      .send({ roles: ['admin'] })
      .expect(403);
    const adminId = (await gw.login('admin@example.com')).user.id;
    const hidden = await request(gw.http).get(`${API}/users/${adminId}`).set('Authorization', employee).expect(404);
    expect(hidden.body).toMatchObject({ statusCode: 404, code: 'USER_NOT_FOUND' });
    await request(gw.http).get(`${API}/users/${employeeId}`).set('Authorization', employee).expect(200);
    await request(gw.http).get(`${API}/users/not-a-uuid`).set('Authorization', agent).expect(404);
    await request(gw.http).get(`${API}/users`).expect(401);
  });

  it('PATCH with a stale version (If-Match or body) → 409; a current one applies and bumps it', async () => {
    const created = await post({ email: 'version.test@example.com', displayNameJa: '版 太郎' }).expect(201);
    const id = created.body.id;
    const ok = await request(gw.http)
      .patch(`${API}/users/${id}`)
      .set('Authorization', admin)
      .set('If-Match', '"1"')
      .send({ department: '人事部' })
      .expect(200);
    expect(ok.body).toMatchObject({ department: '人事部', version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const staleHeader = await request(gw.http)
      .patch(`${API}/users/${id}`)
      .set('Authorization', admin)
      .set('If-Match', '"1"')
      .send({ department: '営業部' })
      .expect(409);
    expect(staleHeader.body).toMatchObject({ code: 'STALE_VERSION', details: [{ field: 'version' }] });
    await request(gw.http)
      .patch(`${API}/users/${id}`)
      .set('Authorization', admin)
      .send({ version: 1, department: '営業部' })
      .expect(409);
    await request(gw.http)
      .patch(`${API}/users/${id}`)
      .set('Authorization', admin)
      .set('If-Match', 'garbage')
      .send({ department: '営業部' })
      .expect(400);
    const current = await request(gw.http).get(`${API}/users/${id}`).set('Authorization', admin).expect(200);
    expect(current.body).toMatchObject({ department: '人事部', version: 2 });
  });

  it('deactivation revokes refresh tokens and blocks sign-in; everything is audited', async () => {
    const password = 'a-long-enough-password';
    const created = await post({ email: 'leaver@example.com', displayNameJa: '退職 予定', password }).expect(201);
    const session = await gw.login('leaver@example.com', password);
    await request(gw.http)
      .patch(`${API}/users/${created.body.id}`)
      .set('Authorization', admin)
      .send({ active: false, password: 'another-long-password' })
      .expect(200);
    await request(gw.http).post(`${API}/auth/refresh`).send({ refreshToken: session.refreshToken }).expect(401);
    const login = await request(gw.http)
      .post(`${API}/auth/login`)
      .set('X-Forwarded-For', '10.9.9.9')
      .send({ email: 'leaver@example.com', password: 'another-long-password' })
      .expect(401);
    expect(login.body.message).toBe('The e-mail address or password is wrong');

    const audit = await request(gw.http)
      .get(`${API}/audit`)
      .query({ entityType: 'user', entityId: created.body.id })
      .set('Authorization', admin)
      .expect(200);
    const actions = audit.body.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(['auth.login_failed', 'user.deactivated', 'auth.login_succeeded', 'user.created']);
    const deactivated = audit.body.items[1];
    expect(deactivated.actorRole).toBe('admin');
    expect(deactivated.correlationId).toEqual(expect.any(String));
    expect(deactivated.changes).toEqual(
      expect.arrayContaining([
        { field: 'active', from: true, to: false },
        { field: 'passwordHash', redacted: true },
      ]),
    );
    expect(JSON.stringify(audit.body)).not.toMatch(/argon2|another-long-password|a-long-enough-password/);
    const createdRow = audit.body.items[3];
    expect(createdRow.changes).toEqual(expect.arrayContaining([{ field: 'displayNameJa', from: null, to: '退職 予定' }]));
  });

  it('refuses to let an admin deactivate themself', async () => {
    const me = await request(gw.http).get(`${API}/me`).set('Authorization', admin).expect(200);
    const res = await request(gw.http)
      .patch(`${API}/users/${me.body.id}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(409);
    expect(res.body.code).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('writes identity.user.created to the outbox in the same transaction, and it arrives on Kafka', async () => {
    const created = await post({
      email: 'kafka.event@example.com',
      displayNameJa: '事象 花子 📨',
      displayNameEn: 'Hanako Event',
    }).expect(201);
    const rows = await gw.app
      .get(DataSource)
      .getRepository(OutboxMessage)
      .find({ where: { messageKey: created.body.id } });
    expect(rows.map((r) => [r.topic, r.envelope.type])).toEqual([[Topics.identityUser, 'identity.user.created']]);

    const recorder = await new TopicRecorder([Topics.identityUser]).start();
    try {
      const event = await waitFor(
        () =>
          recorder
            .values<{ type: string; aggregateId: string; payload: { displayNameJa: string }; actor: { role: string } }>(
              Topics.identityUser,
            )
            .find((e) => e.aggregateId === created.body.id),
        { timeoutMs: 30_000, description: 'identity.user.created on Kafka' },
      );
      expect(event).toMatchObject({
        type: 'identity.user.created',
        source: 'api-gateway',
        sequence: 1,
        actor: { role: 'admin' },
        payload: { displayNameJa: '事象 花子 📨', email: 'kafka.event@example.com' },
      });
      expect(JSON.stringify(event)).not.toContain('password');
      const message = recorder.messages.find((m) => m.key === created.body.id)!;
      expect(message.headers['x-event-type']).toBe('identity.user.created');
    } finally {
      await recorder.stop();
    }
  });
});
