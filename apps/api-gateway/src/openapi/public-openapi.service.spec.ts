import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@helpdesk/config';
import { GatewayConfig } from '../config/gateway.config';
import { ForwardingTable } from '../forwarding/forwarding-routes';
import { PublicOpenApiService, upstreamSources } from './public-openapi.service';
import { upstreamOpenApiUrl } from './upstream-openapi.client';

const own: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'Help desk API', version: '1', description: 'The public API.' },
  paths: { '/api/v1/auth/login': { post: { responses: {} } } },
};

function serviceDocument(path: string): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 'svc', version: '1' }, paths: { [path]: { get: { responses: {} } } } };
}

describe('upstreamSources', () => {
  it('asks each distinct base URL once, named after the service it serves', () => {
    const table = ForwardingTable.fromConfig(loadConfig(GatewayConfig, { INCIDENT_SERVICE_URL: 'http://incident:3000' }));
    const sources = upstreamSources(table);
    expect(sources.map((s) => [s.name, s.baseUrl]).sort()).toEqual([
      ['asset', 'http://127.0.0.1:3004'],
      ['incident', 'http://incident:3000'],
      ['knowledge-base', 'http://127.0.0.1:3003'],
      ['problem', 'http://127.0.0.1:3002'],
      ['reporting', 'http://127.0.0.1:3005'],
    ]);
    const incident = sources.find((s) => s.name === 'incident')!;
    expect(incident.owns('/api/v1/incidents/{id}/comments')).toBe(true);
    expect(incident.owns('/api/v1/requests/{id}/approve')).toBe(true);
    expect(incident.owns('/api/v1/problems')).toBe(false);
    expect(incident.owns('/api/v1/users/{id}')).toBe(false);
  });

  it('FORWARD_ROUTES: an overridden prefix belongs to its new URL only; a URL serving several rules is one source', () => {
    const table = ForwardingTable.fromConfig(
      loadConfig(GatewayConfig, {
        INCIDENT_SERVICE_URL: 'http://incident:3000',
        FORWARD_ROUTES: '/incidents=http://new-incident:3000,/catalog=http://new-incident:3000,/kb=http://kb2:3000',
      }),
    );
    const sources = upstreamSources(table);
    const byUrl = new Map(sources.map((s) => [s.baseUrl, s]));
    expect(sources.filter((s) => s.baseUrl === 'http://new-incident:3000')).toHaveLength(1);
    expect(byUrl.get('http://new-incident:3000')!.name).toBe('custom');
    expect(byUrl.get('http://kb2:3000')!.name).toBe('custom-2');
    expect(byUrl.get('http://new-incident:3000')!.owns('/api/v1/incidents/{id}')).toBe(true);
    expect(byUrl.get('http://incident:3000')!.owns('/api/v1/incidents/{id}')).toBe(false);
    expect(byUrl.get('http://incident:3000')!.owns('/api/v1/requests')).toBe(true);
  });
});

describe('upstreamOpenApiUrl', () => {
  it.each([
    ['http://incident:3000', 'http://incident:3000/openapi.json'],
    ['http://incident:3000/', 'http://incident:3000/openapi.json'],
    ['https://svc.internal/incident', 'https://svc.internal/incident/openapi.json'],
  ])('%s → %s', (base, url) => expect(upstreamOpenApiUrl(base).href).toBe(url));
});

describe('PublicOpenApiService', () => {
  let clock: number;
  let calls: string[];
  let down: Set<string>;
  let warnings: string[];
  const sources = [
    { name: 'incident', baseUrl: 'http://incident', owns: (p: string) => p.startsWith('/api/v1/incidents') },
    { name: 'problem', baseUrl: 'http://problem', owns: (p: string) => p.startsWith('/api/v1/problems') },
  ];
  const paths: Record<string, string> = { 'http://incident': '/api/v1/incidents', 'http://problem': '/api/v1/problems' };

  function service(): PublicOpenApiService {
    return new PublicOpenApiService(own, sources, {
      cacheTtlMs: 30_000,
      fetchTimeoutMs: 1000,
      now: () => clock,
      fetchDocument: async (baseUrl) => {
        calls.push(baseUrl);
        await new Promise((resolve) => setImmediate(resolve));
        if (down.has(baseUrl)) throw new Error('ECONNREFUSED');
        return serviceDocument(paths[baseUrl]);
      },
    });
  }

  beforeEach(() => {
    clock = 1_000_000;
    calls = [];
    down = new Set();
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('the first request waits for the upstreams; concurrent ones share that one round', async () => {
    const svc = service();
    const [a, b] = await Promise.all([svc.document(), svc.document()]);
    expect(a).toBe(b);
    expect(calls.sort()).toEqual(['http://incident', 'http://problem']);
    expect(Object.keys(a.paths).sort()).toEqual(['/api/v1/auth/login', '/api/v1/incidents', '/api/v1/problems']);
  });

  it('serves the cached document within the TTL, then the cached one at once while refreshing in the background', async () => {
    const svc = service();
    const first = await svc.document();
    clock += 29_000;
    expect(await svc.document()).toBe(first);
    expect(calls).toHaveLength(2);

    clock += 2_000;
    down.add('http://problem');
    expect(await svc.document()).toBe(first); // stale, answered at once
    expect(calls).toHaveLength(4); // the refresh started
    await settle();
    const refreshed = await svc.document();
    expect(refreshed).not.toBe(first);
    expect(Object.keys(refreshed.paths).sort()).toEqual(['/api/v1/auth/login', '/api/v1/incidents']);
  });

  it('leaves an unreachable upstream out with one warning per outage, says so, and takes it back when it answers', async () => {
    down.add('http://problem');
    const svc = service();
    const doc = await svc.document();
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/v1/auth/login', '/api/v1/incidents']);
    expect(doc.info.description).toBe('The public API.\n\nNot described right now (the service did not answer): problem.');
    expect(own.info.description).toBe('The public API.'); // the gateway's own document is not changed
    expect(warnings).toEqual([expect.stringContaining('problem (http://problem): no OpenAPI document (ECONNREFUSED)')]);

    await svc.refresh();
    expect(warnings).toHaveLength(1); // still down: not repeated

    down.delete('http://problem');
    const back = await svc.refresh();
    expect(Object.keys(back.paths).sort()).toEqual(['/api/v1/auth/login', '/api/v1/incidents', '/api/v1/problems']);
    expect(back.info.description).toBe('The public API.');

    down.add('http://problem');
    await svc.refresh();
    expect(warnings).toHaveLength(2); // a new outage is reported again
  });

  it('with every upstream down it still answers with the gateway paths', async () => {
    down.add('http://incident').add('http://problem');
    const doc = await service().document();
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/auth/login']);
    expect(doc.info.description).toContain('incident, problem');
  });

  it('warns once about paths an upstream publishes but does not own', async () => {
    paths['http://problem'] = '/api/v1/auth/login';
    try {
      const svc = service();
      const doc = await svc.document();
      expect(doc.paths['/api/v1/auth/login']).toEqual(own.paths['/api/v1/auth/login']);
      await svc.refresh();
      expect(warnings).toEqual(['problem: paths it does not own were left out of the public document: /api/v1/auth/login']);
    } finally {
      paths['http://problem'] = '/api/v1/problems';
    }
  });
});
