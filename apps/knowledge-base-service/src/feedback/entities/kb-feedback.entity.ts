import { Column, Entity, PrimaryColumn } from 'typeorm';

/** "Was this helpful?": one answer per user and article, which the user may change. */
@Entity({ name: 'kb_feedback' })
export class KbFeedbackEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  articleId: string;

  @Column('uuid')
  userId: string;

  @Column('text', { nullable: true })
  userName: string | null;

  @Column('boolean')
  helpful: boolean;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
