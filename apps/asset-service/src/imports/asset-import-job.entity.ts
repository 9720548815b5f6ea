import type { EventActor } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AssetImportJobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface AssetImportProblem {
  row: number;
  field: string | null;
  reason: string;
}

/** A CSV import run in the background, all or nothing, with progress. */
@Entity({ name: 'asset_import_job' })
export class AssetImportJobEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  state: AssetImportJobState;

  @Column('text', { nullable: true })
  fileName: string | null;

  /** The uploaded file, kept until the job ends (a restart resumes queued jobs). */
  @Column('text')
  csv: string;

  @Column('integer')
  totalRows: number;

  @Column('integer')
  processedRows: number;

  @Column('integer')
  createdCount: number;

  @Column('jsonb')
  problems: AssetImportProblem[];

  @Column('text', { nullable: true })
  error: string | null;

  @Column('text')
  createdById: string;

  /** The role the starter acted in: the job's events carry it as their actor's. */
  @Column('text')
  createdByRole: EventActor['role'];

  /** The run holding the job while it is `running` (a replica's claim); null when none does. */
  @Column('uuid', { nullable: true })
  claimToken: string | null;

  /** The holder's last sign of life: a `running` job silent for longer than the claim timeout is taken up again. */
  @Column('timestamptz', { nullable: true })
  heartbeatAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
