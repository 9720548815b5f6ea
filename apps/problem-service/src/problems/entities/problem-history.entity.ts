import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface ProblemFieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The audit trail of a problem: who did what, when, and which fields changed. */
@Entity({ name: 'problem_history' })
export class ProblemHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  problemId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  actorId: string;

  @Column('text')
  actorRole: string;

  @Column('text')
  action: string;

  @Column('integer')
  problemVersion: number;

  @Column('jsonb')
  changes: ProblemFieldChange[];

  @Column('text', { nullable: true })
  note: string | null;
}
