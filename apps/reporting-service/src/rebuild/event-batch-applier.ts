import { LoggerService } from '@nestjs/common';
import { EventEnvelope, parseEnvelope } from '@helpdesk/contracts';
import { isTransientError } from '@helpdesk/messaging';
import { QueryRunner } from 'typeorm';
import { ReadModelProjections } from './read-model-projections';
import { quoteIdent } from './sql-identifiers';
import { TopicMessages } from './topic-range-reader';

/** What became of a topic's messages. */
export interface TopicCounts {
  read: number;
  /** Handed to the projection without error (a type it does not project included). */
  applied: number;
  /** Unparseable, an invalid payload, or a row the table refused: what the consumer dead-letters. */
  bad: number;
}

/** Bad events logged one by one per topic; beyond that only counted (the summary has the total). */
const LOGGED_BAD_EVENTS_PER_TOPIC = 20;

// deadlock_detected, serialization_failure: the transaction was rolled back whole and can simply run again.
const CONFLICT_CODES = new Set(['40P01', '40001']);
const CONFLICT_ATTEMPTS = 5;
const isConflict = (err: unknown) => CONFLICT_CODES.has(String((err as { code?: unknown } | null)?.code));

type Parsed = { offset: string; envelope: EventEnvelope } | { offset: string; error: string };

/**
 * Applies chunks of messages to the read-model tables of one schema, one transaction per chunk on one of
 * its connections (`SET LOCAL search_path`, so the projections' unqualified table names resolve to that
 * schema and the connection is left as it was); chunks of different partitions may run side by side, one
 * per connection. When any event of a chunk fails, the chunk is done again with a
 * savepoint per event: the good ones land, the bad ones are counted, logged and skipped, and the rebuild
 * goes on. A deadlock (two partitions' chunks, or the catch-up and the live consumer, updating the same
 * help session) runs the chunk again; any other transient error (the database gone) fails the rebuild.
 */
export class EventBatchApplier {
  private readonly counts = new Map<string, TopicCounts>();
  private readonly idle: QueryRunner[];
  private readonly waiting: Array<(runner: QueryRunner) => void> = [];

  constructor(
    runners: readonly QueryRunner[],
    private readonly projections: ReadModelProjections,
    private readonly logger: LoggerService,
  ) {
    if (runners.length === 0) throw new Error('EventBatchApplier needs at least one connection');
    this.idle = [...runners];
  }

  countsOf(topic: string): TopicCounts {
    return { ...(this.counts.get(topic) ?? { read: 0, applied: 0, bad: 0 }) };
  }

  async apply(schema: string, chunk: TopicMessages): Promise<void> {
    const counts = this.counts.get(chunk.topic) ?? { read: 0, applied: 0, bad: 0 };
    this.counts.set(chunk.topic, counts);
    const parsed = chunk.messages.map(parse);
    counts.read += parsed.length;
    for (const p of parsed) if ('error' in p) this.skip(chunk, p.offset, p.error, counts);
    const envelopes = parsed.filter((p): p is { offset: string; envelope: EventEnvelope } => 'envelope' in p);
    if (envelopes.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.withRunner(async (runner) => {
          if (await this.applyAll(runner, schema, chunk.topic, envelopes)) counts.applied += envelopes.length;
          else await this.applyOneByOne(runner, schema, chunk, envelopes, counts);
        });
        return;
      } catch (err) {
        // Catching up writes the live tables beside the live consumer: a deadlock between the two is retried.
        if (!isConflict(err) || attempt >= CONFLICT_ATTEMPTS) throw err;
        this.logger.warn(`Chunk of ${chunk.topic}[${chunk.partition}] ran into a concurrent transaction; applying it again`);
      }
    }
  }

  /** The fast path: the whole chunk in one transaction; false when one event failed (nothing was kept). */
  private async applyAll(
    runner: QueryRunner,
    schema: string,
    topic: string,
    events: Array<{ envelope: EventEnvelope }>,
  ): Promise<boolean> {
    await this.begin(runner, schema);
    try {
      for (const { envelope } of events) await this.projections.apply(runner.manager, topic, envelope);
      await runner.commitTransaction();
      return true;
    } catch (err) {
      await this.rollback(runner);
      if (isTransientError(err)) throw err;
      return false;
    }
  }

  /** The slow path: a savepoint per event; counts only once the chunk is committed (a retried chunk counts once). */
  private async applyOneByOne(
    runner: QueryRunner,
    schema: string,
    chunk: TopicMessages,
    events: Array<{ offset: string; envelope: EventEnvelope }>,
    counts: TopicCounts,
  ): Promise<void> {
    const refused: Array<{ offset: string; error: string }> = [];
    await this.begin(runner, schema);
    try {
      for (const { offset, envelope } of events) {
        await runner.query('SAVEPOINT rebuild_event');
        try {
          await this.projections.apply(runner.manager, chunk.topic, envelope);
          await runner.query('RELEASE SAVEPOINT rebuild_event');
        } catch (err) {
          if (isTransientError(err)) throw err;
          await runner.query('ROLLBACK TO SAVEPOINT rebuild_event');
          refused.push({ offset, error: `${envelope.type} ${envelope.id}: ${(err as Error).message}` });
        }
      }
      await runner.commitTransaction();
    } catch (err) {
      await this.rollback(runner);
      throw err;
    }
    counts.applied += events.length - refused.length;
    for (const r of refused) this.skip(chunk, r.offset, r.error, counts);
  }

  /** One of the idle connections, or the next one to come back. */
  private async withRunner(work: (runner: QueryRunner) => Promise<void>): Promise<void> {
    const runner = this.idle.pop() ?? (await new Promise<QueryRunner>((resolve) => this.waiting.push(resolve)));
    try {
      await work(runner);
    } finally {
      const next = this.waiting.shift();
      if (next) next(runner);
      else this.idle.push(runner);
    }
  }

  private async begin(runner: QueryRunner, schema: string): Promise<void> {
    await runner.startTransaction();
    await runner.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
  }

  private async rollback(runner: QueryRunner): Promise<void> {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
  }

  private skip(chunk: TopicMessages, offset: string, error: string, counts: TopicCounts): void {
    counts.bad++;
    if (counts.bad <= LOGGED_BAD_EVENTS_PER_TOPIC) {
      this.logger.warn(`Skipped ${chunk.topic}[${chunk.partition}]@${offset}: ${error}`);
    } else if (counts.bad === LOGGED_BAD_EVENTS_PER_TOPIC + 1) {
      this.logger.warn(`More bad events on ${chunk.topic}: counting them without logging each`);
    }
  }
}

function parse(message: { offset: string; value: Buffer | null }): Parsed {
  try {
    return { offset: message.offset, envelope: parseEnvelope(message.value) };
  } catch (err) {
    return { offset: message.offset, error: (err as Error).message };
  }
}
