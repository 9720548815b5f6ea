import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A portal help session: someone started looking for an answer (the self-service rate's denominator). */
@Entity({ name: 'kb_help_session' })
export class KbHelpSessionEntity {
  /** Chosen by the client (a UUID) or by us when it sends none. */
  @PrimaryColumn('text')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('text', { nullable: true })
  query: string | null;

  @Column('timestamptz')
  startedAt: Date;
}
