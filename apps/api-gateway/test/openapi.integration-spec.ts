import { Controller, Get, INestApplication, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthModule, authOptionsFromConfig, CurrentUser, Principal } from '@helpdesk/auth';
import { loadConfig, ServiceConfig } from '@helpdesk/config';
import { ObservabilityModule } from '@helpdesk/observability';
import { ApiErrorResponses, createServiceApp, HttpConventionsModule } from '@helpdesk/service-runtime';
import { freePort, waitFor } from '@helpdesk/testing';
import { createServer, Server, Socket } from 'node:net';
import request from 'supertest';
import { API, GatewayTestApp, startGateway } from './gateway-test-app';

/** Named like the gateway's UserDto on purpose, with other fields: the merge must keep both. */
class UserDto {
  @ApiProperty({ example: 'INC0001234' })
  incidentNumber: string;
}

class IncidentDto {
  @ApiProperty({ example: 'INC0001234' })
  number: string;

  @ApiProperty({ example: 'プリンターが印刷できない 🖨️' })
  shortDescription: string;

  @ApiProperty({ type: UserDto })
  caller: UserDto;
}

/** A small incident service: real Nest, real createServiceApp (so /openapi.json), real token checks. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
class IncidentsStubController {
  @Get()
  @ApiOperation({ summary: 'インシデント一覧' })
  @ApiOkResponse({ type: [IncidentDto] })
  @ApiErrorResponses(400, 401)
  list(@CurrentUser() principal: Principal): IncidentDto[] {
    return [{ number: 'INC0001234', shortDescription: 'プリンターが印刷できない 🖨️', caller: { incidentNumber: principal.id } }];
  }

  @Get(':id')
  @ApiOperation({ summary: 'One incident' })
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(401, 404)
  get(@Param('id') id: string): IncidentDto {
    return { number: id, shortDescription: 'x', caller: { incidentNumber: id } };
  }
}

/** Paths the incident service does not own: the gateway must not publish them as its. */
@ApiTags('sneaky')
@Controller()
class SneakyStubController {
  @Get('auth/login')
  @ApiOperation({ summary: 'Not the real sign-in' })
  login() {
    return {};
  }

  @Get('reports/secret')
  @ApiOperation({ summary: "The reporting service's path" })
  secret() {
    return {};
  }
}

async function startIncidentStub(port: number): Promise<INestApplication> {
  const config = loadConfig(ServiceConfig, { NODE_ENV: 'test' });
  const app = await createServiceApp({
    serviceName: 'incident-service',
    globalPrefix: 'api/v1',
    loadModule: () => ({
      module: class IncidentStubModule {},
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'incident-service', logLevel: 'silent' }),
        HttpConventionsModule,
        // Same issuer, audience and local key pair as the test gateway: its tokens verify here.
        AuthModule.forRoot(authOptionsFromConfig(config)),
      ],
      controllers: [IncidentsStubController, SneakyStubController],
    }),
  });
  await app.listen(port, '127.0.0.1');
  return app;
}

/** Accepts connections and never answers: a service hung mid-request. */
async function startHungServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface Doc {
  info: { description: string };
  paths: Record<string, Record<string, { summary?: string; operationId?: string; security?: unknown[]; tags?: string[] }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }>; securitySchemes: Record<string, unknown> };
  tags?: { name: string }[];
}

