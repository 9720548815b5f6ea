import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The SLA targets of one priority (P1–P5); the five rows change together (PUT /sla-policies). */
@Entity({ name: 'sla_policy' })
export class SlaPolicyEntity {
  @PrimaryColumn('smallint')
  priority: number;

  @Column('integer')
  responseMinutes: number;

  @Column('integer')
  resolutionMinutes: number;

  @Column('text')
  calendarId: string;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz')
  updatedAt: Date;

  /** Optimistic lock of the whole set: every PUT writes all five rows with the same new version. */
  @Column('integer')
  version: number;
}
