import { Logger } from '@nestjs/common';
import { EventEnvelope, PayloadValidationError } from '@helpdesk/contracts';
import { QueryRunner } from 'typeorm';
import { EventBatchApplier } from './event-batch-applier';
import { ReadModelProjections } from './read-model-projections';

const TOPIC = 'helpdesk.incident.incident.v1';

function envelope(n: number): EventEnvelope {
  return {
    id: `0190b7c2-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'incident.created',
    version: 1,
    occurredAt: '2026-03-02T00:00:00.000Z',
    source: 'test',
    aggregateType: 'incident',
    aggregateId: `i${n}`,
    sequence: 1,
    correlationId: 'c',
    causationId: null,
    actor: { id: 'a', role: 'agent' },
    payload: {},
  };
}

const message = (n: number, value: string | null = JSON.stringify(envelope(n))) => ({
  offset: String(n),
  value: value === null ? null : Buffer.from(value),
});

/** A QueryRunner that records its statements; a projection that "writes" into a list, committed or not. */
function setUp(failures: Record<string, unknown> = {}) {
  const statements: string[] = [];
  let pending: string[] = [];
  const committed: string[] = [];
  let active = false;
  const runner = {
    manager: {},
    get isTransactionActive() {
      return active;
    },
    startTransaction: jest.fn(async () => {
      active = true;
      statements.push('BEGIN');
    }),
    commitTransaction: jest.fn(async () => {
      active = false;
      committed.push(...pending);
      pending = [];
      statements.push('COMMIT');
    }),
    rollbackTransaction: jest.fn(async () => {
      active = false;
      pending = [];
      statements.push('ROLLBACK');
    }),
    query: jest.fn(async (sql: string) => {
      statements.push(sql);
      if (sql === 'ROLLBACK TO SAVEPOINT rebuild_event') pending.pop();
    }),
  } as unknown as QueryRunner;
  const failed = new Set<string>();
  const projections = {
    apply: jest.fn(async (_manager: unknown, _topic: string, e: EventEnvelope) => {
      pending.push(e.aggregateId);
      const failure = failures[e.aggregateId];
      // A conflict happens once (the retry succeeds); anything else every time.
      if (failure && !(failed.has(e.aggregateId) && (failure as { code?: string }).code === '40P01')) {
        failed.add(e.aggregateId);
        throw failure;
      }
    }),
  } as unknown as ReadModelProjections;
  const logger = { warn: jest.fn(), log: jest.fn(), error: jest.fn() } as unknown as Logger;
  return { applier: new EventBatchApplier([runner], projections, logger), statements, committed, logger };
}

describe('EventBatchApplier', () => {
  it('applies a chunk in one transaction on the given schema', async () => {
    const { applier, statements, committed } = setUp();
    await applier.apply('reporting_rebuild_x', { topic: TOPIC, partition: 0, messages: [message(1), message(2)] });
    expect(statements).toEqual(['BEGIN', 'SET LOCAL search_path TO "reporting_rebuild_x"', 'COMMIT']);
    expect(committed).toEqual(['i1', 'i2']);
    expect(applier.countsOf(TOPIC)).toEqual({ read: 2, applied: 2, bad: 0 });
  });

  it('counts and skips what is not an envelope, applying the rest', async () => {
    const { applier, committed, logger } = setUp();
    await applier.apply('s', { topic: TOPIC, partition: 1, messages: [message(1), message(2, '{oops'), message(3, null)] });
    expect(committed).toEqual(['i1']);
    expect(applier.countsOf(TOPIC)).toEqual({ read: 3, applied: 1, bad: 2 });
    expect(logger.warn).toHaveBeenCalledWith(`Skipped ${TOPIC}[1]@2: Not a valid event envelope: message value is not JSON`);
  });

  it('redoes a chunk with a refused event one savepoint per event: the others land, the refused one is counted', async () => {
    const { applier, statements, committed } = setUp({ i2: new PayloadValidationError('incident.created', ['bad']) });
    await applier.apply('s', { topic: TOPIC, partition: 0, messages: [message(1), message(2), message(3)] });
    expect(committed).toEqual(['i1', 'i3']);
    expect(statements.filter((s) => s.includes('SAVEPOINT'))).toEqual([
      'SAVEPOINT rebuild_event',
      'RELEASE SAVEPOINT rebuild_event',
      'SAVEPOINT rebuild_event',
      'ROLLBACK TO SAVEPOINT rebuild_event',
      'SAVEPOINT rebuild_event',
      'RELEASE SAVEPOINT rebuild_event',
    ]);
    expect(applier.countsOf(TOPIC)).toEqual({ read: 3, applied: 2, bad: 1 });
  });

  it('runs a chunk again after a deadlock, counting it once', async () => {
    const { applier, committed } = setUp({ i2: Object.assign(new Error('deadlock detected'), { code: '40P01' }) });
    await applier.apply('public', { topic: TOPIC, partition: 0, messages: [message(1), message(2)] });
    expect(committed).toEqual(['i1', 'i2']);
    expect(applier.countsOf(TOPIC)).toEqual({ read: 2, applied: 2, bad: 0 });
  });

  it('fails on a lost database instead of skipping events', async () => {
    const lost = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const { applier, committed, statements } = setUp({ i1: lost });
    await expect(applier.apply('s', { topic: TOPIC, partition: 0, messages: [message(1)] })).rejects.toBe(lost);
    expect(committed).toEqual([]);
    expect(statements[statements.length - 1]).toBe('ROLLBACK');
  });

  it('lends each chunk a connection of its own: with one, chunks of two partitions wait their turn', async () => {
    const { applier, statements } = setUp();
    await Promise.all([
      applier.apply('s', { topic: TOPIC, partition: 0, messages: [message(1)] }),
      applier.apply('s', { topic: TOPIC, partition: 1, messages: [message(2)] }),
    ]);
    expect(statements.filter((s) => s === 'BEGIN' || s === 'COMMIT')).toEqual(['BEGIN', 'COMMIT', 'BEGIN', 'COMMIT']);
    expect(applier.countsOf(TOPIC)).toEqual({ read: 2, applied: 2, bad: 0 });
  });
});
