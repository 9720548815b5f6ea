import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CandidateState = 'open' | 'accepted' | 'dismissed';

/** A cluster of incidents that looks like one problem, waiting for a problem manager's decision. */
@Entity({ name: 'problem_candidate' })
export class ProblemCandidateEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** `ci:<id>` or `category:<name>`. */
  @Column('text')
  key: string;

  @Column('text')
  kind: 'ci' | 'category';

  @Column('text', { nullable: true })
  ciId: string | null;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text')
  state: CandidateState;

  @Column('timestamptz')
  firstOpenedAt: Date;

  @Column('timestamptz')
  lastOpenedAt: Date;

  @Column('uuid', { nullable: true })
  problemId: string | null;

  @Column('text', { nullable: true })
  decidedById: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  dismissReason: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
