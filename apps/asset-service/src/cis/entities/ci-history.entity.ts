import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface CiFieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The audit trail of a CI: who did what, when, which fields changed. */
@Entity({ name: 'asset_ci_history' })
export class CiHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  ciId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  actorId: string;

  @Column('text')
  actorRole: string;

  @Column('text')
  action: string;

  @Column('integer')
  ciVersion: number;

  @Column('jsonb')
  changes: CiFieldChange[];

  @Column('text', { nullable: true })
  note: string | null;
}
