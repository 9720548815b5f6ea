import type { OpenAPIObject } from '@nestjs/swagger';
import { ForwardingTable } from '../forwarding/forwarding-routes';
import { mergeOpenApiDocuments, UpstreamDocument } from './openapi-merge';

const BEARER = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const;
const ERROR_SCHEMA = {
  type: 'object',
  properties: { statusCode: { type: 'number' }, message: { type: 'string' } },
  required: ['statusCode', 'message'],
};
const GATEWAY_PAGE = { type: 'object', properties: { nextCursor: { type: 'string', nullable: true } } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function gatewayDocument(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 'Help desk API', version: '1' },
    paths: {
      '/api/v1/auth/login': {
        post: {
          operationId: 'AuthController_login',
          tags: ['auth'],
          responses: { '400': { description: 'x', content: { 'application/json': { schema: ref('ApiErrorDto') } } } },
        },
      },
      '/api/v1/users': {
        get: {
          operationId: 'UsersController_list',
          tags: ['users'],
          security: [{ bearer: [] }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('PageDto') } } } },
        },
      },
    },
    components: { securitySchemes: { bearer: { ...BEARER } }, schemas: { ApiErrorDto: ERROR_SCHEMA, PageDto: GATEWAY_PAGE } },
    tags: [{ name: 'auth', description: 'Sign-in' }],
  };
}

/** The forwarding table of the default config: incident, problem, asset... each on its own URL. */
const table = new ForwardingTable([
  { pattern: '/incidents', upstream: 'incident', baseUrl: 'http://incident' },
  { pattern: '/categories', upstream: 'incident', baseUrl: 'http://incident' },
  { pattern: '/problems', upstream: 'problem', baseUrl: 'http://problem' },
  { pattern: '/users/:id/assets', upstream: 'asset', baseUrl: 'http://asset' },
]);
const owner = (baseUrl: string) => (path: string) => table.match(path)?.baseUrl === baseUrl;

function incidentDocument(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 'incident-service', version: '1' },
    paths: {
      '/api/v1/incidents': {
        get: {
          operationId: 'IncidentsController_list',
          summary: 'インシデント一覧 📋',
          tags: ['incidents'],
          security: [{ bearer: [] }],
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: ref('PageDto') } } },
            '400': { description: 'bad', content: { 'application/json': { schema: ref('ApiErrorDto') } } },
          },
        },
        post: {
          operationId: 'IncidentsController_create',
          tags: ['incidents'],
          requestBody: { content: { 'application/json': { schema: ref('CreateIncidentDto') } } },
          responses: { '201': { description: 'created', content: { 'application/json': { schema: ref('IncidentDto') } } } },
        },
      },
      '/api/v1/incidents/{id}': {
        parameters: [{ $ref: '#/components/parameters/IdParam' }],
        get: {
          operationId: 'IncidentsController_get',
          tags: ['incidents'],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('IncidentDto') } } } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { ...BEARER } },
      parameters: { IdParam: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
      schemas: {
        ApiErrorDto: structuredClone(ERROR_SCHEMA), // the same shared class: identical
        // Same name, different shape: the incident page holds IncidentDto items.
        PageDto: {
          type: 'object',
          properties: { items: { type: 'array', items: ref('IncidentDto') }, nextCursor: { type: 'string' } },
        },
        IncidentDto: { type: 'object', properties: { number: { type: 'string', example: 'INC0001234' } } },
        CreateIncidentDto: { type: 'object', properties: { shortDescription: { type: 'string', maxLength: 160 } } },
      },
    },
    tags: [{ name: 'incidents', description: 'インシデント' }],
  };
}

const incident = (document = incidentDocument()): UpstreamDocument => ({
  name: 'incident',
  document,
  owns: owner('http://incident'),
});

