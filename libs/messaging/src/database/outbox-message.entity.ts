import { EventEnvelope } from '@helpdesk/contracts';
import { TraceHeaders } from '@helpdesk/observability';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One event waiting to be (or already) published. Written in the same transaction as the state
 * change it describes; sent rows stay as the replay archive until the retention prunes them.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unsent_idx', ['position'], { where: 'sent_at IS NULL' })
export class OutboxMessage {
  /** The event id (UUID v7). */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Publishing order; bigint comes back from pg as a string. */
  @Column({ type: 'bigint', insert: false, update: false, unique: true })
  position: string;

  @Column({ type: 'varchar', length: 249 })
  topic: string;

  @Column({ name: 'message_key', type: 'varchar', length: 255 })
  messageKey: string;

  @Column({ type: 'jsonb' })
  envelope: EventEnvelope;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  headers: Record<string, string>;

  /** `traceparent` (and `tracestate`) of the span that wrote the row; null outside any trace. */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext: TraceHeaders | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
