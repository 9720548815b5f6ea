import type { KnowledgeArticleSnapshot } from '@helpdesk/contracts';
import { SearchableArticle } from '../search';
import { KbArticleEntity } from './entities/kb-article.entity';

/** The article as events carry it (no body: consumers count and link, they do not render). */
export function toArticleSnapshot(a: KbArticleEntity, categoryCode: string | null): KnowledgeArticleSnapshot {
  return {
    id: a.id,
    number: a.number,
    version: a.version,
    state: a.state,
    language: a.language,
    translationOf: a.translationOf,
    title: a.title,
    categoryId: a.categoryId,
    categoryCode,
    tags: [...a.tags],
    audience: a.audience,
    relatedCiIds: [...a.relatedCiIds],
    incidentCategories: [...a.incidentCategories],
    sourceType: a.sourceType,
    sourceId: a.sourceId,
    authorId: a.authorId,
    viewCount: a.viewCount,
    helpfulCount: a.helpfulCount,
    notHelpfulCount: a.notHelpfulCount,
    deflectionCount: a.deflectionCount,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    retiredAt: a.retiredAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** What the search index keeps of a published article. */
export function toSearchableArticle(a: KbArticleEntity): SearchableArticle {
  return {
    id: a.id,
    number: a.number,
    language: a.language,
    title: a.title,
    body: a.body,
    categoryId: a.categoryId,
    tags: [...a.tags],
    audience: a.audience,
    helpfulCount: a.helpfulCount,
    notHelpfulCount: a.notHelpfulCount,
    publishedAt: a.publishedAt ?? a.updatedAt,
    updatedAt: a.updatedAt,
  };
}
