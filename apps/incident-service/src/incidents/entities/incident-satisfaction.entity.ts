import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The caller's CSAT answer (1–5 and a comment), one per incident. */
@Entity({ name: 'incident_satisfaction' })
export class IncidentSatisfactionEntity {
  @PrimaryColumn('uuid')
  incidentId: string;

  @Column('smallint')
  rating: number;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('uuid')
  respondentId: string;

  @Column('timestamptz')
  respondedAt: Date;
}
