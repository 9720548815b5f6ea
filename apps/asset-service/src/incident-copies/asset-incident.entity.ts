import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The asset service's copy of an incident (incident.*): what incidents a CI had, and whose. */
@Entity({ name: 'asset_incident' })
export class AssetIncidentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  number: string;

  /** The incident's CI as typed on it: a CI number (CI-00042) or UUID when it names one of ours. */
  @Column('text', { nullable: true })
  ciId: string | null;

  @Column('uuid', { nullable: true })
  callerId: string | null;

  @Column('text')
  shortDescription: string;

  @Column('text')
  state: string;

  @Column('smallint')
  priority: number;

  @Column('timestamptz')
  openedAt: Date;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  /** Newest incident version applied (older events never overwrite). */
  @Column('integer')
  incidentVersion: number;

  @Column('timestamptz')
  updatedAt: Date;
}
