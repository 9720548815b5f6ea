/**
 * Issue 9's requirement: one incident creation yields one trace spanning gateway → incident service → Kafka →
 * reporting service. The three apps run in this process (support/in-process-platform.ts) over real
 * PostgreSQL and Kafka, and one tracer provider records every span in memory.
 */
import { setUpTracing } from '@helpdesk/observability';
import { Topics } from '@helpdesk/contracts';
import { waitFor } from '@helpdesk/testing';
import { SpanKind } from '@opentelemetry/api';
import { AlwaysOnSampler, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Actor, GatewayClient } from './support/gateway-client';
import { waitForIncidentDirectory } from './support/incident-directory-sync';
import { InProcessPlatform, startInProcessPlatform } from './support/in-process-platform';

const exporter = new InMemorySpanExporter();
// Before any app boots: ObservabilityModule.forRoot then finds tracing set up and keeps it.
setUpTracing({
  serviceName: 'trace-continuity',
  spanProcessors: [new SimpleSpanProcessor(exporter)],
  sampler: new AlwaysOnSampler(),
});

/** A browser (or an upstream proxy) that already traces: the gateway continues its trace. */
const BROWSER_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const BROWSER_SPAN_ID = 'b7ad6b7169203331';

const INCIDENT_TOPIC = Topics.incident;

/** The one span that matches, failing with what there was when there is not exactly one. */
function only(spans: ReadableSpan[], what: string, match: (span: ReadableSpan) => boolean): ReadableSpan {
  const found = spans.filter(match);
  if (found.length !== 1) {
    const seen = spans.map((s) => `${s.instrumentationScope.name} ${SpanKind[s.kind]} ${s.name}`).join('\n  ');
    throw new Error(`expected one ${what}, found ${found.length} among:\n  ${seen}`);
  }
  return found[0];
}

const scope = (service: string) => (span: ReadableSpan) => span.instrumentationScope.name === service;

describe('trace continuity: gateway → incident service → outbox → Kafka → reporting service', () => {
  let platform: InProcessPlatform;
  let employee: Actor;

  beforeAll(async () => {
    platform = await startInProcessPlatform('trace');
    const client = new GatewayClient(platform.gatewayPort);
    const admin = await client.signIn('admin@example.com');
    employee = await client.signIn('employee@example.com');
    await waitForIncidentDirectory(admin, { routes: [['Excel が保存時に落ちる', 'Service Desk']], people: [employee] });
  }, 240_000);

  afterAll(async () => {
    await platform?.close();
  }, 120_000);

  it('one incident creation is one trace: each hop the child of the one before', async () => {
    exporter.reset();
    const created = await employee.post(
      '/incidents',
      { shortDescription: 'Excel が保存時に落ちる 😢', impact: 3, urgency: 2 },
      { traceparent: `00-${BROWSER_TRACE_ID}-${BROWSER_SPAN_ID}-01`, 'x-correlation-id': 'trace-continuity-1' },
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe('trace-continuity-1');

    // The chain ends at the reporting service's consumer span of this incident's incident.created event.
    const consumer = await waitFor(
      () =>
        exporter
          .getFinishedSpans()
          .find(
            (s) =>
              scope('reporting-service')(s) &&
              s.kind === SpanKind.CONSUMER &&
              s.attributes['helpdesk.event.type'] === 'incident.created' &&
              s.attributes['messaging.kafka.message.key'] === created.body.id,
          ),
      { timeoutMs: 60_000, intervalMs: 100, description: "the reporting service's consumer span of incident.created" },
    );
    const spans = exporter.getFinishedSpans();
    const post = (s: ReadableSpan) => s.name === 'HTTP POST /api/v1/incidents';
    const gatewayServer = only(
      spans,
      'gateway server span',
      (s) => scope('api-gateway')(s) && s.kind === SpanKind.SERVER && post(s),
    );
    const forward = only(spans, 'gateway client span', (s) => scope('api-gateway')(s) && s.kind === SpanKind.CLIENT && post(s));
    const incidentServer = only(
      spans,
      'incident service server span',
      (s) => scope('incident-service')(s) && s.kind === SpanKind.SERVER && post(s),
    );
    const eventId = consumer.attributes['messaging.message.id'];
    const producer = only(
      spans,
      'relay producer span of that event',
      (s) => scope('incident-service')(s) && s.kind === SpanKind.PRODUCER && s.attributes['messaging.message.id'] === eventId,
    );

    expect(gatewayServer.attributes['http.response.status_code']).toBe(201);
    expect(forward.attributes).toMatchObject({ 'http.response.status_code': 201, 'peer.service': 'incident' });
    expect(incidentServer.attributes['http.response.status_code']).toBe(201);
    expect(producer.name).toBe(`publish ${INCIDENT_TOPIC}`);
    expect(producer.attributes['messaging.destination.name']).toBe(INCIDENT_TOPIC);
    expect(consumer.name).toBe(`process ${INCIDENT_TOPIC}`);
    expect(consumer.attributes['messaging.consumer.group.name']).toBe(platform.reportingService.env.KAFKA_CONSUMER_GROUP);
    expect(typeof eventId).toBe('string');

    // One trace id, and each span the child of the hop before it (browser → gateway → ... → reporting).
    const chain = [gatewayServer, forward, incidentServer, producer, consumer];
    expect(new Set(chain.map((s) => s.spanContext().traceId))).toEqual(new Set([BROWSER_TRACE_ID]));
    expect(chain.map((s) => s.parentSpanContext?.spanId)).toEqual([
      BROWSER_SPAN_ID,
      gatewayServer.spanContext().spanId,
      forward.spanContext().spanId,
      incidentServer.spanContext().spanId,
      producer.spanContext().spanId,
    ]);
    // Across a process boundary (HTTP, Kafka) the parent is remote; within the gateway it is local.
    expect(chain.map((s) => s.parentSpanContext?.isRemote ?? false)).toEqual([true, false, true, true, true]);
  });
});
