import fc from 'fast-check';
import { EnvelopeParseError, parseEnvelope } from './envelope-parse';

const valid = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  type: 'identity.user.created',
  version: 1,
  occurredAt: '2026-11-23T10:00:00.000Z',
  source: 'api-gateway',
  aggregateType: 'user',
  aggregateId: 'u1',
  sequence: 1,
  correlationId: 'c1',
  causationId: null,
  actor: { id: 'admin', role: 'admin' },
  payload: { name: '山田 太郎 🎉' },
};

describe('parseEnvelope', () => {
  it('accepts a valid envelope as object, JSON string or Buffer, keeping Unicode', () => {
    expect(parseEnvelope(valid)).toEqual(valid);
    expect(parseEnvelope(JSON.stringify(valid))).toEqual(valid);
    expect(parseEnvelope(Buffer.from(JSON.stringify(valid))).payload).toEqual({ name: '山田 太郎 🎉' });
  });

  it('names each problem', () => {
    expect(() => parseEnvelope('{not json')).toThrow('message value is not JSON');
    try {
      parseEnvelope({ ...valid, id: 'x', sequence: 0, actor: null });
      fail('expected an error');
    } catch (e) {
      expect((e as EnvelopeParseError).problems).toEqual([
        'id must be a UUID',
        'sequence must be an integer ≥ 1',
        'actor must be { id, role }',
      ]);
    }
  });

  it('never throws anything but EnvelopeParseError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (input) => {
        try {
          parseEnvelope(input);
        } catch (e) {
          expect(e).toBeInstanceOf(EnvelopeParseError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
