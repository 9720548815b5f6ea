import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from './bigint.transformer';

/** Stored form of a pause: ISO instants, `to` null while the pause lasts. */
export interface StoredSlaPause {
  from: string;
  to: string | null;
}

/**
 * One SLA timer of an incident (response or resolution). No foreign key to incident: the timers are written
 * before the incident row, in the same transaction. Columns as described by SlaTimerRecord.
 */
@Entity({ name: 'sla_timer' })
export class SlaTimerEntity {
  @PrimaryColumn('uuid')
  incidentId: string;

  @PrimaryColumn('text')
  kind: 'response' | 'resolution';

  @Column('smallint')
  policyPriority: number;

  @Column('text')
  calendarId: string;

  @Column('bigint', { transformer: BIGINT_AS_NUMBER })
  targetMs: number;

  @Column('timestamptz')
  startedAt: Date;

  @Column('jsonb')
  pauses: StoredSlaPause[];

  @Column('timestamptz', { nullable: true })
  stoppedAt: Date | null;

  @Column('text')
  status: 'running' | 'paused' | 'met' | 'breached';

  @Column('bigint', { nullable: true, transformer: BIGINT_AS_NUMBER })
  elapsedMs: number | null;

  @Column('timestamptz', { nullable: true })
  dueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  warningAt: Date | null;

  @Column('timestamptz', { nullable: true })
  breachedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  warningRaisedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  breachRaisedAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
