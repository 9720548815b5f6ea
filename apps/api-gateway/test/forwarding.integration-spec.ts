import { freePort } from '@helpdesk/testing';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { API, GatewayTestApp, startGateway } from './gateway-test-app';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in incident service: echoes what it received, and has a few special paths. */
function startUpstream(): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url!.startsWith('/api/v1/incidents/INC0000404')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'No such incident', details: [] }));
        return;
      }
      if (req.url!.startsWith('/api/v1/incidents/stream')) {
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'x-total-count': '3' });
        let n = 0;
        const timer = setInterval(() => {
          res.write(`row,${n},日本語\n`);
          if (++n === 3) {
            clearInterval(timer);
            res.end();
          }
        }, 20);
        return;
      }
      res.writeHead(req.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json; charset=utf-8',
        etag: '"7"',
        location: '/api/v1/incidents/INC0000001',
      });
      const json = String(req.headers['content-type']).startsWith('application/json');
      res.end(JSON.stringify({ method: req.method, url: req.url, body: body ? (json ? JSON.parse(body) : body) : null }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }),
    ),
  );
}

describe('forwarding to upstream services', () => {
  let gw: GatewayTestApp;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let hanging: Server;
  let token: string;

  beforeAll(async () => {
    upstream = await startUpstream();
    hanging = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const deadPort = await freePort();
    gw = await startGateway('forwarding', {
      INCIDENT_SERVICE_URL: upstream.url,
      PROBLEM_SERVICE_URL: `http://127.0.0.1:${deadPort}`,
      KNOWLEDGE_BASE_SERVICE_URL: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`,
      UPSTREAM_TIMEOUT: '1s',
    });
    token = await gw.bearer('agent@example.com');
  });
  afterAll(async () => {
    await gw?.close();
    hanging?.closeAllConnections();
    await new Promise((resolve) => hanging?.close(resolve));
    await new Promise((resolve) => upstream?.server.close(resolve));
  });

  it('requires a valid token before forwarding anything', async () => {
    const before = upstream.seen.length;
    const res = await request(gw.http).get(`${API}/incidents`).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'TOKEN_MISSING', details: [] });
    await request(gw.http).get(`${API}/incidents`).set('Authorization', 'Bearer x.y.z').expect(401);
    expect(upstream.seen.length).toBe(before);
  });

  it('forwards method, path, query, JSON body and the allowed headers; streams status, headers and body back', async () => {
    const res = await request(gw.http)
      .post(`${API}/incidents?dryRun=true&q=${encodeURIComponent('プリンター')}`)
      .set('Authorization', token)
      .set('If-Match', '"3"')
      .set('Accept-Language', 'ja')
      .set('X-Correlation-Id', 'corr-forward-1')
      .set('Cookie', 'session=secret')
      .send({ shortDescription: 'プリンターが動かない 🖨️', impact: 3 })
      .expect(201);
    expect(res.body).toEqual({
      method: 'POST',
      url: `/api/v1/incidents?dryRun=true&q=${encodeURIComponent('プリンター')}`,
      body: { shortDescription: 'プリンターが動かない 🖨️', impact: 3 },
    });
    expect(res.headers.etag).toBe('"7"');
    expect(res.headers.location).toBe('/api/v1/incidents/INC0000001');
    expect(res.headers['x-correlation-id']).toBe('corr-forward-1');
    const seen = upstream.seen[upstream.seen.length - 1];
    expect(seen.headers).toMatchObject({
      authorization: token,
      'if-match': '"3"',
      'accept-language': 'ja',
      'x-correlation-id': 'corr-forward-1',
      'content-type': 'application/json',
    });
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers['x-forwarded-for']).toBeDefined();
  });

  it('passes upstream errors through as they are, and streams non-JSON bodies', async () => {
    const missing = await request(gw.http).get(`${API}/incidents/INC0000404`).set('Authorization', token).expect(404);
    expect(missing.body.message).toBe('No such incident');
    const csv = await request(gw.http)
      .get(`${API}/incidents/stream/export`)
      .set('Authorization', token)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['x-total-count']).toBe('3');
    expect(csv.text).toBe('row,0,日本語\nrow,1,日本語\nrow,2,日本語\n');
  });

  it('streams a non-JSON request body untouched', async () => {
    const csv = 'number,state\nINC0000001,新規\n';
    await request(gw.http)
      .post(`${API}/imports/servicenow-incidents`)
      .set('Authorization', token)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(201);
    const seen = upstream.seen[upstream.seen.length - 1];
    expect(seen.url).toBe('/api/v1/imports/servicenow-incidents');
    expect(seen.body).toBe(csv);
  });

  it('answers 502 in our error format when the upstream is down', async () => {
    const res = await request(gw.http).get(`${API}/problems`).set('Authorization', token).expect(502);
    expect(res.body).toMatchObject({
      statusCode: 502,
      error: 'Bad Gateway',
      code: 'UPSTREAM_UNAVAILABLE',
      details: [],
      correlationId: expect.any(String),
    });
  });

  it('answers 504 when the upstream does not answer in time (never hangs)', async () => {
    const started = Date.now();
    const res = await request(gw.http).get(`${API}/kb/search?q=vpn`).set('Authorization', token).expect(504);
    expect(res.body).toMatchObject({ statusCode: 504, code: 'UPSTREAM_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('leaves the gateway’s own routes alone, and sends /users/{id}/assets to the asset service', async () => {
    await request(gw.http).get(`${API}/users`).set('Authorization', token).expect(200);
    const me = await request(gw.http).get(`${API}/me`).set('Authorization', token).expect(200);
    // The asset service is not running in this test: a 502 proves the path was forwarded.
    await request(gw.http).get(`${API}/users/${me.body.id}/assets`).set('Authorization', token).expect(502);
    await request(gw.http).get(`${API}/nothing-here`).set('Authorization', token).expect(404);
  });

  it('counts forwarded requests in /metrics', async () => {
    const metrics = await request(gw.http).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/gateway_upstream_request_duration_seconds_count\{[^}]*upstream="incident",status="201"\} 2/);
    expect(metrics.text).toMatch(/gateway_upstream_request_duration_seconds_count\{[^}]*upstream="problem",status="error"\}/);
    expect(metrics.text).toMatch(
      /gateway_upstream_request_duration_seconds_count\{[^}]*upstream="knowledge-base",status="timeout"\}/,
    );
  });
});