describe('the public OpenAPI document: the gateway plus the services it forwards to', () => {
  let gw: GatewayTestApp;
  let incident: INestApplication | undefined;
  let incidentPort: number;
  let hung: Awaited<ReturnType<typeof startHungServer>>;

  const docsJson = async (): Promise<Doc> => (await request(gw.http).get('/api/docs-json').expect(200)).body;

  beforeAll(async () => {
    incidentPort = await freePort();
    const closedPort = await freePort(); // nothing listens: an upstream that is down
    hung = await startHungServer();
    incident = await startIncidentStub(incidentPort);
    const down = `http://127.0.0.1:${closedPort}`;
    gw = await startGateway('openapi', {
      INCIDENT_SERVICE_URL: `http://127.0.0.1:${incidentPort}`,
      // The others down (not whatever a developer runs on 3002-3005), the knowledge base hung.
      PROBLEM_SERVICE_URL: `${down}/problem`,
      ASSET_SERVICE_URL: `${down}/asset`,
      REPORTING_SERVICE_URL: `${down}/reporting`,
      FORWARD_ROUTES: `/kb=${hung.url}`,
      OPENAPI_CACHE_TTL: '1s',
      OPENAPI_UPSTREAM_TIMEOUT: '700ms',
    });
  });
  afterAll(async () => {
    await incident?.close();
    await gw?.close();
    await hung?.close();
  });

  it('a service serves its own document at /openapi.json without a token, while its API needs one', async () => {
    const direct = await request(`http://127.0.0.1:${incidentPort}`).get('/openapi.json').expect(200);
    expect(Object.keys(direct.body.paths).sort()).toEqual([
      '/api/v1/auth/login',
      '/api/v1/incidents',
      '/api/v1/incidents/{id}',
      '/api/v1/reports/secret',
    ]);
    await request(`http://127.0.0.1:${incidentPort}`).get('/api/v1/incidents').expect(401);
  });

  it("serves one document with the gateway's paths and the owned paths of the upstream, answering within the timeout", async () => {
    const started = Date.now();
    const doc = await docsJson();
    expect(Date.now() - started).toBeLessThan(5000); // the hung knowledge base costs the timeout, not more

    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{id}', '/api/v1/incidents', '/api/v1/incidents/{id}']),
    );
    expect(paths.every((p) => p.startsWith('/api/v1/'))).toBe(true);
    // Ownership: the service's /auth/login does not replace the gateway's, /reports is not the incident service's.
    expect(paths).not.toContain('/api/v1/reports/secret');
    expect(doc.paths['/api/v1/auth/login'].post.summary).toBeDefined();
    expect(doc.paths['/api/v1/auth/login'].get).toBeUndefined();

    expect(doc.paths['/api/v1/incidents'].get).toMatchObject({
      summary: 'インシデント一覧',
      tags: ['incidents'],
      security: [{ bearer: [] }],
    });
    expect(doc.tags?.map((t) => t.name) ?? []).not.toContain('sneaky');

    // Schemas: the shared error schema once, the colliding UserDto kept apart with its $refs rewritten.
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas).filter((n) => n.endsWith('ApiErrorDto'))).toEqual(['ApiErrorDto']);
    expect(Object.keys(schemas.UserDto.properties!)).not.toContain('incidentNumber');
    expect(Object.keys(schemas.IncidentUserDto.properties!)).toEqual(['incidentNumber']);
    expect(schemas.IncidentDto.properties!.caller).toEqual({ $ref: '#/components/schemas/IncidentUserDto' });
    expect(JSON.stringify(doc.paths['/api/v1/incidents'])).toContain('#/components/schemas/IncidentDto');
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearer']);

    // The services that did not answer are named; the incident service is not among them.
    const missing = /Not described right now \(the service did not answer\): (.*)\.$/.exec(doc.info.description)?.[1];
    expect(missing?.split(', ').sort()).toEqual(['asset', 'custom', 'problem', 'reporting']);
  });

  it('Swagger UI at /api/docs shows the merged document', async () => {
    await request(gw.http).get('/api/docs').expect(200);
    const init = await request(gw.http).get('/api/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('/api/v1/incidents/{id}');
    expect(init.text).toContain('/api/v1/auth/login');
  });

  it('the documented paths are the ones the gateway forwards', async () => {
    const admin = await gw.bearer('admin@example.com');
    const res = await request(gw.http).get(`${API}/incidents`).set('Authorization', admin).expect(200);
    expect(res.body[0].shortDescription).toBe('プリンターが印刷できない 🖨️');
  });

  it('with the upstream down the document still answers 200 with the gateway paths, and its paths come back with it', async () => {
    await incident!.close();
    incident = undefined;
    const without = await waitFor(
      async () => {
        const doc = await docsJson();
        return doc.paths['/api/v1/incidents'] ? undefined : doc;
      },
      { timeoutMs: 15_000, intervalMs: 250, description: 'the incident paths to leave the document' },
    );
    expect(without.paths['/api/v1/auth/login']).toBeDefined();
    expect(without.paths['/api/v1/users']).toBeDefined();
    expect(without.components.schemas.IncidentUserDto).toBeUndefined();
    expect(without.info.description).toMatch(/did not answer\):.*incident/);
    await request(gw.http).get('/api/docs').expect(200);

    incident = await startIncidentStub(incidentPort);
    const back = await waitFor(
      async () => {
        const doc = await docsJson();
        return doc.paths['/api/v1/incidents/{id}'] ? doc : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 250, description: 'the incident paths to come back' },
    );
    expect(back.components.schemas.IncidentUserDto).toBeDefined();
  });
});
