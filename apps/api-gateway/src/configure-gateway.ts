import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import { GatewayConfig } from './config/gateway.config';
import { ForwardingTable } from './forwarding/forwarding-routes';
import { setupOpenApi } from './openapi/openapi.setup';

/** Edge set-up shared by main.ts and the integration tests: proxy trust, security headers, CORS, OpenAPI. */
export function configureGateway(app: INestApplication): void {
  const config = app.get(GatewayConfig);
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
  // Bodies of forwarded requests are streamed to their service untouched (its own size limit and parser
  // apply, and the gateway spends no CPU parsing and re-encoding them); only its own routes parse here.
  const table = app.get(ForwardingTable);
  const ownRoute = (req: IncomingMessage) =>
    !table.match((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '');
  express.useBodyParser('json', { type: (req: IncomingMessage) => ownRoute(req) && isJson(req) });
  express.useBodyParser('urlencoded', {
    extended: true,
    type: (req: IncomingMessage) => ownRoute(req) && mediaType(req) === 'application/x-www-form-urlencoded',
  });
  app.use(
    helmet({
      // Swagger UI at /api/docs loads its own scripts and styles from this origin.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:', 'validator.swagger.io'] } },
    }),
  );
  const origins = config.corsOrigins;
  if (origins === '*' || origins.length > 0) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'Accept',
        'Accept-Language',
        'If-Match',
        'If-None-Match',
        'X-Correlation-Id',
      ],
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Correlation-Id'],
      maxAge: 600,
    });
  }
  setupOpenApi(app);
}

function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

function isJson(req: IncomingMessage): boolean {
  const type = mediaType(req);
  return type === 'application/json' || type.endsWith('+json');
}
