import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The asset service's copy of a person (identity.user.*): assignees' names and departments, leavers. */
@Entity({ name: 'asset_person' })
export class AssetPersonEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  displayName: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('text', { array: true })
  roles: string[];

  @Column('boolean')
  active: boolean;

  /** When the person was deactivated (a leaver whose assets are to be reclaimed). */
  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  @Column('timestamptz')
  updatedAt: Date;
}
