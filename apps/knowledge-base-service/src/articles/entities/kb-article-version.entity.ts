import type { ArticleAudience, ArticleLanguage, ArticleState } from '@helpdesk/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface ArticleFieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * One version of an article: who, when, which action, the full content as of then, and a unified diff
 * of title and body against the version before (empty when only the state or metadata changed).
 */
@Entity({ name: 'kb_article_version' })
export class KbArticleVersionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  articleId: string;

  @Column('integer')
  version: number;

  /** created, edited, submitted, published, rejected, retired */
  @Column('text')
  action: string;

  @Column('text')
  state: ArticleState;

  @Column('text')
  authorId: string;

  @Column('text', { nullable: true })
  authorName: string | null;

  @Column('text')
  authorRole: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  language: ArticleLanguage;

  @Column('uuid', { nullable: true })
  translationOf: string | null;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('uuid', { nullable: true })
  categoryId: string | null;

  @Column('text', { array: true })
  tags: string[];

  @Column('text')
  audience: ArticleAudience;

  @Column('text', { array: true })
  relatedCiIds: string[];

  @Column('text', { array: true })
  incidentCategories: string[];

  /** Every field that changed (title and body by name only: the diff shows them). */
  @Column('jsonb')
  changes: ArticleFieldChange[];

  @Column('text')
  diff: string;

  @Column('integer')
  linesAdded: number;

  @Column('integer')
  linesRemoved: number;

  /** The author's change note, or the reviewer's reason for a rejection or retirement. */
  @Column('text', { nullable: true })
  note: string | null;
}
