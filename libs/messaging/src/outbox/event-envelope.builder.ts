import { EventActor, EventDefinition, EventEnvelope, EventHeaders, PayloadValidationError } from '@helpdesk/contracts';

export interface BuildEnvelopeInput<TType extends string, TPayload> {
  event: EventDefinition<TType, TPayload>;
  id: string;
  aggregateId: string;
  sequence: number;
  payload: TPayload;
  source: string;
  occurredAt: Date;
  /** From RequestContext; a fresh id is used when the work has none (a timer, a script). */
  correlationId: string;
  causationId: string | null;
  actor?: EventActor;
}

/**
 * Throws PayloadValidationError when the event definition rejects the payload, and an Error for
 * an empty aggregate id: both are programming errors.
 */
export function assertValidEvent<TType extends string, TPayload>(
  event: EventDefinition<TType, TPayload>,
  aggregateId: string,
  payload: TPayload,
): void {
  const problems = event.describePayloadProblems(payload);
  if (problems.length > 0) throw new PayloadValidationError(event.type, problems);
  if (!aggregateId) throw new Error(`${event.type}: aggregateId must be a non-empty string`);
}

/** Validates the payload and assembles the envelope; a bad payload is a programming error. */
export function buildEnvelope<TType extends string, TPayload>(
  input: BuildEnvelopeInput<TType, TPayload>,
): EventEnvelope<TPayload, TType> {
  assertValidEvent(input.event, input.aggregateId, input.payload);
  return assembleEnvelope(input);
}

/** The envelope of input that assertValidEvent has already accepted (OutboxService validates first). */
export function assembleEnvelope<TType extends string, TPayload>(
  input: BuildEnvelopeInput<TType, TPayload>,
): EventEnvelope<TPayload, TType> {
  return {
    id: input.id,
    type: input.event.type,
    version: input.event.version,
    occurredAt: input.occurredAt.toISOString(),
    source: input.source,
    aggregateType: input.event.aggregateType,
    aggregateId: input.aggregateId,
    sequence: input.sequence,
    correlationId: input.correlationId,
    causationId: input.causationId,
    actor: input.actor ?? { id: input.source, role: 'system' },
    payload: input.payload,
  };
}

/** The Kafka headers that travel beside an envelope (readable without parsing the value). */
export function envelopeHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [EventHeaders.correlationId]: envelope.correlationId,
    [EventHeaders.eventType]: envelope.type,
    [EventHeaders.eventId]: envelope.id,
  };
  if (envelope.causationId) headers[EventHeaders.causationId] = envelope.causationId;
  return headers;
}
