import type { RelationshipType } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A directed edge of the CMDB graph: source <type> target (a VM runs_on a host; a service depends_on a switch). */
@Entity({ name: 'asset_relationship' })
export class RelationshipEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  sourceId: string;

  @Column('uuid')
  targetId: string;

  @Column('text')
  type: RelationshipType;

  @Column('text')
  createdById: string;

  @Column('timestamptz')
  createdAt: Date;
}
