import { EventHeaders } from '@helpdesk/contracts';
import { contextFromHeaders, failSpan, HeaderCarrier } from '@helpdesk/observability';
import { Context, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import type { KafkaMessage } from 'kafkajs';
import { describeError } from '../error-text';
import { DeliveryOutcome, FailureKind } from './event-delivery';

/** The span of one consumed message, over every attempt and a dead letter if it comes to that. */
export interface ConsumeSpan {
  /** The context to deliver the message in: handlers (and the events they append) are in this trace. */
  context: Context;
  attemptFailed(error: unknown, attempt: number, kind: FailureKind): void;
  /** Ends the span with the delivery's outcome, or with the error that left the message uncommitted. */
  end(result: { outcome: DeliveryOutcome } | { error: unknown }): void;
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  message: Pick<KafkaMessage, 'headers' | 'offset' | 'key'>;
}

/**
 * Starts a CONSUMER span that continues the message's `traceparent` (the relay's producer span, which
 * continues the writer's trace); a new trace when the message carries none.
 */
export function startConsumeSpan(tracer: Tracer, consumed: ConsumedMessage, consumerGroup: string): ConsumeSpan {
  const { topic, partition, message } = consumed;
  const headers = message.headers as HeaderCarrier | undefined;
  const parent = contextFromHeaders(headers);
  const span = tracer.startSpan(`process ${topic}`, { kind: SpanKind.CONSUMER }, parent);
  if (span.isRecording()) {
    span.setAttributes({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': topic,
      'messaging.destination.partition.id': String(partition),
      'messaging.kafka.offset': Number(message.offset),
      'messaging.consumer.group.name': consumerGroup,
      ...(message.key ? { 'messaging.kafka.message.key': message.key.toString() } : {}),
      ...headerAttribute('messaging.message.id', headers?.[EventHeaders.eventId]),
      ...headerAttribute('helpdesk.event.type', headers?.[EventHeaders.eventType]),
    });
  }
  return {
    context: trace.setSpan(parent, span),
    attemptFailed: (error, attempt, kind) => {
      if (span.isRecording()) {
        span.addEvent('handler attempt failed', { attempt, kind, 'exception.message': describeError(error) });
      }
    },
    end: (result) => {
      if ('error' in result) failSpan(span, result.error);
      else if (span.isRecording()) {
        span.setAttribute('helpdesk.delivery.attempts', result.outcome.attempts);
        if (result.outcome.status === 'dead-lettered') {
          span.setAttribute('helpdesk.delivery.dead_letter_reason', result.outcome.reason);
          span.setStatus({ code: SpanStatusCode.ERROR, message: `dead-lettered: ${result.outcome.error}` });
        }
      }
      span.end();
    },
  };
}

function headerAttribute(name: string, value: HeaderCarrier[string]): Record<string, string> {
  if (value === null || value === undefined) return {};
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? {} : { [name]: first.toString() };
}
