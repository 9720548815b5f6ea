import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ImportJobKind = 'servicenow-incidents';
export type ImportJobState = 'queued' | 'running' | 'succeeded' | 'failed';

/** One problem found by an import: the CSV row (header = row 1), the column when known, and why. */
export interface ImportJobProblem {
  row: number;
  field?: string;
  reason: string;
}

/** A background import: what was uploaded, how far it got and what it found. */
@Entity({ name: 'import_job' })
export class ImportJobEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: ImportJobKind;

  @Column('text')
  state: ImportJobState;

  @Column('uuid')
  requestedBy: string;

  @Column('text')
  fileName: string;

  @Column('integer')
  sizeBytes: number;

  @Column('text')
  sha256: string;

  /** Data rows of the file. */
  @Column('integer', { default: 0 })
  rowCount: number;

  /** Incidents in the file (distinct numbers), importable or not. */
  @Column('integer', { default: 0 })
  incidentsTotal: number;

  @Column('integer', { default: 0 })
  incidentsCreated: number;

  /** Already imported (same source and external key): left as they are. */
  @Column('integer', { default: 0 })
  incidentsUnchanged: number;

  /** Left out: a bad row, an unmappable value, a number taken by another incident, a failed replay. */
  @Column('integer', { default: 0 })
  incidentsSkipped: number;

  @Column('integer', { default: 0 })
  eventsWritten: number;

  @Column('integer', { default: 0 })
  stepsApplied: number;

  /** Where the replay could not follow the file, counted by kind (see ImportedIncidentDeviationKind). */
  @Column('jsonb', { default: () => "'{}'" })
  deviations: Record<string, number>;

  /** The first problems found (capped); problemCount counts them all. */
  @Column('jsonb', { default: () => "'[]'" })
  problems: ImportJobProblem[];

  @Column('integer', { default: 0 })
  problemCount: number;

  /** When the file's plan-time figures (rows, totals, row problems) were recorded; set once. */
  @Column('timestamptz', { nullable: true })
  plannedAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @Column('timestamptz')
  updatedAt: Date;

  @Column('text', { nullable: true })
  error: string | null;
}
