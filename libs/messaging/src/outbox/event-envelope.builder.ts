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

/** Validates the payload and assembles the envelope; a bad payload is a programming error. */
export function buildEnvelope<TType extends string, TPayload>(
  input: BuildEnvelopeInput<TType, TPayload>,
): EventEnvelope<TPayload, TType> {
  const problems = input.event.describePayloadProblems(input.payload);
  if (problems.length > 0) throw new PayloadValidationError(input.event.type, problems);
  if (!input.aggregateId) throw new Error(`${input.event.type}: aggregateId must be a non-empty string`);
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