describe('mergeOpenApiDocuments', () => {
  it('keeps the gateway paths and adds the upstream paths, tags and schemas', () => {
    const { document, dropped, skipped } = mergeOpenApiDocuments(gatewayDocument(), [incident()]);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/auth/login',
      '/api/v1/incidents',
      '/api/v1/incidents/{id}',
      '/api/v1/users',
    ]);
    expect(document.paths['/api/v1/incidents'].get?.summary).toBe('インシデント一覧 📋');
    expect(document.tags).toEqual([
      { name: 'auth', description: 'Sign-in' },
      { name: 'incidents', description: 'インシデント' },
    ]);
    expect(document.components?.parameters?.IdParam).toMatchObject({ name: 'id', in: 'path' });
    expect(document.paths['/api/v1/incidents/{id}'].parameters).toEqual([{ $ref: '#/components/parameters/IdParam' }]);
    expect(dropped).toEqual([]);
    expect(skipped).toEqual([]);
    expect(document.info.title).toBe('Help desk API'); // the upstream's info never replaces the gateway's
  });

  it('shares identical schemas and security schemes instead of duplicating them', () => {
    const { document, renamed } = mergeOpenApiDocuments(gatewayDocument(), [incident()]);
    expect(Object.keys(document.components!.schemas!).filter((n) => n.includes('ApiErrorDto'))).toEqual(['ApiErrorDto']);
    expect(Object.keys(document.components!.securitySchemes!)).toEqual(['bearer']);
    expect(document.paths['/api/v1/incidents'].get?.security).toEqual([{ bearer: [] }]);
    expect(renamed.map((r) => r.component)).not.toContain('schemas/ApiErrorDto');
  });

  it('prefixes a different schema of the same name and points its $refs at the new name', () => {
    const { document, renamed } = mergeOpenApiDocuments(gatewayDocument(), [incident()]);
    const schemas = document.components!.schemas!;
    expect(schemas.PageDto).toEqual(GATEWAY_PAGE); // the gateway's own is untouched
    expect(schemas.IncidentPageDto).toEqual({
      type: 'object',
      properties: { items: { type: 'array', items: ref('IncidentDto') }, nextCursor: { type: 'string' } },
    });
    expect(renamed).toEqual([{ upstream: 'incident', component: 'schemas/PageDto', as: 'IncidentPageDto' }]);
    const listSchema = (
      document.paths['/api/v1/incidents'].get?.responses['200'] as { content: Record<string, { schema: unknown }> }
    ).content['application/json'].schema;
    expect(listSchema).toEqual(ref('IncidentPageDto'));
    const gatewayList = (
      document.paths['/api/v1/users'].get?.responses['200'] as { content: Record<string, { schema: unknown }> }
    ).content['application/json'].schema;
    expect(gatewayList).toEqual(ref('PageDto'));
  });

  it('renames a schema that refers to a renamed one, since its meaning differs too', () => {
    const gateway = gatewayDocument();
    gateway.components!.schemas!.ListDto = { type: 'object', properties: { page: ref('PageDto') } };
    const upstream = incidentDocument();
    // Written the same, but its PageDto is the incident one.
    upstream.components!.schemas!.ListDto = { type: 'object', properties: { page: ref('PageDto') } };
    upstream.paths['/api/v1/categories'] = {
      get: {
        operationId: 'CategoriesController_list',
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('ListDto') } } } },
      },
    };
    const { document } = mergeOpenApiDocuments(gateway, [incident(upstream)]);
    const schemas = document.components!.schemas!;
    expect(schemas.ListDto).toEqual({ type: 'object', properties: { page: ref('PageDto') } });
    expect(schemas.IncidentListDto).toEqual({ type: 'object', properties: { page: ref('IncidentPageDto') } });
    expect(JSON.stringify(document.paths['/api/v1/categories'])).toContain('#/components/schemas/IncidentListDto');
  });

  it('never takes a name already used: the prefixed name gets a number when taken', () => {
    const upstream = incidentDocument();
    upstream.components!.schemas!.IncidentPageDto = { type: 'object', description: 'a schema of its own' };
    const { document } = mergeOpenApiDocuments(gatewayDocument(), [incident(upstream)]);
    const schemas = document.components!.schemas!;
    expect(schemas.IncidentPageDto).toEqual({ type: 'object', description: 'a schema of its own' });
    expect(schemas.IncidentPageDto2).toMatchObject({ properties: { items: { type: 'array' } } });
    expect(JSON.stringify(document.paths['/api/v1/incidents'].get)).toContain('#/components/schemas/IncidentPageDto2');
  });

  it('two services that both define a different PageDto each keep theirs under their own prefix', () => {
    const problem: OpenAPIObject = {
      openapi: '3.0.0',
      info: { title: 'problem-service', version: '1' },
      paths: {
        '/api/v1/problems': {
          get: {
            operationId: 'ProblemsController_list',
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('PageDto') } } } },
          },
        },
      },
      components: {
        schemas: {
          PageDto: { type: 'object', properties: { items: { type: 'array', items: ref('ProblemDto') } } },
          ProblemDto: { type: 'object' },
        },
      },
    };
    const { document } = mergeOpenApiDocuments(gatewayDocument(), [
      incident(),
      { name: 'problem', document: problem, owns: owner('http://problem') },
    ]);
    const schemas = document.components!.schemas!;
    expect(
      Object.keys(schemas)
        .filter((n) => n.endsWith('PageDto'))
        .sort(),
    ).toEqual(['IncidentPageDto', 'PageDto', 'ProblemPageDto']);
    expect(JSON.stringify(document.paths['/api/v1/problems'])).toContain('#/components/schemas/ProblemPageDto');
    expect(schemas.ProblemPageDto).toEqual({
      type: 'object',
      properties: { items: { type: 'array', items: ref('ProblemDto') } },
    });
  });

  it('rewrites discriminator mappings, refs and bare names alike', () => {
    const upstream = incidentDocument();
    upstream.components!.schemas!.PageDto = {
      oneOf: [ref('IncidentDto')],
      discriminator: {
        propertyName: 'kind',
        mapping: { page: '#/components/schemas/PageDto', bare: 'PageDto', other: 'IncidentDto' },
      },
    };
    const { document } = mergeOpenApiDocuments(gatewayDocument(), [incident(upstream)]);
    expect(document.components!.schemas!.IncidentPageDto).toEqual({
      oneOf: [ref('IncidentDto')],
      discriminator: {
        propertyName: 'kind',
        mapping: { page: '#/components/schemas/IncidentPageDto', bare: 'IncidentPageDto', other: 'IncidentDto' },
      },
    });
  });

  it('a different security scheme of the same name is renamed in the operations that require it', () => {
    const upstream = incidentDocument();
    upstream.components!.securitySchemes!.bearer = { type: 'apiKey', in: 'header', name: 'X-Api-Key' };
    const { document } = mergeOpenApiDocuments(gatewayDocument(), [incident(upstream)]);
    expect(document.components!.securitySchemes!.bearer).toEqual(BEARER);
    expect(document.components!.securitySchemes!.Incidentbearer).toEqual({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    expect(document.paths['/api/v1/incidents'].get?.security).toEqual([{ Incidentbearer: [] }]);
    expect(document.paths['/api/v1/users'].get?.security).toEqual([{ bearer: [] }]);
  });

  it("makes an upstream's document-wide security explicit on its operations", () => {
    const upstream = incidentDocument();
    upstream.security = [{ bearer: [] }];
    const { document } = mergeOpenApiDocuments(gatewayDocument(), [incident(upstream)]);
    expect(document.paths['/api/v1/incidents'].post?.security).toEqual([{ bearer: [] }]);
    expect(document.security).toBeUndefined();
    expect(document.paths['/api/v1/auth/login'].post?.security).toBeUndefined(); // the gateway's public route stays public
  });

  it('keeps operationIds unique: a colliding one gets the upstream prefix', () => {
    const upstream = incidentDocument();
    upstream.paths['/api/v1/incidents'].get!.operationId = 'UsersController_list';
    const { document } = mergeOpenApiDocuments(gatewayDocument(), [incident(upstream)]);
    expect(document.paths['/api/v1/users'].get?.operationId).toBe('UsersController_list');
    expect(document.paths['/api/v1/incidents'].get?.operationId).toBe('Incident_UsersController_list');
  });

  describe('path ownership', () => {
    it('takes only the paths the forwarding table sends to that upstream', () => {
      const upstream = incidentDocument();
      const sneaky = { get: { operationId: 'x', responses: {} } };
      Object.assign(upstream.paths, {
        '/api/v1/auth/login': sneaky, // the gateway's own
        '/api/v1/users/{id}': sneaky, // the gateway's own
        '/api/v1/problems': sneaky, // another service's
        '/api/v1/users/{id}/assets': sneaky, // another service's
        '/api/v1/{any}/x': sneaky, // a template cannot claim a literal segment
        '/health/ready': sneaky, // outside the public prefix
        '/api/v1/incidents/../auth/login': sneaky, // the forwarder refuses dot segments
        '/api/v1/incidents/%2e%2e/x': sneaky,
        '/api/v1/incidents?x=1': sneaky,
      });
      const { document, dropped } = mergeOpenApiDocuments(gatewayDocument(), [incident(upstream)]);
      expect(Object.keys(document.paths).sort()).toEqual([
        '/api/v1/auth/login',
        '/api/v1/incidents',
        '/api/v1/incidents/{id}',
        '/api/v1/users',
      ]);
      expect(document.paths['/api/v1/auth/login']).toEqual(gatewayDocument().paths['/api/v1/auth/login']);
      expect(dropped.map((d) => d.path)).toEqual([
        '/api/v1/auth/login',
        '/api/v1/users/{id}',
        '/api/v1/problems',
        '/api/v1/users/{id}/assets',
        '/api/v1/{any}/x',
        '/health/ready',
        '/api/v1/incidents/../auth/login',
        '/api/v1/incidents/%2e%2e/x',
        '/api/v1/incidents?x=1',
      ]);
      expect(dropped.every((d) => d.upstream === 'incident')).toBe(true);
    });

    it('a more specific rule of another service wins: /users/{id}/assets belongs to asset only', () => {
      const asset: OpenAPIObject = {
        openapi: '3.0.0',
        info: { title: 'asset-service', version: '1' },
        paths: { '/api/v1/users/{id}/assets': { get: { operationId: 'UserAssetsController_list', responses: {} } } },
      };
      const { document } = mergeOpenApiDocuments(gatewayDocument(), [
        { name: 'asset', document: asset, owns: owner('http://asset') },
      ]);
      expect(document.paths['/api/v1/users/{id}/assets'].get?.operationId).toBe('UserAssetsController_list');
    });
  });

  it('skips an upstream whose document is malformed, and still merges the others', () => {
    const broken = { openapi: '3.0.0', info: { title: 'x', version: '1' }, paths: null } as unknown as OpenAPIObject;
    const { document, skipped } = mergeOpenApiDocuments(gatewayDocument(), [
      { name: 'problem', document: broken, owns: owner('http://problem') },
      incident(),
    ]);
    expect(skipped).toEqual([{ upstream: 'problem', reason: 'not an OpenAPI document (no paths)' }]);
    expect(document.paths['/api/v1/incidents']).toBeDefined();
  });

  it('does not modify its inputs', () => {
    const gateway = gatewayDocument();
    const upstream = incidentDocument();
    mergeOpenApiDocuments(gateway, [incident(upstream)]);
    expect(gateway).toEqual(gatewayDocument());
    expect(upstream).toEqual(incidentDocument());
  });
});
