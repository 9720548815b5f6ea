import { INestApplication } from '@nestjs/common';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from '@helpdesk/service-runtime';
import { GatewayConfig } from '../config/gateway.config';
import { ForwardingTable } from '../forwarding/forwarding-routes';
import { PublicOpenApiService, upstreamSources } from './public-openapi.service';

/** Mirrors GLOBAL_PREFIX of app.module (kept here to avoid an import cycle). */
const PUBLIC_API_PREFIX = 'api/v1';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** The gateway's own part of the public document (identity, sign-in, audit). */
export function buildGatewayOpenApiDocument(app: INestApplication): OpenAPIObject {
  return buildOpenApiDocument(app, {
    title: 'Help desk API',
    description:
      'The public API of the IT help desk (ITIL), in Japanese and English. Sign in with `POST /api/v1/auth/login`, ' +
      'then send `Authorization: Bearer <accessToken>`. Lists take `?limit=&cursor=` and return `{ items, nextCursor }`; ' +
      'errors are `{ statusCode, error, message, details[] }` with one `details` entry per bad field. ' +
      'Routes of the incident, problem, knowledge, asset and reporting services are forwarded by the gateway ' +
      'and described here from their own documents.',
    publicPrefix: PUBLIC_API_PREFIX,
  });
}

/**
 * Swagger UI at /api/docs and the document at /api/docs-json (outside the api/v1 prefix), both the merged
 * public document: Swagger builds its UI script and the JSON from the document on every request through
 * patchDocumentOnRequest, which answers from PublicOpenApiService's cache.
 */
export function setupOpenApi(app: INestApplication): PublicOpenApiService {
  const config = app.get(GatewayConfig);
  const own = buildGatewayOpenApiDocument(app);
  const publicDocument = new PublicOpenApiService(own, upstreamSources(app.get(ForwardingTable)), {
    cacheTtlMs: config.openApiCacheTtlMs,
    fetchTimeoutMs: config.openApiUpstreamTimeoutMs,
  });
  SwaggerModule.setup(OPENAPI_UI_PATH, app, own, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'Help desk API',
    swaggerOptions: { persistAuthorization: true },
    patchDocumentOnRequest: () => publicDocument.document(),
  });
  return publicDocument;
}
