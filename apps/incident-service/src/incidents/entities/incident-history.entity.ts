import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change to an incident: who, when, which action, and every field's before and after. */
@Entity({ name: 'incident_history' })
export class IncidentHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  incidentId: string;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  actorRole: string | null;

  /** created, assign, start, hold, …, update, comment, escalate, sla-warning, … */
  @Column('text')
  action: string;

  @Column('jsonb', { default: () => "'[]'" })
  changes: Array<{ field: string; from: unknown; to: unknown }>;

  @Column('text', { nullable: true })
  note: string | null;

  /** The incident's version after this change. */
  @Column('integer')
  version: number;
}
