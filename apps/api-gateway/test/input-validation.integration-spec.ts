import { encodeCursor } from '@helpdesk/service-runtime';
import fc from 'fast-check';
import request from 'supertest';
import { API, GatewayTestApp, startGateway } from './gateway-test-app';

/** Percent-encodes every UTF-8 byte, so any string (NUL, lone surrogates, emoji) reaches the server as sent. */
const encodeQueryValue = (value: string) =>
  [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

const NASTY = [
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  '😀🌸👨‍👩‍👧',
  '山田 太郎',
  'ネットワーク',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '%00',
  '\u202e\u200b',
  '\n\t\r',
  'Asia/Tokyo',
  'ja',
  'admin',
  'a@example.com',
  '0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f',
  '2026-04-01T09:30:00.000Z',
  'x'.repeat(5000),
];

/** Strings a user, a script or an attacker might send. */
const anyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
  fc.tuple(fc.constantFrom(...NASTY), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
);

/** Any JSON value a PATCH body field might carry. */
const anyJsonValue = fc.oneof(
  { weight: 4, arbitrary: anyString },
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(anyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), anyString, { maxKeys: 2 }),
);

const uuid = '0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f';

describe('input validation: bad input is a 400 with details, never a 500', () => {
  let gw: GatewayTestApp;
  let admin: string;
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    gw = await startGateway('input_validation');
    admin = await gw.bearer('admin@example.com');
    const user = await request(gw.http)
      .post(`${API}/users`)
      .set('Authorization', admin)
      .send({ email: 'target.user@example.com', displayNameJa: '対象 太郎', displayNameEn: 'Taro Target' })
      .expect(201);
    userId = user.body.id;
    const group = await request(gw.http)
      .post(`${API}/groups`)
      .set('Authorization', admin)
      .send({ name: 'Validation Target', tier: 2 })
      .expect(201);
    groupId = group.body.id;
  });
  afterAll(() => gw?.close());

  const expect400On = (res: request.Response, field: string) => {
    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', details: expect.arrayContaining([{ field, reason: expect.any(String) }]) },
    });
  };

  it('PATCH: null for a field that cannot be cleared is a 400 on that field', async () => {
    for (const field of ['email', 'locale', 'timeZone', 'roles', 'active', 'version', 'password', 'displayName']) {
      const res = await request(gw.http)
        .patch(`${API}/users/${userId}`)
        .set('Authorization', admin)
        .send({ [field]: null });
      expect400On(res, field);
    }
    for (const field of ['name', 'tier', 'active', 'version']) {
      const res = await request(gw.http)
        .patch(`${API}/groups/${groupId}`)
        .set('Authorization', admin)
        .send({ [field]: null });
      expect400On(res, field);
    }
    // Fields that may be cleared still take null.
    await request(gw.http)
      .patch(`${API}/users/${userId}`)
      .set('Authorization', admin)
      .send({ department: null, phone: null, managerId: null, displayNameEn: null })
      .expect(200);
    await request(gw.http).patch(`${API}/groups/${groupId}`).set('Authorization', admin).send({ nameJa: null }).expect(200);
  });

  it('a malformed or oversized JSON body is a 4xx on body, with a reason a person can act on', async () => {
    const malformed = await request(gw.http)
      .post(`${API}/auth/login`)
      .set('Content-Type', 'application/json')
      .send('{"email": "agent@example.com", ');
    expect400On(malformed, 'body');
    expect(malformed.body.message).toBe('The request body is not valid JSON');
    const huge = await request(gw.http)
      .post(`${API}/auth/login`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'agent@example.com', password: 'x'.repeat(200_000) }));
    expect({ status: huge.status, details: huge.body.details }).toEqual({
      status: 413,
      details: [{ field: 'body', reason: 'is too large' }],
    });
  });

  it('hand-made cursors are a 400 on cursor, not a database error', async () => {
    const cases: Array<[string, string]> = [
      ['/users', encodeCursor({ n: 'x', id: 'not-a-uuid' })],
      ['/users', encodeCursor({ n: 'a\u0000b', id: uuid })],
      ['/users', encodeCursor({ n: 'x', id: `${uuid}' OR '1'='1` })],
      ['/groups', encodeCursor({ n: 'x', id: '42' })],
      ['/audit', encodeCursor({ at: 'yesterday', id: uuid })],
      ['/audit', encodeCursor({ at: '2026-13-45T99:00:00.000Z', id: uuid })],
      ['/audit', encodeCursor({ at: '2026-04-01T09:30:00.000Z', id: 'x' })],
    ];
    for (const [path, cursor] of cases) {
      const res = await request(gw.http).get(`${API}${path}?cursor=${cursor}`).set('Authorization', admin);
      expect400On(res, 'cursor');
    }
  });

  it('control characters (NUL) in query parameters are a 400 on the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['/users', 'q'],
      ['/users', 'department'],
      ['/groups', 'q'],
      ['/audit', 'entityId'],
      ['/audit', 'actorId'],
    ];
    for (const [path, param] of cases) {
      const res = await request(gw.http).get(`${API}${path}?${param}=a%00b`).set('Authorization', admin);
      expect400On(res, param);
    }
    expect400On(await request(gw.http).get(`${API}/audit?actorId=a%20b`).set('Authorization', admin), 'actorId');
    // Japanese, emoji and quotes are ordinary search text.
    for (const q of ['山田', '🌸', "O'Brien", '100%_done']) {
      await request(gw.http)
        .get(`${API}/users?q=${encodeQueryValue(q)}`)
        .set('Authorization', admin)
        .expect(200);
    }
  });

  it('any string in a list filter or cursor gives 200 or 400, never 5xx (property)', async () => {
    const params: Array<[string, string]> = [
      ['/users', 'q'],
      ['/users', 'department'],
      ['/users', 'active'],
      ['/users', 'role'],
      ['/users', 'limit'],
      ['/groups', 'q'],
      ['/groups', 'tier'],
      ['/audit', 'entityId'],
      ['/audit', 'actorId'],
      ['/audit', 'action'],
    ];
    const cursorShapes = [
      ['/users', ['n', 'id']],
      ['/groups', ['n', 'id']],
      ['/audit', ['at', 'id']],
    ] as const;
    const filterRequest = fc.tuple(fc.constantFrom(...params), anyString).map(([[path, param], value]) => ({
      path,
      query: `${param}=${encodeQueryValue(value)}`,
    }));
    const cursorRequest = fc
      .tuple(fc.constantFrom(...cursorShapes), anyJsonValue, anyJsonValue)
      .map(([[path, [a, b]], x, y]) => ({ path, query: `cursor=${encodeCursor({ [a]: x, [b]: y } as never)}` }));
    const rawCursorRequest = fc
      .tuple(fc.constantFrom(...cursorShapes), anyString)
      .map(([[path], value]) => ({ path, query: `cursor=${encodeQueryValue(value)}` }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(filterRequest, cursorRequest, rawCursorRequest), async ({ path, query }) => {
        const res = await request(gw.http).get(`${API}${path}?${query}`).set('Authorization', admin);
        expect({ path, query, status: res.status }).toEqual({ path, query, status: res.status < 500 ? res.status : 'not 5xx' });
        expect([200, 400]).toContain(res.status);
        if (res.status === 400) expect(res.body.details.length).toBeGreaterThan(0);
      }),
      { numRuns: 250 },
    );
  });

  it('any value in any PATCH field gives 200, 400 or 409, never 5xx (property)', async () => {
    const userFields = [
      'email',
      'displayName',
      'displayNameJa',
      'displayNameEn',
      'department',
      'managerId',
      'phone',
      'locale',
      'timeZone',
      'roles',
      'active',
      'password',
      'version',
    ];
    const groupFields = ['name', 'nameJa', 'description', 'tier', 'supervisorId', 'active', 'version'];
    const body = (fields: string[]) => fc.dictionary(fc.constantFrom(...fields), anyJsonValue, { minKeys: 1, maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          body(userFields).map((b) => ({ path: `/users/${userId}`, body: b })),
          body(groupFields).map((b) => ({ path: `/groups/${groupId}`, body: b })),
        ),
        async ({ path, body: sent }) => {
          const res = await request(gw.http).patch(`${API}${path}`).set('Authorization', admin).send(sent);
          expect({ sent, status: res.status }).toEqual({ sent, status: res.status < 500 ? res.status : 'not 5xx' });
          expect([200, 400, 409]).toContain(res.status);
        },
      ),
      { numRuns: 200 },
    );
  });
});
