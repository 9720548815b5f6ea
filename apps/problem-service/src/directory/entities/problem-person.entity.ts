import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The problem service's copy of a person (identity.user.*): who may own a problem, and their name. */
@Entity({ name: 'problem_person' })
export class ProblemPersonEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  displayName: string;

  @Column('text', { array: true })
  roles: string[];

  @Column('boolean')
  active: boolean;

  @Column('timestamptz')
  updatedAt: Date;
}
