import { Inject, Injectable } from '@nestjs/common';
import { TEXT_ANALYZER, TextAnalyzer } from '@helpdesk/text-analysis';
import { EntityManager } from 'typeorm';
import { buildSearchDocument } from './domain/search-document';
import { DOCUMENT_COUNT_TERM, SearchRepository } from './search.repository';
import { SearchableArticle } from './searchable-article';

/**
 * Keeps the search index in step with published articles. Every method runs in the caller's
 * transaction (the article writer's), so the index never shows an article that was not published or
 * misses one that was. Only published articles belong in it.
 */
@Injectable()
export class ArticleSearchIndexer {
  constructor(
    @Inject(TEXT_ANALYZER) private readonly analyzer: TextAnalyzer,
    private readonly repository: SearchRepository,
  ) {}

  /** Indexes a published article, or re-indexes it after a change. */
  async upsert(manager: EntityManager, article: SearchableArticle): Promise<void> {
    const content = buildSearchDocument(this.analyzer, article);
    const previous = await this.repository.lockIndexedTerms(manager, article.id);
    await this.repository.upsertDocument(
      manager,
      {
        articleId: article.id,
        number: article.number,
        language: article.language,
        title: article.title,
        tags: article.tags,
        categoryId: article.categoryId,
        audience: article.audience,
        helpfulCount: article.helpfulCount,
        notHelpfulCount: article.notHelpfulCount,
        publishedAt: article.publishedAt,
        updatedAt: article.updatedAt,
        tsvector: content.tsvector,
        headTsvector: content.headTsvector,
        segments: content.segments,
      },
      new Date(),
    );
    const deltas = new Map<string, number>();
    for (const term of content.distinctTerms) deltas.set(term, 1);
    for (const term of previous ?? []) deltas.set(term, (deltas.get(term) ?? 0) - 1);
    if (previous === null) deltas.set(DOCUMENT_COUNT_TERM, 1);
    await this.repository.adjustTermCounts(manager, deltas);
  }

  /** Takes an article out of the index (retired, or no longer published); nothing happens if it is not in it. */
  async remove(manager: EntityManager, articleId: string): Promise<void> {
    const previous = await this.repository.lockIndexedTerms(manager, articleId);
    if (previous === null) return;
    await this.repository.deleteDocument(manager, articleId);
    const deltas = new Map<string, number>(previous.map((term) => [term, -1]));
    deltas.set(DOCUMENT_COUNT_TERM, -1);
    await this.repository.adjustTermCounts(manager, deltas);
  }

  /** New "was this helpful" totals (they weigh in the ranking). */
  async recordFeedback(manager: EntityManager, articleId: string, helpfulCount: number, notHelpfulCount: number): Promise<void> {
    await this.repository.updateFeedback(manager, articleId, helpfulCount, notHelpfulCount);
  }
}
