import type { ArticleAudience, ArticleLanguage, ArticleSourceType, ArticleState } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'kb_article' })
export class KbArticleEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** KB0001234 */
  @Column('text')
  number: string;

  @Column('text')
  state: ArticleState;

  @Column('text')
  language: ArticleLanguage;

  /** The original of the translation group this article belongs to (never a translation itself). */
  @Column('uuid', { nullable: true })
  translationOf: string | null;

  @Column('text')
  title: string;

  /** Markdown source; rendered with raw HTML off and links checked (markdown/markdown-renderer.ts). */
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

  @Column('text')
  sourceType: ArticleSourceType;

  @Column('text', { nullable: true })
  sourceId: string | null;

  /** INC/PRB number of the source, for people. */
  @Column('text', { nullable: true })
  sourceNumber: string | null;

  /** A user id, or a system actor (`problem-service`, `knowledge-base-service:seed`). */
  @Column('text')
  authorId: string;

  @Column('text', { nullable: true })
  authorName: string | null;

  @Column('text')
  updatedById: string;

  @Column('text', { nullable: true })
  updatedByName: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('text', { nullable: true })
  submittedById: string | null;

  /** The reviewer's reason when they last sent it back to draft. */
  @Column('text', { nullable: true })
  reviewNote: string | null;

  @Column('text', { nullable: true })
  reviewedById: string | null;

  @Column('timestamptz', { nullable: true })
  firstPublishedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Column('text', { nullable: true })
  publishedById: string | null;

  @Column('timestamptz', { nullable: true })
  retiredAt: Date | null;

  @Column('text', { nullable: true })
  retiredById: string | null;

  @Column('text', { nullable: true })
  retireReason: string | null;

  @Column('integer')
  viewCount: number;

  @Column('integer')
  helpfulCount: number;

  @Column('integer')
  notHelpfulCount: number;

  @Column('integer')
  deflectionCount: number;

  /** Optimistic lock: bumped by every edit and transition (not by views, feedback or deflections). */
  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
