import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiErrorDetailDto, ApiErrorDto } from './api-error.dto';

/** Mirrors GLOBAL_PREFIX of app.module (kept here to avoid an import cycle). */
const PUBLIC_API_PREFIX = 'api/v1';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Help desk API')
    .setDescription(
      'The public API of the IT help desk (ITIL), in Japanese and English. Sign in with `POST /api/v1/auth/login`, ' +
        'then send `Authorization: Bearer <accessToken>`. Lists take `?limit=&cursor=` and return `{ items, nextCursor }`; ' +
        'errors are `{ statusCode, error, message, details[] }` with one `details` entry per bad field. ' +
        'Routes of the incident, problem, knowledge, asset and reporting services are forwarded by the gateway.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Access token from /auth/login or /auth/refresh',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorDto, ApiErrorDetailDto] });
  // Only the public API: health and metrics (outside /api/v1) are for probes and scrapers, not clients.
  for (const path of Object.keys(document.paths)) {
    if (!path.startsWith(`/${PUBLIC_API_PREFIX}/`)) delete document.paths[path];
  }
  return document;
}

/** Swagger UI at /api/docs and the document at /api/docs-json (outside the api/v1 prefix). */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'Help desk API',
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}
