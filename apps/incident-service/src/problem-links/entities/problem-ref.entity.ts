import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../../sla/entities/bigint.transformer';

/** The incident service's copy of a problem, kept current from problem.* events (ProblemRef). */
@Entity({ name: 'problem_ref' })
export class ProblemRefEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** PRB0000007 */
  @Column('text')
  number: string;

  @Column('text')
  title: string;

  /** new, investigating, known_error, resolved, closed (PROBLEM_STATES; kept as sent). */
  @Column('text')
  state: string;

  @Column('text', { nullable: true })
  workaround: string | null;

  @Column('text', { nullable: true })
  rootCause: string | null;

  /** occurredAt of the newest event applied. */
  @Column('timestamptz')
  updatedAt: Date;

  /** The envelope sequence of the newest event applied (per problem, gap-free, in commit order). */
  @Column('bigint', { transformer: BIGINT_AS_NUMBER })
  eventSequence: number;
}
