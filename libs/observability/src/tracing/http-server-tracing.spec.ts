import { Controller, Get, INestApplication, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AlwaysOnSampler, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { CorrelationMiddleware } from '../logging/correlation.middleware';
import { RequestContext } from '../logging/request-context';
import { ObservabilityModule } from '../observability.module';
import { traceHeadersOf } from './trace-headers';
import { setUpTracing } from './tracing';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';

@Controller('api/v1/things')
class ThingsController {
  /** What code inside the request sees: the server span as the active one. */
  @Get(':id')
  read() {
    return { traceparent: traceHeadersOf()?.traceparent, correlationId: RequestContext.correlationId() };
  }

  @Post()
  create() {
    return { created: true };
  }

  @Get('fail/now')
  fail() {
    throw new Error('boom');
  }
}

describe('HTTP server spans (CorrelationMiddleware)', () => {
  const exporter = new InMemorySpanExporter();
  let app: INestApplication;

  beforeAll(async () => {
    setUpTracing({
      serviceName: 'http-spec',
      spanProcessors: [new SimpleSpanProcessor(exporter)],
      sampler: new AlwaysOnSampler(),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [ObservabilityModule.forRoot({ serviceName: 'http-spec', logLevel: 'silent' })],
      controllers: [ThingsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    // As service-runtime's createServiceApp mounts it: ahead of every route.
    const correlation = app.get(CorrelationMiddleware);
    app.use((req: Request, res: Response, next: NextFunction) => correlation.use(req, res, next));
    await app.init();
  });
  afterAll(() => app.close());
  beforeEach(() => exporter.reset());

  /** Spans end when the response closes, a moment after the client has the answer. */
  async function serverSpans(count: number): Promise<ReadableSpan[]> {
    for (let i = 0; i < 100 && exporter.getFinishedSpans().length < count; i++) await new Promise((r) => setTimeout(r, 10));
    return exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
  }

  it('continues an incoming traceparent in a span named after the route pattern', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/v1/things/INC0000042?x=1')
      .set('traceparent', `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`)
      .set('x-correlation-id', 'corr-1')
      .expect(200);
    const [span] = await serverSpans(1);
    expect(span.name).toBe('HTTP GET /api/v1/things/:id');
    expect(span.instrumentationScope.name).toBe('http-spec');
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.parentSpanContext).toMatchObject({ traceId: TRACE_ID, spanId: PARENT_SPAN_ID, isRemote: true });
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/api/v1/things/:id',
      'http.response.status_code': 200,
      'url.path': '/api/v1/things/INC0000042',
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    // The handler ran inside it, and the correlation id is untouched.
    expect(res.body).toEqual({ traceparent: `00-${TRACE_ID}-${span.spanContext().spanId}-01`, correlationId: 'corr-1' });
    expect(res.headers['x-correlation-id']).toBe('corr-1');
  });

  it('starts a trace for a request without one (and for one whose traceparent is malformed)', async () => {
    await request(app.getHttpServer()).post('/api/v1/things').send({}).expect(201);
    await request(app.getHttpServer()).post('/api/v1/things').set('traceparent', 'not-a-traceparent').send({}).expect(201);
    const spans = await serverSpans(2);
    expect(spans.map((s) => s.name)).toEqual(['HTTP POST /api/v1/things', 'HTTP POST /api/v1/things']);
    expect(spans.map((s) => s.parentSpanContext)).toEqual([undefined, undefined]);
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(2);
  });

  it('marks a 5xx as an error; a 4xx and an unknown path are not (their name keeps the method only)', async () => {
    await request(app.getHttpServer()).get('/api/v1/things/fail/now').expect(500);
    await request(app.getHttpServer()).get('/api/v1/nowhere/7').expect(404);
    const [failed, unknown] = await serverSpans(2);
    expect(failed.name).toBe('HTTP GET /api/v1/things/fail/now');
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed.attributes['http.response.status_code']).toBe(500);
    expect(unknown.name).toBe('HTTP GET');
    expect(unknown.attributes['http.response.status_code']).toBe(404);
    expect(unknown.attributes['http.route']).toBeUndefined();
    expect(unknown.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('leaves probes and scrapes out of the traces', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/metrics').expect(200);
    await request(app.getHttpServer()).get('/api/v1/things/1').expect(200);
    const spans = await serverSpans(1);
    expect(spans.map((s) => s.name)).toEqual(['HTTP GET /api/v1/things/:id']);
  });
});
