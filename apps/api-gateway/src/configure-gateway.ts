import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { GatewayConfig } from './config/gateway.config';
import { setupOpenApi } from './openapi/openapi.setup';

/** Edge set-up shared by main.ts and the integration tests: proxy trust, security headers, CORS, OpenAPI. */
export function configureGateway(app: INestApplication): void {
  const config = app.get(GatewayConfig);
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
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
