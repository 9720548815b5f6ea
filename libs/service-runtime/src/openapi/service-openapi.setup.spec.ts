import { Body, Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ObservabilityModule } from '@helpdesk/observability';
import request from 'supertest';
import { createServiceApp } from '../bootstrap/bootstrap-service';
import { ApiErrorResponses } from './api-error-responses.decorator';
import { SERVICE_OPENAPI_PATH } from './service-openapi.setup';

class WidgetDto {
  @ApiProperty({ example: 'プリンター 🖨️' })
  name: string;
}

@ApiTags('widgets')
@ApiBearerAuth()
@Controller('widgets')
class WidgetsController {
  @Get()
  @ApiOperation({ summary: 'List widgets' })
  @ApiErrorResponses(400, 401)
  list(): WidgetDto[] {
    return [];
  }

  @Post()
  @ApiOperation({ summary: 'Create a widget' })
  create(@Body() body: WidgetDto): WidgetDto {
    return body;
  }
}

@Module({ controllers: [WidgetsController] })
class WidgetModule {}

async function start(options: { globalPrefix?: string; openApi?: false | { title?: string } }): Promise<INestApplication> {
  const app = await createServiceApp({
    serviceName: 'widget-service',
    ...options,
    // A fresh ObservabilityModule per app: each has its own metrics registry.
    loadModule: () => ({
      module: WidgetModule,
      imports: [ObservabilityModule.forRoot({ serviceName: 'widget-service', logLevel: 'silent' })],
    }),
  });
  await app.init();
  return app;
}

describe('the service OpenAPI document (createServiceApp)', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it(`is served at ${SERVICE_OPENAPI_PATH}: only the paths below the prefix, the shared bearer scheme and error schemas`, async () => {
    app = await start({ globalPrefix: 'api/v1' });
    const res = await request(app.getHttpServer()).get('/openapi.json').expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('widget-service');
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/widgets']); // no /health/*, no /metrics
    expect(doc.paths['/api/v1/widgets'].get).toMatchObject({
      summary: 'List widgets',
      tags: ['widgets'],
      security: [{ bearer: [] }],
    });
    expect(doc.paths['/api/v1/widgets'].get.responses['400'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ApiErrorDto',
    });
    expect(doc.components.securitySchemes.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Access token from /auth/login or /auth/refresh',
    });
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['ApiErrorDetailDto', 'ApiErrorDto', 'WidgetDto']);
    expect(doc.components.schemas.WidgetDto.properties.name.example).toBe('プリンター 🖨️');
    // Stays outside the API prefix, so the gateway never forwards to it.
    await request(app.getHttpServer()).get('/api/v1/openapi.json').expect(404);
  });

  it('takes a title of its own', async () => {
    app = await start({ globalPrefix: 'api/v1', openApi: { title: 'Widgets' } });
    const res = await request(app.getHttpServer()).get('/openapi.json').expect(200);
    expect(res.body.info.title).toBe('Widgets');
  });

  it('is not served with openApi: false, nor without a prefix to select the public paths by', async () => {
    app = await start({ globalPrefix: 'api/v1', openApi: false });
    await request(app.getHttpServer()).get('/openapi.json').expect(404);
    await app.close();
    app = await start({});
    await request(app.getHttpServer()).get('/openapi.json').expect(404);
  });
});
