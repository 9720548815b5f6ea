import type { Request, Response } from 'express';

/** The `res.locals` key where a middleware that answers by itself (the gateway's forwarder) names its route. */
export const METRICS_ROUTE_LOCAL = 'metricsRoute';

/** Requests that reached no route (404s, refused paths) share this label. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Names the route pattern of a request for a metrics label, e.g. `/api/v1/kb` for everything the forwarder
 * sends to the knowledge base. Call it from a middleware that answers requests without a route handler.
 */
export function setMetricsRoute(res: Response, pattern: string): void {
  res.locals[METRICS_ROUTE_LOCAL] = pattern;
}

/**
 * The `route` label of a finished request: a pattern, never the raw URL, so the number of series stays
 * bounded however many distinct URLs arrive. A pattern set with setMetricsRoute wins; then the matched
 * Express route (`/api/v1/users/:id`); else `unmatched`.
 */
export function metricsRouteOf(req: Request, res: Response): string {
  const named = (res.locals as Record<string, unknown> | undefined)?.[METRICS_ROUTE_LOCAL];
  if (typeof named === 'string' && named !== '') return named;
  const route = req.route as { path?: unknown; methods?: Record<string, boolean> } | undefined;
  if (!route || typeof route.path !== 'string' || isMiddlewareMount(route.methods ?? {})) return UNMATCHED_ROUTE;
  const routePath = route.path;
  // Nest registers routes with their full path on the root router, so baseUrl is '' once a route runs
  // (Express restores it after each path-mounted middleware); a sub-router would add its mount path.
  return `${req.baseUrl ?? ''}${routePath}`;
}

/**
 * Nest mounts `forRoutes()` middleware with `app.all(path)`, a route for every method, and Express leaves
 * req.route at the last route that matched: a request that reached no handler (a 404) still carries that
 * middleware route (`/api/v1/{*path}`). Nest registers each handler for its one method.
 */
function isMiddlewareMount(methods: Record<string, boolean>): boolean {
  return methods._all === true || Object.keys(methods).filter((m) => methods[m]).length > 1;
}
