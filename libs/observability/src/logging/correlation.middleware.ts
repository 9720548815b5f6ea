import { Injectable, NestMiddleware } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpMetrics } from '../metrics/http-metrics';
import { metricsRouteOf } from '../metrics/metrics-route';
import { HttpServerTracing } from '../tracing/http-server-tracing';
import { RequestContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Takes or makes a correlation id, runs the request inside its context and its server span (continuing
 * an incoming `traceparent`), and records its latency.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  constructor(
    private readonly metrics: HttpMetrics,
    private readonly tracing: HttpServerTracing,
  ) {}

  use(req: Request, res: Response, next: NextFunction) {
    const incoming = req.header(CORRELATION_HEADER);
    const correlationId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(CORRELATION_HEADER, correlationId);
    const stop = this.metrics.startTimer();
    res.on('finish', () => {
      stop({ method: req.method, route: metricsRouteOf(req, res), status: String(res.statusCode) });
    });
    const span = this.tracing.start(req);
    if (!span) return RequestContext.run({ correlationId }, () => next());
    // 'close' also comes when the client goes away before the answer is complete.
    res.once('close', () => span.end(res, metricsRouteOf(req, res)));
    RequestContext.run({ correlationId }, () => context.with(span.context, next));
  }
}
