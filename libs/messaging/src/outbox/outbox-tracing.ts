import { contextFromHeaders, failSpan, traceHeadersOf } from '@helpdesk/observability';
import { Span, SpanKind, trace, Tracer } from '@opentelemetry/api';
import { OutboxRow } from './outbox-batch';

/** Producer spans of one relay round, one per row, and the rows with their Kafka headers to send. */
export interface PublishSpans {
  /** The rows, each with `traceparent`/`tracestate` of its producer span added to its headers. */
  rows: OutboxRow[];
  /** Ends every span: failed with the error if the send failed. */
  end(error?: unknown): void;
}

/**
 * Starts a PRODUCER span per row, a child of the span that wrote the row (its stored trace context; a new
 * trace for a row written outside any), and puts the producer span's context into the row's headers, so
 * the consumer's span becomes its child: writer → relay → consumer is one trace.
 */
export function startPublishSpans(tracer: Tracer, rows: OutboxRow[]): PublishSpans {
  const spans: Span[] = [];
  const traced = rows.map((row) => {
    const parent = contextFromHeaders(row.traceContext);
    const span = tracer.startSpan(`publish ${row.topic}`, { kind: SpanKind.PRODUCER }, parent);
    spans.push(span);
    if (span.isRecording()) {
      span.setAttributes({
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': row.topic,
        'messaging.kafka.message.key': row.messageKey,
        'messaging.message.id': row.id,
      });
    }
    const headers = traceHeadersOf(trace.setSpan(parent, span));
    return headers ? { ...row, headers: { ...row.headers, ...headers } } : row;
  });
  return {
    rows: traced,
    end: (error) => {
      for (const span of spans) {
        if (error !== undefined) failSpan(span, error);
        span.end();
      }
    },
  };
}
