import type { ArticleViewSource } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** "This solved my problem": a help session ended by an article (at most one per user and session). */
@Entity({ name: 'kb_deflection' })
export class KbDeflectionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  articleId: string;

  @Column('uuid')
  userId: string;

  @Column('text', { nullable: true })
  sessionId: string | null;

  @Column('text', { nullable: true })
  query: string | null;

  @Column('text', { nullable: true })
  source: ArticleViewSource | null;

  @Column('timestamptz')
  at: Date;
}
