import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { authenticateRequest, TokenVerifier } from '@helpdesk/auth';
import { RequestContext, setMetricsRoute } from '@helpdesk/observability';
import { HttpErrorFilter } from '@helpdesk/service-runtime';
import type { NextFunction, Request, Response } from 'express';
import { GatewayConfig } from '../config/gateway.config';
import { unsafePathReason } from './forwarded-path';
import { ForwardingException } from './forwarding.exception';
import { ForwardingMetrics } from './forwarding.metrics';
import { ForwardingTable } from './forwarding-routes';
import { UpstreamProxy } from './upstream-proxy';

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
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const unsafe = unsafePathReason(req.originalUrl);
    if (unsafe) return this.reply(res, ForwardingException.pathNotAllowed(unsafe));
    const target = this.table.match(req.originalUrl);
    if (!target) return next();
    setMetricsRoute(res, `${this.table.publicPrefix}${target.pattern}`);
    const stop = this.metrics.duration.startTimer({ upstream: target.upstream });
    try {
      await authenticateRequest(req, res, this.verifier);
      const result = await this.proxy.forward(req, res, target, {
        timeoutMs: this.config.upstreamTimeoutMs,
        correlationId: RequestContext.correlationId(),
      });
      stop({ status: String(result.status) });
    } catch (error) {
      if (error instanceof ForwardingException && error.getStatus() >= 500) {
        stop({ status: error.getStatus() === 504 ? 'timeout' : 'error' });
        this.logger.warn(`${req.method} ${req.originalUrl} → ${target.upstream} (${target.baseUrl}): ${error.message}`);
      }
      this.reply(res, error);
    }
  }

  private reply(res: Response, error: unknown): void {
    const body = this.errors.toBody(error);
    if (body.statusCode >= 500 && !(error instanceof ForwardingException))
      this.logger.error(error instanceof Error ? error : String(error));
    if (!res.headersSent) res.status(body.statusCode).json(body);
    else res.destroy();
  }
}
