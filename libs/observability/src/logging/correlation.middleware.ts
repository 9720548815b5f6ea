import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpMetrics } from '../metrics/http-metrics';
import { metricsRouteOf } from '../metrics/metrics-route';
import { RequestContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes or makes a correlation id, runs the request inside its context and records its latency. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction) {
    const incoming = req.header(CORRELATION_HEADER);
    const correlationId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(CORRELATION_HEADER, correlationId);
    const stop = this.metrics.startTimer();
    res.on('finish', () => {
      stop({ method: req.method, route: metricsRouteOf(req, res), status: String(res.statusCode) });
    });
    RequestContext.run({ correlationId }, () => next());
  }
}
