import { Context, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { Request, Response } from 'express';
import { UNMATCHED_ROUTE } from '../metrics/metrics-route';
import { contextFromHeaders } from './trace-headers';

/**
 * Probes and scrapes get no span: they would make most of the traces while telling nothing about the help
 * desk (they keep their correlation id and their latency metric).
 */
export const UNTRACED_PATHS: ReadonlySet<string> = new Set(['/health/live', '/health/ready', '/metrics']);

export interface ServerSpan {
  /** The context to run the request in: its server span is the active one. */
  context: Context;
  /** Names the span `HTTP <METHOD> <route pattern>`, records the status and ends it. */
  end(res: Response, route: string): void;
}

/** Server spans of one service's HTTP requests (CorrelationMiddleware starts and ends them). */
export class HttpServerTracing {
  constructor(private readonly tracer: Tracer) {}

  /**
   * Continues the request's `traceparent` (a new trace without one) in a SERVER span; null for the paths
   * that are not traced.
   */
  start(req: Request): ServerSpan | null {
    if (UNTRACED_PATHS.has(req.path)) return null;
    const parent = contextFromHeaders(req.headers);
    // The route is known once a handler matched: the name is completed when the response ends.
    const span = this.tracer.startSpan(`HTTP ${req.method}`, { kind: SpanKind.SERVER }, parent);
    if (span.isRecording()) {
      span.setAttribute(ATTR_HTTP_REQUEST_METHOD, req.method);
      span.setAttribute(ATTR_URL_PATH, req.path);
      span.setAttribute(ATTR_URL_SCHEME, req.protocol);
    }
    return { context: trace.setSpan(parent, span), end: (res, route) => endServerSpan(span, req.method, res, route) };
  }
}

function endServerSpan(span: Span, method: string, res: Response, route: string): void {
  if (span.isRecording()) {
    if (route !== UNMATCHED_ROUTE) {
      span.updateName(`HTTP ${method} ${route}`);
      span.setAttribute(ATTR_HTTP_ROUTE, route);
    }
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
    // A server span fails on a 5xx only (a 4xx is the caller's mistake), or when the answer was cut off.
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    if (!res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR, message: 'response not completed' });
  }
  span.end();
}
