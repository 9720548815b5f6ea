import { EventEnvelope } from './event-envelope';

/** A typed event: its type string, topic, schema version and payload check (dependency-free, so producer and consumer share it). */
export interface EventDefinition<TType extends string, TPayload> {
  type: TType;
  topic: string;
  version: number;
  aggregateType: string;
  describePayloadProblems(payload: unknown): string[];
  /** Narrows an envelope to this event, or returns null when the type differs. */
  match(envelope: EventEnvelope): EventEnvelope<TPayload, TType> | null;
}

export class PayloadValidationError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`Invalid payload for ${eventType}: ${problems.join('; ')}`);
    this.name = 'PayloadValidationError';
  }
}

export function defineEvent<TPayload>() {
  return <TType extends string>(spec: {
    type: TType;
    topic: string;
    version: number;
    aggregateType: string;
    describePayloadProblems: (payload: unknown) => string[];
  }): EventDefinition<TType, TPayload> => ({
    ...spec,
    match(envelope) {
      if (envelope.type !== spec.type) return null;
      const problems = spec.describePayloadProblems(envelope.payload);
      if (problems.length > 0) throw new PayloadValidationError(spec.type, problems);
      return envelope as EventEnvelope<TPayload, TType>;
    },
  });
}
