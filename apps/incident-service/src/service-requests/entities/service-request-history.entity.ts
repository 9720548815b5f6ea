import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change to a request: who, when, which action, and every field's before and after. */
@Entity({ name: 'service_request_history' })
export class ServiceRequestHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  requestId: string;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  actorRole: string | null;

  /** submitted, approval-requested, approved, rejected, fulfilment-started, task-assigned, task-completed, … */
  @Column('text')
  action: string;

  @Column('jsonb', { default: () => "'[]'" })
  changes: Array<{ field: string; from: unknown; to: unknown }>;

  @Column('text', { nullable: true })
  note: string | null;

  /** The request's version after this change. */
  @Column('integer')
  version: number;
}
