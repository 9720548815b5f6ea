import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SecuritySchemeObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrorDetailDto, ApiErrorDto } from './api-error.dto';

/**
 * Where every service serves its own OpenAPI document: outside the API prefix (the gateway forwards only
 * /api/v1, so this stays internal), without a token. The gateway merges these into /api/docs-json.
 */
export const SERVICE_OPENAPI_PATH = '/openapi.json';

/**
 * The one bearer scheme of the platform (tokens are the gateway's), the same object in every document so
 * the gateway's merge sees one scheme rather than a collision.
 */
export const BEARER_AUTH_SCHEME: SecuritySchemeObject = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'Access token from /auth/login or /auth/refresh',
};

export interface OpenApiDocumentOptions {
  title: string;
  description?: string;
  /** Only paths below this prefix (e.g. `api/v1`) are kept: health and metrics are for probes, not clients. */
  publicPrefix: string;
}

/** An OpenAPI document of the app's controllers, with the shared bearer scheme and error schemas. */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiDocumentOptions): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion('1')
    .addBearerAuth({ ...BEARER_AUTH_SCHEME });
  if (options.description) builder.setDescription(options.description);
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ApiErrorDto, ApiErrorDetailDto] });
  const prefix = `/${options.publicPrefix.replace(/^\/+|\/+$/g, '')}/`;
  for (const path of Object.keys(document.paths)) {
    if (!path.startsWith(prefix)) delete document.paths[path];
  }
  return document;
}

/**
 * Serves the service's document at SERVICE_OPENAPI_PATH. A plain HTTP-adapter route, like Swagger's own:
 * guards never run for it, so it needs no token. Built on the first request (not at start-up, so a
 * service's boot never waits on it) and kept, since the controllers cannot change while running.
 */
export function serveServiceOpenApi(app: INestApplication, options: OpenApiDocumentOptions): void {
  let document: OpenAPIObject | undefined;
  app.getHttpAdapter().get(SERVICE_OPENAPI_PATH, (_req: Request, res: Response) => {
    document ??= buildOpenApiDocument(app, options);
    res.json(document);
  });
}
