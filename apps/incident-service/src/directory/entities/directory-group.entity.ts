import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The incident service's copy of an assignment group (queue), from identity.* events or an import. */
@Entity({ name: 'directory_group' })
export class DirectoryGroupEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  nameJa: string | null;

  /** 1 = the service desk (first level), 2 = specialists. */
  @Column('smallint')
  tier: number;

  @Column('uuid', { nullable: true })
  supervisorId: string | null;

  @Column('uuid', { array: true, default: () => "'{}'" })
  memberIds: string[];

  @Column('boolean', { default: true })
  active: boolean;

  @Column('text', { default: 'identity' })
  source: string;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
