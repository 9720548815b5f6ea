import { defineEvent, parseEnvelope, PayloadValidationError, requiredString, checkPayload } from '@helpdesk/contracts';
import { buildEnvelope, envelopeHeaders } from './event-envelope.builder';

const ThingRenamed = defineEvent<{ name: string }>()({
  type: 'thing.renamed',
  topic: 'helpdesk.test.thing.v1',
  version: 2,
  aggregateType: 'thing',
  describePayloadProblems: (p) => checkPayload(p, [requiredString('name')]),
});

const base = {
  event: ThingRenamed,
  id: '01a20954-6239-74cf-ae2f-641cdd1f7e8d',
  aggregateId: 't-1',
  sequence: 4,
  payload: { name: 'プリンター 🖨' },
  source: 'incident-service',
  occurredAt: new Date('2026-11-23T01:02:03.004Z'),
  correlationId: 'corr-1',
  causationId: null,
};

describe('buildEnvelope', () => {
  it('builds an envelope that parseEnvelope accepts, with the system actor by default', () => {
    const envelope = buildEnvelope(base);
    expect(envelope).toEqual({
      id: base.id,
      type: 'thing.renamed',
      version: 2,
      occurredAt: '2026-11-23T01:02:03.004Z',
      source: 'incident-service',
      aggregateType: 'thing',
      aggregateId: 't-1',
      sequence: 4,
      correlationId: 'corr-1',
      causationId: null,
      actor: { id: 'incident-service', role: 'system' },
      payload: { name: 'プリンター 🖨' },
    });
    expect(parseEnvelope(JSON.stringify(envelope))).toEqual(envelope);
  });

  it('keeps a given actor and causation', () => {
    const envelope = buildEnvelope({ ...base, actor: { id: 'u-7', role: 'agent' }, causationId: 'evt-0' });
    expect(envelope.actor).toEqual({ id: 'u-7', role: 'agent' });
    expect(envelope.causationId).toBe('evt-0');
  });

  it('refuses a payload the definition rejects', () => {
    expect(() => buildEnvelope({ ...base, payload: { name: '' } })).toThrow(PayloadValidationError);
    expect(() => buildEnvelope({ ...base, payload: { name: '' } })).toThrow('name must be a non-empty string');
  });

  it('refuses an empty aggregate id', () => {
    expect(() => buildEnvelope({ ...base, aggregateId: '' })).toThrow('aggregateId');
  });
});

describe('envelopeHeaders', () => {
  it('carries correlation, type and id, and causation only when there is one', () => {
    const envelope = buildEnvelope(base);
    expect(envelopeHeaders(envelope)).toEqual({
      'x-correlation-id': 'corr-1',
      'x-event-type': 'thing.renamed',
      'x-event-id': base.id,
    });
    expect(envelopeHeaders({ ...envelope, causationId: 'e0' })['x-causation-id']).toBe('e0');
  });
});
