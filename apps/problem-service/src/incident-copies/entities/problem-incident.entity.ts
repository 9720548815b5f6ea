import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The problem service's copy of an incident (from incident.* events) and the problem side of its link. */
@Entity({ name: 'problem_incident' })
export class ProblemIncidentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  number: string;

  @Column('text')
  shortDescription: string;

  @Column('text')
  state: string;

  @Column('smallint')
  priority: number;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text', { nullable: true })
  ciId: string | null;

  @Column('timestamptz')
  openedAt: Date;

  /** `live`, or where imported history came from. */
  @Column('text')
  source: string;

  /** The incident's version as of the newest event applied (older events do not overwrite). */
  @Column('integer')
  incidentVersion: number;

  /** Analysed terms of the short description (candidate similarity). */
  @Column('text', { array: true })
  terms: string[];

  @Column('uuid', { nullable: true })
  problemId: string | null;

  /** The incident version whose incident.problem-linked set the link (older link events are stale). */
  @Column('integer')
  linkVersion: number;

  @Column('timestamptz', { nullable: true })
  linkedAt: Date | null;

  @Column('timestamptz')
  updatedAt: Date;
}
