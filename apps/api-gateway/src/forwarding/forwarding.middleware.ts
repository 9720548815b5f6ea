import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { authenticateRequest, TokenVerifier } from '@helpdesk/auth';
import { inSpan, RequestContext, ServiceTracer, setMetricsRoute, traceHeadersOf } from '@helpdesk/observability';
import { HttpErrorFilter } from '@helpdesk/service-runtime';
import { Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';
import { GatewayConfig } from '../config/gateway.config';
import { unsafePathReason } from './forwarded-path';
import { ForwardingException } from './forwarding.exception';
import { ForwardingMetrics } from './forwarding.metrics';
import { ForwardingTable, ForwardTarget } from './forwarding-routes';
import { ForwardResult, UpstreamProxy } from './upstream-proxy';

/**
 * Forwards the public paths of the other services (the forwarding table) to their internal APIs. Needs a
 * valid access token (services check roles themselves); other paths go on to the gateway's own routes.
 * Paths with dot segments or encoded slashes are refused (400) before any rule is matched.
 */
@Injectable()
export class ForwardingMiddleware implements NestMiddleware {
  private readonly logger = new Logger(ForwardingMiddleware.name);
  private readonly errors = new HttpErrorFilter();

  constructor(
    private readonly table: ForwardingTable,
    private readonly proxy: UpstreamProxy,
    private readonly verifier: TokenVerifier,
    private readonly config: GatewayConfig,
    private readonly metrics: ForwardingMetrics,
    private readonly tracing: ServiceTracer,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const unsafe = unsafePathReason(req.originalUrl);
    if (unsafe) return this.reply(res, ForwardingException.pathNotAllowed(unsafe));
    const target = this.table.match(req.originalUrl);
    if (!target) return next();
    const route = `${this.table.publicPrefix}${target.pattern}`;
    setMetricsRoute(res, route);
    const stop = this.metrics.duration.startTimer({ upstream: target.upstream });
    try {
      await authenticateRequest(req, res, this.verifier);
      const result = await this.forwardInClientSpan(req, res, target, route);
      stop({ status: String(result.status) });
    } catch (error) {
      if (error instanceof ForwardingException && error.getStatus() >= 500) {
        stop({ status: error.getStatus() === 504 ? 'timeout' : 'error' });
        this.logger.warn(`${req.method} ${req.originalUrl} → ${target.upstream} (${target.baseUrl}): ${error.message}`);
      }
      this.reply(res, error);
    }
  }

  /** The forward as a CLIENT span, whose context the upstream gets as its `traceparent`. */
  private forwardInClientSpan(req: Request, res: Response, target: ForwardTarget, route: string): Promise<ForwardResult> {
    return inSpan(this.tracing.tracer, `HTTP ${req.method} ${route}`, { kind: SpanKind.CLIENT }, async (span: Span) => {
      if (span.isRecording()) {
        span.setAttributes({
          [ATTR_HTTP_REQUEST_METHOD]: req.method,
          'peer.service': target.upstream,
          ...serverOf(target.baseUrl),
        });
      }
      const result = await this.proxy.forward(req, res, target, {
        timeoutMs: this.config.upstreamTimeoutMs,
        correlationId: RequestContext.correlationId(),
        traceHeaders: traceHeadersOf(),
      });
      if (span.isRecording()) {
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, result.status);
        // A client span fails on any 4xx or 5xx answer.
        if (result.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return result;
    });
  }

  private reply(res: Response, error: unknown): void {
    const body = this.errors.toBody(error);
    if (body.statusCode >= 500 && !(error instanceof ForwardingException))
      this.logger.error(error instanceof Error ? error : String(error));
    if (!res.headersSent) res.status(body.statusCode).json(body);
    else res.destroy();
  }
}

/** server.address and server.port of an upstream base URL (nothing when it does not parse). */
function serverOf(baseUrl: string): Record<string, string | number> {
  try {
    const url = new URL(baseUrl);
    return {
      [ATTR_SERVER_ADDRESS]: url.hostname,
      [ATTR_SERVER_PORT]: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    };
  } catch {
    return {};
  }
}
