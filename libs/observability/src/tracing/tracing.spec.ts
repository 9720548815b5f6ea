import { ConfigValidationError } from '@helpdesk/config';
import { context, trace } from '@opentelemetry/api';
import { BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Writable } from 'node:stream';
import { createPinoLogger } from '../logging/app-logger';
import { contextFromHeaders, traceHeadersOf } from './trace-headers';
import { otlpProcessorsFromEnv, setUpTracing, tracerOf } from './tracing';

const INCOMING = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('tracing without an OTLP endpoint (what every service runs unless one is configured)', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  });
  afterAll(() => {
    process.env = saved;
  });

  it('records nothing, yet continues incoming trace ids and starts new traces', () => {
    const setup = setUpTracing({ serviceName: 'no-exporter-spec' });
    expect(setup.recording).toBe(false);
    const tracer = tracerOf('no-exporter-spec');

    const continued = tracer.startSpan('HTTP GET', {}, contextFromHeaders({ traceparent: INCOMING }));
    expect(continued.isRecording()).toBe(false);
    expect(continued.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(continued.spanContext().spanId).not.toBe('00f067aa0ba902b7'); // a span of its own

    const started = tracer.startSpan('HTTP GET');
    expect(trace.isSpanContextValid(started.spanContext())).toBe(true);
    expect(started.spanContext().traceId).not.toBe(continued.spanContext().traceId);

    // The next hop gets this span as its parent, unsampled (nothing upstream recorded it).
    const headers = traceHeadersOf(trace.setSpan(context.active(), continued));
    expect(headers?.traceparent).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${continued.spanContext().spanId}-00`);
  });

  it('puts the active span’s ids into log lines, and only inside a span', () => {
    const lines: Record<string, unknown>[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l)),
        );
        done();
      },
    });
    const logger = createPinoLogger('no-exporter-spec', 'info', out);
    const span = tracerOf('no-exporter-spec').startSpan('work', {}, contextFromHeaders({ traceparent: INCOMING }));
    context.with(trace.setSpan(context.active(), span), () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      msg: 'inside',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: span.spanContext().spanId,
    });
    expect(lines[1].msg).toBe('outside');
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it('is set up once per process: later calls get the first set-up', () => {
    const first = setUpTracing({ serviceName: 'no-exporter-spec' });
    const again = setUpTracing({ serviceName: 'other', spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())] });
    expect(again).toBe(first);
    expect(again.recording).toBe(false);
  });
});

describe('otlpProcessorsFromEnv', () => {
  it('exports only when an endpoint is set', async () => {
    expect(otlpProcessorsFromEnv('svc', {})).toEqual([]);
    expect(otlpProcessorsFromEnv('svc', { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toEqual([]);
    for (const variable of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
      const processors = otlpProcessorsFromEnv('svc', { [variable]: 'http://otel-collector:4318' });
      expect(processors).toHaveLength(1);
      expect(processors[0]).toBeInstanceOf(BatchSpanProcessor);
      await processors[0].shutdown();
    }
  });

  it('refuses a malformed endpoint at start-up, naming the variable', () => {
    const bad = () => otlpProcessorsFromEnv('svc', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'otel-collector:4318' });
    expect(bad).toThrow(ConfigValidationError);
    expect(bad).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/);
    expect(() => otlpProcessorsFromEnv('svc', { OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
