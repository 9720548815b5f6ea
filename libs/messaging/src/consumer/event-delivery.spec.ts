import { PayloadValidationError } from '@helpdesk/contracts';
import { KafkaJSProtocolError } from 'kafkajs';
import { DeliveryInterruptedError, deliverMessage, DeliveryHooks, NoHandlerError } from './event-delivery';

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

/** What node-postgres throws when the server ends the session (pg_terminate_backend, a restart). */
function pgError(code: string, message = 'terminating connection due to administrator command'): Error {
  return Object.assign(new Error(message), { name: 'error', code, severity: 'FATAL' });
}

/** A kafkajs protocol error, as the consumer's heartbeat() rejects with during a rebalance. */
const rebalancing = (): Error =>
  new KafkaJSProtocolError(Object.assign(new Error('The group is rebalancing'), { type: 'REBALANCE_IN_PROGRESS', code: 27 }));

function hooks(invoke: DeliveryHooks['invoke'], overrides: Partial<DeliveryHooks> = {}) {
  const calls = { deadLetter: [] as unknown[][], sleeps: [] as number[], heartbeats: 0, failures: [] as string[] };
  const h: DeliveryHooks = {
    retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 5000 },
    invoke,
    deadLetter: async (...args) => void calls.deadLetter.push(args),
    sleep: async (ms) => void calls.sleeps.push(ms),
    heartbeat: async () => void calls.heartbeats++,
    heartbeatIntervalMs: 60_000,
    onAttemptFailed: (_err, attempt, willRetry, kind) => void calls.failures.push(`${attempt}:${kind}:${willRetry}`),
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

  describe('transient failures', () => {
    it('are retried with capped back-off beyond retry.attempts, and never dead-lettered', async () => {
      let n = 0;
      const { h, calls } = hooks(async () => {
        if (++n <= 9) throw pgError('57P01');
      });
      await expect(deliverMessage(value, false, h)).resolves.toMatchObject({ status: 'handled', attempts: 10 });
      expect(calls.deadLetter).toEqual([]);
      expect(calls.sleeps).toEqual([200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000]);
      expect(calls.failures.every((f) => f.endsWith(':transient:true'))).toBe(true);
    });

    it('recognise database errors wrapped by TypeORM and connection losses', async () => {
      const errors = [
        Object.assign(new Error('Connection terminated unexpectedly'), { name: 'Error' }),
        Object.assign(new Error('terminating connection'), { name: 'QueryFailedError', driverError: pgError('57P01') }),
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
        pgError('40001', 'could not serialize access due to concurrent update'),
        pgError('40P01', 'deadlock detected'),
      ];
      let n = 0;
      const { h, calls } = hooks(async () => {
        if (n < errors.length) throw errors[n++];
      });
      await expect(deliverMessage(value, false, h)).resolves.toMatchObject({ status: 'handled', attempts: 6 });
      expect(calls.deadLetter).toEqual([]);
    });

    it('do not use up the attempts of permanent failures', async () => {
      let n = 0;
      const { h, calls } = hooks(async () => {
        n++;
        if (n === 1 || n === 4) throw new Error('bug');
        if (n <= 6) throw pgError('57P03', 'the database system is starting up');
      });
      await expect(deliverMessage(value, false, h)).resolves.toMatchObject({ status: 'handled', attempts: 7 });
      expect(calls.failures).toEqual([
        '1:permanent:true',
        '2:transient:true',
        '3:transient:true',
        '4:permanent:true',
        '5:transient:true',
        '6:transient:true',
      ]);
      expect(calls.deadLetter).toEqual([]);
    });

    it('keep the group membership alive: a heartbeat per interval while waiting', async () => {
      let n = 0;
      const { h, calls } = hooks(
        async () => {
          if (++n <= 7) throw pgError('08006', 'connection failure');
        },
        { heartbeatIntervalMs: 1000 },
      );
      await deliverMessage(value, false, h);
      // Back-off 200, 400, 800, 1600, 3200, 5000, 5000 ms, slept in slices of at most one interval.
      expect(Math.max(...calls.sleeps)).toBe(1000);
      expect(calls.sleeps.reduce((a, b) => a + b, 0)).toBe(16_200);
      expect(calls.heartbeats).toBe(calls.sleeps.length);
    });

    it('heartbeat while an attempt hangs (a database that does not answer)', async () => {
      let n = 0;
      const { h, calls } = hooks(
        async () => {
          if (++n === 1) {
            await new Promise((resolve) => setTimeout(resolve, 120));
            throw Object.assign(new Error('timeout exceeded when trying to connect'), { name: 'Error' });
          }
        },
        { heartbeatIntervalMs: 20 },
      );
      await expect(deliverMessage(value, false, h)).resolves.toMatchObject({ status: 'handled', attempts: 2 });
      expect(calls.heartbeats).toBeGreaterThanOrEqual(3);
    });

    it('leave the message uncommitted when the group rebalances (kafkajs then rejoins)', async () => {
      const rebalance = rebalancing();
      const { h, calls } = hooks(
        async () => {
          throw pgError('57P01');
        },
        { heartbeat: async () => Promise.reject(rebalance) },
      );
      await expect(deliverMessage(value, false, h)).rejects.toBe(rebalance);
      expect(calls.deadLetter).toEqual([]);
    });

    it('leave the message uncommitted when a heartbeat during a hanging attempt meets a rebalance', async () => {
      const rebalance = rebalancing();
      const { h, calls } = hooks(
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 80));
          throw new Error('Connection terminated due to connection timeout');
        },
        { heartbeatIntervalMs: 10, heartbeat: async () => Promise.reject(rebalance) },
      );
      await expect(deliverMessage(value, false, h)).rejects.toBe(rebalance);
      expect(calls.sleeps).toEqual([]);
      expect(calls.deadLetter).toEqual([]);
    });

    it('leave the message uncommitted when the consumer stops', async () => {
      const stop = new AbortController();
      let n = 0;
      const { h, calls } = hooks(
        async () => {
          if (++n === 4) stop.abort();
          throw pgError('57P01');
        },
        { signal: stop.signal },
      );
      await expect(deliverMessage(value, false, h)).rejects.toBeInstanceOf(DeliveryInterruptedError);
      expect(n).toBe(4);
      expect(calls.deadLetter).toEqual([]);
    });

    it('a permanent failure still goes to the dead-letter topic after its attempts', async () => {
      let n = 0;
      const { h, calls } = hooks(async () => {
        throw ++n % 2 === 1 ? pgError('57P01') : new RangeError('bad index');
      });
      await expect(deliverMessage(value, false, h)).resolves.toMatchObject({
        status: 'dead-lettered',
        reason: 'handler-failed',
        attempts: 6,
      });
      expect(calls.deadLetter).toEqual([['RangeError: bad index', 6, 'handler-failed']]);
    });
  });
});
