import type { Request, Response } from 'express';
import { metricsRouteOf, setMetricsRoute } from './metrics-route';

const req = (route?: { path: unknown; methods: Record<string, boolean> }, baseUrl = '') =>
  ({ route, baseUrl, originalUrl: '/api/v1/users/0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f' }) as unknown as Request;
const res = () => ({ locals: {} }) as unknown as Response;

describe('metricsRouteOf', () => {
  it('names the matched handler route as its pattern, never the URL', () => {
    expect(metricsRouteOf(req({ path: '/api/v1/users/:id', methods: { get: true } }), res())).toBe('/api/v1/users/:id');
    expect(metricsRouteOf(req({ path: '/:id', methods: { get: true } }, '/api/v1/users'), res())).toBe('/api/v1/users/:id');
  });

  it('unmatched when no handler matched, also when req.route is a middleware mount (all methods)', () => {
    expect(metricsRouteOf(req(), res())).toBe('unmatched');
    const everyMethod = Object.fromEntries(['get', 'post', 'put', 'patch', 'delete'].map((m) => [m, true]));
    expect(metricsRouteOf(req({ path: '/api/v1/{*path}', methods: everyMethod }), res())).toBe('unmatched');
    expect(metricsRouteOf(req({ path: '/api/v1/{*path}', methods: { _all: true } }), res())).toBe('unmatched');
    expect(metricsRouteOf(req({ path: /x/, methods: { get: true } }), res())).toBe('unmatched');
  });

  it('a pattern set by the middleware that answered wins', () => {
    const response = res();
    setMetricsRoute(response, '/api/v1/kb');
    expect(metricsRouteOf(req(), response)).toBe('/api/v1/kb');
  });
});
