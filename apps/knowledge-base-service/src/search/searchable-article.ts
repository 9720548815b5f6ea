import { ArticleAudience, ArticleLanguage } from '@helpdesk/contracts';

/** A published article as the search index takes it (the article writer passes it on publish or change). */
export interface SearchableArticle {
  id: string;
  /** KB0001234 */
  number: string;
  language: ArticleLanguage;
  title: string;
  /** Markdown source. */
  body: string;
  categoryId: string | null;
  tags: string[];
  audience: ArticleAudience;
  helpfulCount: number;
  notHelpfulCount: number;
  publishedAt: Date;
  updatedAt: Date;
}
