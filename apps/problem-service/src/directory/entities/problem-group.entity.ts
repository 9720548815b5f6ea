import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The problem service's copy of a group (identity.group.*): the team a problem is worked by. */
@Entity({ name: 'problem_group' })
export class ProblemGroupEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz')
  updatedAt: Date;
}
