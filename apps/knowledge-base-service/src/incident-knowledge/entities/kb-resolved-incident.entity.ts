import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The local copy of a resolved (or closed) incident, fed by incident.* events: what a draft article
 * starts from, and which article the agent cited as the one that solved it.
 */
@Entity({ name: 'kb_resolved_incident' })
export class KbResolvedIncidentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  number: string;

  /** The incident's version as of the event we hold: older events never overwrite newer ones. */
  @Column('integer')
  incidentVersion: number;

  @Column('text')
  state: string;

  @Column('text')
  shortDescription: string;

  @Column('text')
  description: string;

  @Column('text', { nullable: true })
  resolutionCode: string | null;

  @Column('text', { nullable: true })
  resolutionNotes: string | null;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text', { nullable: true })
  subcategory: string | null;

  @Column('text', { nullable: true })
  ciId: string | null;

  /** The article id or KB number the agent said solved it. */
  @Column('text', { nullable: true })
  knowledgeArticleId: string | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('timestamptz')
  updatedAt: Date;
}
