import { PayloadValidationError } from '@helpdesk/contracts';
import { deliverMessage, DeliveryHooks, NoHandlerError } from './event-delivery';

const envelope = {
  id: '01a20954-6239-74cf-ae2f-641cdd1f7e8d',
  type: 'thing.renamed',
  version: 1,
  occurredAt: '2026-11-23T01:02:03.004Z',
  source: 'svc',
  aggregateType: 'thing',
  aggregateId: 't1',
  sequence: 1,
  correlationId: 'c1',
  causationId: null,
  actor: { id: 'svc', role: 'system' },
  payload: { name: 'n' },
};
const value = Buffer.from(JSON.stringify(envelope));

function hooks(invoke: DeliveryHooks['invoke'], overrides: Partial<DeliveryHooks> = {}) {
  const calls = { deadLetter: [] as unknown[][], sleeps: [] as number[], heartbeats: 0 };
  const h: DeliveryHooks = {
    retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 5000 },
    invoke,
    deadLetter: async (...args) => void calls.deadLetter.push(args),
    sleep: async (ms) => void calls.sleeps.push(ms),
    heartbeat: async () => void calls.heartbeats++,
    ...overrides,
  };
  return { h, calls };
}

describe('deliverMessage', () => {
  it('hands the parsed envelope to the handler once when it succeeds', async () => {
    const invoke = jest.fn(async () => undefined);
    const { h, calls } = hooks(invoke);
    await expect(deliverMessage(value, false, h)).resolves.toMatchObject({ status: 'handled', attempts: 1 });
    expect(invoke).toHaveBeenCalledWith(envelope);
    expect(calls.deadLetter).toEqual([]);
  });

  it('retries with exponential back-off, then succeeds', async () => {
    let n = 0;
    const { h, calls } = hooks(async () => {
      if (++n < 3) throw new Error('db busy');
    });
    await expect(deliverMessage(value, false, h)).resolves.toMatchObject({ status: 'handled', attempts: 3 });
    expect(calls.sleeps).toEqual([200, 400]);
    expect(calls.heartbeats).toBe(2);
  });

  it('dead-letters after the last attempt with the error, and returns normally', async () => {
    const { h, calls } = hooks(async () => {
      throw new TypeError('cannot read x');
    });
    await expect(deliverMessage(value, false, h)).resolves.toEqual({
      status: 'dead-lettered',
      attempts: 3,
      reason: 'handler-failed',
      error: 'TypeError: cannot read x',
    });
    expect(calls.deadLetter).toEqual([['TypeError: cannot read x', 3, 'handler-failed']]);
  });

  it('dead-letters an unparseable message without calling the handler', async () => {
    const invoke = jest.fn();
    const { h, calls } = hooks(invoke);
    const outcome = await deliverMessage(Buffer.from('{not json'), false, h);
    expect(outcome).toMatchObject({ status: 'dead-lettered', attempts: 0, reason: 'unparseable' });
    expect(calls.deadLetter[0][0]).toContain('message value is not JSON');
    expect(invoke).not.toHaveBeenCalled();
    await expect(deliverMessage(null, false, h)).resolves.toMatchObject({ reason: 'unparseable' });
  });

  it('does not retry what cannot get better: an invalid payload or a missing handler', async () => {
    const { h, calls } = hooks(async () => {
      throw new PayloadValidationError('thing.renamed', ['name missing']);
    });
    await expect(deliverMessage(value, false, h)).resolves.toMatchObject({ reason: 'invalid-payload', attempts: 1 });
    const other = hooks(async () => {
      throw new NoHandlerError('t');
    });
    await expect(deliverMessage(value, false, other.h)).resolves.toMatchObject({ reason: 'no-handler', attempts: 1 });
    expect(calls.sleeps).toEqual([]);
  });

  it('refuses request-reply messages', async () => {
    const invoke = jest.fn();
    const { h } = hooks(invoke);
    await expect(deliverMessage(value, true, h)).resolves.toMatchObject({ reason: 'request-reply' });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('rejects only when the dead-letter publish itself fails (so the offset is not committed)', async () => {
    const { h } = hooks(
      async () => {
        throw new Error('boom');
      },
      { deadLetter: async () => Promise.reject(new Error('kafka down')) },
    );
    await expect(deliverMessage(value, false, h)).rejects.toThrow('kafka down');
  });

  it('survives a heartbeat that fails during a rebalance', async () => {
    let n = 0;
    const { h } = hooks(
      async () => {
        if (++n < 2) throw new Error('flaky');
      },
      { heartbeat: async () => Promise.reject(new Error('REBALANCE_IN_PROGRESS')) },
    );
    await expect(deliverMessage(value, false, h)).resolves.toMatchObject({ status: 'handled', attempts: 2 });
  });
});
