import { loadConfig } from '@helpdesk/config';
import { GatewayConfig } from '../config/gateway.config';
import { ForwardingTable, parseForwardRoutes } from './forwarding-routes';

describe('ForwardingTable', () => {
  const table = ForwardingTable.fromConfig(
    loadConfig(GatewayConfig, { INCIDENT_SERVICE_URL: 'http://incident:3000', ASSET_SERVICE_URL: 'http://asset:3000' }),
  );

  it.each([
    ['/api/v1/incidents', 'incident'],
    ['/api/v1/incidents/INC0001234/resolve?x=1', 'incident'],
    ['/api/v1/catalog/42', 'incident'],
    ['/api/v1/problems/candidates', 'problem'],
    ['/api/v1/known-errors?q=vpn', 'problem'],
    ['/api/v1/kb/search?q=プリンター', 'knowledge-base'],
    ['/api/v1/assets/CI-00042/impact', 'asset'],
    ['/api/v1/users/0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f/assets', 'asset'],
    ['/api/v1/me/assets', 'asset'],
    ['/api/v1/reports/mttr?groupBy=week', 'reporting'],
  ])('%s → %s', (path, upstream) => expect(table.match(path)?.upstream).toBe(upstream));

  it.each([
    '/api/v1/users',
    '/api/v1/users/abc',
    '/api/v1/me',
    '/api/v1/auth/login',
    '/api/v1/incidentsx',
    '/incidents',
    '/api/v2/incidents',
    '/health/ready',
    '/api/docs-json',
  ])('%s stays at the gateway', (path) => expect(table.match(path)).toBeNull());

  it('gives each upstream its base URL from config', () => {
    expect(table.match('/api/v1/incidents')?.baseUrl).toBe('http://incident:3000');
    expect(table.match('/api/v1/me/assets')?.baseUrl).toBe('http://asset:3000');
  });

  it('FORWARD_ROUTES adds and overrides rules', () => {
    const custom = ForwardingTable.fromConfig(
      loadConfig(GatewayConfig, { FORWARD_ROUTES: '/incidents=http://other:9000,/widgets=http://widgets:8080/base' }),
    );
    expect(custom.match('/api/v1/incidents/1')).toMatchObject({ baseUrl: 'http://other:9000', upstream: 'custom' });
    expect(custom.match('/api/v1/widgets')).toMatchObject({ baseUrl: 'http://widgets:8080/base' });
    expect(parseForwardRoutes('')).toEqual([]);
  });
});
