import { TraceHeaders } from '@helpdesk/observability';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxRow, UnsentBlocker } from './outbox-batch';

export interface NewOutboxRow {
  id: string;
  topic: string;
  messageKey: string;
  envelope: object;
  headers: Record<string, string>;
  traceContext: TraceHeaders | null;
}

export interface OutboxBacklog {
  unsent: number;
  oldestUnsentAgeSeconds: number;
}

/** The only code that touches outbox_message and aggregate_sequence. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Next gap-free sequence of an aggregate. The UPSERT locks the aggregate's row until the
   * caller's transaction ends, so concurrent writers to one aggregate take turns.
   */
  async nextSequence(manager: EntityManager, aggregateType: string, aggregateId: string): Promise<number> {
    const rows: Array<{ last_sequence: string }> = await manager.query(
      `INSERT INTO aggregate_sequence (aggregate_type, aggregate_id, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_sequence = aggregate_sequence.last_sequence + 1
       RETURNING last_sequence`,
      [aggregateType, aggregateId],
    );
    return Number(rows[0].last_sequence);
  }

  async insert(manager: EntityManager, row: NewOutboxRow): Promise<void> {
    await manager.query(
      `INSERT INTO outbox_message (id, topic, message_key, envelope, headers, trace_context)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb)`,
      [
        row.id,
        row.topic,
        row.messageKey,
        JSON.stringify(row.envelope),
        JSON.stringify(row.headers),
        row.traceContext ? JSON.stringify(row.traceContext) : null,
      ],
    );
  }

  /** The oldest unsent rows that no other relay holds; locked until the round's transaction ends. */
  lockUnsent(manager: EntityManager, limit: number): Promise<OutboxRow[]> {
    return manager.query(
      // ORDER BY o.position, not the text alias "position" (which would sort '10' before '9').
      `SELECT o.id, o.position::text AS position, o.topic, o.message_key AS "messageKey", o.envelope, o.headers,
              o.trace_context AS "traceContext"
         FROM outbox_message o WHERE o.sent_at IS NULL
        ORDER BY o.position LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** For the batch's keys: the oldest unsent row outside the batch that is older than the batch's newest. */
  findBlockers(manager: EntityManager, batch: OutboxRow[]): Promise<UnsentBlocker[]> {
    const keys = [...new Map(batch.map((r) => [`${r.topic}\u0000${r.messageKey}`, r])).values()];
    const newest = batch.reduce((max, r) => (BigInt(r.position) > max ? BigInt(r.position) : max), 0n);
    return manager.query(
      `SELECT o.topic, o.message_key AS "messageKey", min(o.position)::text AS position
         FROM outbox_message o
         JOIN unnest($1::text[], $2::text[]) AS k(topic, message_key) ON o.topic = k.topic AND o.message_key = k.message_key
        WHERE o.sent_at IS NULL AND o.position < $3::bigint AND o.id <> ALL($4::uuid[])
        GROUP BY o.topic, o.message_key`,
      [keys.map((r) => r.topic), keys.map((r) => r.messageKey), newest.toString(), batch.map((r) => r.id)],
    );
  }

  async markSent(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE outbox_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Outside the failed round's (rolled back) transaction, so the trace survives. */
  async recordFailure(ids: string[], error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[]) AND sent_at IS NULL`,
      [ids, error.slice(0, 2000)],
    );
  }

  /** Deletes one chunk of rows sent before the retention; returns how many went. */
  async pruneSent(retentionMs: number, chunk = 5000): Promise<number> {
    const rows: Array<{ count: number }> = await this.dataSource.query(
      `WITH doomed AS (
         SELECT id FROM outbox_message
          WHERE sent_at IS NOT NULL AND sent_at < now() - ($1::bigint * interval '1 millisecond')
          ORDER BY sent_at LIMIT $2
       ), deleted AS (DELETE FROM outbox_message o USING doomed WHERE o.id = doomed.id RETURNING 1)
       SELECT count(*)::int AS count FROM deleted`,
      [retentionMs, chunk],
    );
    return rows[0].count;
  }

  async backlog(): Promise<OutboxBacklog> {
    const rows: Array<{ unsent: number; age: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS unsent, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
         FROM outbox_message WHERE sent_at IS NULL`,
    );
    return { unsent: rows[0].unsent, oldestUnsentAgeSeconds: Math.max(0, rows[0].age) };
  }
}
