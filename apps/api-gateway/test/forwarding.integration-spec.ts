import { freePort } from '@helpdesk/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServer, IncomingHttpHeaders, request as httpRequest, Server } from 'node:http';
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

/**
 * Sends a request with its path exactly as written: supertest parses URLs with WHATWG URL, which would
 * resolve `..` and `%2e%2e` before the gateway ever saw them.
 */
async function rawRequest(
  server: Server,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(text);
        } catch {
          body = { text };
        }
        resolve({ status: res.statusCode!, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The series of one histogram in a /metrics scrape (one `_count` line per label set). */
function seriesOf(metrics: string, name: string): string[] {
  return metrics.split('\n').filter((line) => line.startsWith(`${name}_count{`));
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
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_request"');
    const bad = await request(gw.http).get(`${API}/incidents`).set('Authorization', 'Bearer x.y.z').expect(401);
    expect(bad.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    const malformed = await request(gw.http).get(`${API}/incidents`).set('Authorization', 'Basic abc').expect(401);
    expect(malformed.body.code).toBe('TOKEN_INVALID');
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

  it('streams JSON bodies as sent, beyond the 100 kB a parser would allow (the service applies its own limit)', async () => {
    const text = `{ "shortDescription" : "長い記事", "body": "${'漢字'.repeat(60_000)}" }`;
    await request(gw.http)
      .post(`${API}/incidents`)
      .set('Authorization', token)
      .set('Content-Type', 'application/json')
      .send(text)
      .expect(201);
    const seen = upstream.seen[upstream.seen.length - 1];
    expect(seen.url).toBe('/api/v1/incidents');
    expect(Buffer.byteLength(seen.body)).toBeGreaterThan(300_000);
    expect(seen.body).toBe(text); // byte for byte: not parsed and re-encoded
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
    expect(metrics.text).toMatch(/gateway_upstream_request_duration_seconds_count\{[^}]*upstream="incident",status="201"\} 3/);
    expect(metrics.text).toMatch(/gateway_upstream_request_duration_seconds_count\{[^}]*upstream="problem",status="error"\}/);
    expect(metrics.text).toMatch(
      /gateway_upstream_request_duration_seconds_count\{[^}]*upstream="knowledge-base",status="timeout"\}/,
    );
  });

  it('refuses dot segments and encoded slashes (400, our format) instead of reaching another upstream path', async () => {
    const before = upstream.seen.length;
    for (const path of [
      `${API}/incidents/%2e%2e/%2e%2e/%2e%2e/metrics`,
      `${API}/incidents/%2E%2E/%2E%2E/%2E%2E/metrics`,
      `${API}/incidents/../../../metrics`,
      `${API}/incidents/.%2e/.%2e/.%2e/health/ready`,
      `${API}/incidents/./INC0000001`,
      `${API}/incidents\\..\\..\\..\\metrics`,
      `${API}/incidents/x%2f..%2f..%2f..%2fmetrics`,
      `${API}/incidents/x%5c..%5c..%5c..%5cmetrics`,
      `${API}/kb/%2e%2e/%2e%2e/%2e%2e/metrics`,
      `${API}/users/%2e%2e/assets`,
    ]) {
      const res = await rawRequest(gw.http, 'GET', path, { Authorization: token });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'PATH_NOT_ALLOWED',
        details: [{ field: 'path', reason: expect.any(String) }],
      });
    }
    // Also without a token: the path is refused before anything else.
    expect((await rawRequest(gw.http, 'GET', `${API}/incidents/%2e%2e/%2e%2e/%2e%2e/metrics`)).status).toBe(400);
    expect(upstream.seen.length).toBe(before);
    // Dots inside a segment and in the query are ordinary characters.
    const fine = await rawRequest(gw.http, 'GET', `${API}/incidents/v1.2...x?q=../../metrics`, { Authorization: token });
    expect(fine.status).toBe(200);
    expect(upstream.seen[upstream.seen.length - 1].url).toBe('/api/v1/incidents/v1.2...x?q=../../metrics');
  });

  it('passes on X-Forwarded-For only as far as TRUST_PROXY trusts it', async () => {
    const forwardedFor = async () => {
      await request(gw.http)
        .get(`${API}/incidents`)
        .set('Authorization', token)
        .set('X-Forwarded-For', '203.0.113.9, 10.9.9.9')
        .expect(200);
      return upstream.seen[upstream.seen.length - 1].headers['x-forwarded-for'];
    };
    // TRUST_PROXY=loopback: the loopback hop is trusted, so its claim (10.9.9.9) stands; what 10.9.9.9
    // itself claimed (203.0.113.9) is not ours to vouch for.
    expect(await forwardedFor()).toMatch(/^10\.9\.9\.9, (::ffff:)?127\.0\.0\.1$/);
    const express = gw.app as NestExpressApplication;
    express.set('trust proxy', false);
    try {
      expect(await forwardedFor()).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      express.set('trust proxy', 'loopback');
    }
  });

  it('labels HTTP metrics with route patterns: distinct URLs do not add series', async () => {
    const distinctUrls = async (round: number) => {
      for (let i = 0; i < 15; i++) {
        const n = `${round}${i}`.padStart(7, '0');
        await request(gw.http).get(`${API}/incidents/INC${n}`).expect(401); // forwarded, no token
        await request(gw.http).get(`${API}/kb/articles/KB${n}`).set('Authorization', 'Bearer x.y.z').expect(401);
        await request(gw.http).get(`${API}/nothing-${n}`).set('Authorization', token).expect(404);
        await request(gw.http).get(`/nowhere/${n}`).expect(404);
        await request(gw.http)
          .get(`${API}/users/0192f0c4-7a0e-7cc1-9a51-${n.padStart(12, '0')}`)
          .expect(401);
        await rawRequest(gw.http, 'GET', `${API}/kb/%2e%2e/${n}`);
      }
    };
    await distinctUrls(1);
    await request(gw.http).get('/metrics').expect(200); // the scrape itself is a series too
    const before = seriesOf((await request(gw.http).get('/metrics').expect(200)).text, 'http_request_duration_seconds');
    await distinctUrls(2);
    const after = seriesOf((await request(gw.http).get('/metrics').expect(200)).text, 'http_request_duration_seconds');
    const routes = new Set(after.map((line) => /route="([^"]*)"/.exec(line)?.[1]));
    expect(after.length).toBe(before.length);
    expect([...routes]).toEqual(expect.arrayContaining(['/api/v1/incidents', '/api/v1/kb', '/api/v1/users/:id', 'unmatched']));
    for (const route of routes) expect(route).not.toMatch(/INC|KB0|nothing|nowhere|0192f0c4|%2e/);
  });
});
