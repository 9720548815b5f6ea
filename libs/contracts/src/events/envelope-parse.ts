import { EventEnvelope } from './event-envelope';
import { UUID_PATTERN as UUID } from '../ids';

export class EnvelopeParseError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not a valid event envelope: ${problems.join('; ')}`);
    this.name = 'EnvelopeParseError';
  }
}

/** Checks the envelope's shape (not the payload, which each event type validates). */
export function parseEnvelope(value: unknown): EventEnvelope {
  let input = value;
  if (Buffer.isBuffer(input)) input = input.toString('utf8');
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      throw new EnvelopeParseError(['message value is not JSON']);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EnvelopeParseError(['message value is not a JSON object']);
  }
  const e = input as Record<string, unknown>;
  const problems: string[] = [];
  const str = (k: string) => typeof e[k] === 'string' && (e[k] as string).length > 0;
  if (!str('id') || !UUID.test(e.id as string)) problems.push('id must be a UUID');
  for (const k of ['type', 'source', 'aggregateType', 'aggregateId', 'correlationId']) {
    if (!str(k)) problems.push(`${k} must be a non-empty string`);
  }
  if (!Number.isInteger(e.version) || (e.version as number) < 1) problems.push('version must be an integer ≥ 1');
  if (!Number.isInteger(e.sequence) || (e.sequence as number) < 1) problems.push('sequence must be an integer ≥ 1');
  if (!str('occurredAt') || Number.isNaN(Date.parse(e.occurredAt as string))) {
    problems.push('occurredAt must be an ISO 8601 time');
  }
  if (e.causationId !== null && e.causationId !== undefined && typeof e.causationId !== 'string') {
    problems.push('causationId must be a string or null');
  }
  const actor = e.actor as Record<string, unknown> | undefined;
  if (typeof actor !== 'object' || actor === null || typeof actor.id !== 'string' || typeof actor.role !== 'string') {
    problems.push('actor must be { id, role }');
  }
  if (typeof e.payload !== 'object' || e.payload === null) problems.push('payload must be an object');
  if (problems.length > 0) throw new EnvelopeParseError(problems);
  return { ...(e as unknown as EventEnvelope), causationId: (e.causationId as string | undefined) ?? null };
}
