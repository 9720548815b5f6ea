import type { ProblemState } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ProblemOrigin = 'manual' | 'candidate' | 'import';
export type ProblemLanguage = 'ja' | 'en';

/** One entry of the RCA timeline: when something happened and what. */
export interface ProblemTimelineEntry {
  at: string;
  note: string;
}

@Entity({ name: 'problem' })
export class ProblemEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** PRB0000007 */
  @Column('text')
  number: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  state: ProblemState;

  @Column('smallint')
  priority: number;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text', { array: true })
  ciIds: string[];

  @Column('text')
  language: ProblemLanguage;

  /** The problem manager who owns it. */
  @Column('uuid', { nullable: true })
  ownerId: string | null;

  @Column('text', { nullable: true })
  ownerName: string | null;

  @Column('uuid', { nullable: true })
  groupId: string | null;

  @Column('text', { nullable: true })
  groupName: string | null;

  // Root-cause analysis record.
  @Column('text', { nullable: true })
  symptoms: string | null;

  @Column('jsonb')
  timeline: ProblemTimelineEntry[];

  @Column('text', { nullable: true })
  rootCause: string | null;

  @Column('text', { array: true })
  contributingFactors: string[];

  @Column('text', { array: true })
  fiveWhys: string[];

  @Column('text', { nullable: true })
  workaround: string | null;

  /** First publication as a known error: from then on it is in the KEDB. */
  @Column('timestamptz', { nullable: true })
  knownErrorAt: Date | null;

  @Column('text', { nullable: true })
  knownErrorById: string | null;

  @Column('text', { nullable: true })
  resolutionNotes: string | null;

  @Column('boolean', { nullable: true })
  resolveLinkedIncidents: boolean | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('text', { nullable: true })
  resolvedById: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('text', { nullable: true })
  closedById: string | null;

  @Column('text', { nullable: true })
  closeNotes: string | null;

  /** Kept from incident events and link changes (not user-edited, so they do not bump `version`). */
  @Column('integer')
  linkedIncidentCount: number;

  @Column('integer')
  openIncidentCount: number;

  @Column('text')
  origin: ProblemOrigin;

  @Column('uuid', { nullable: true })
  candidateId: string | null;

  /** Where an imported problem came from (`servicenow`) and its reference there (`Problem ID 2`). */
  @Column('text', { nullable: true })
  externalSource: string | null;

  @Column('text', { nullable: true })
  externalKey: string | null;

  /** Analysed terms of title, description, symptoms, root cause and workaround (KEDB search). */
  @Column('text', { array: true })
  searchTerms: string[];

  @Column('text')
  createdById: string;

  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
