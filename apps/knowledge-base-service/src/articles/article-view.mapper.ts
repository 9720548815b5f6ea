import { toCategoryDto } from '../categories/categories.service';
import { KbCategoryEntity } from '../categories/entities/kb-category.entity';
import { renderArticleMarkdown } from '../markdown/markdown-renderer';
import { ArticleViewer, canSeeEditorialDetail, canViewArticle } from './domain/article-access.policy';
import { allowedActions } from './domain/article-lifecycle';
import { ArticleDto, ArticleSummaryDto, ArticleVersionDto, ArticleVersionSummaryDto, MyFeedbackDto } from './dto/article.dto';
import { KbArticleVersionEntity } from './entities/kb-article-version.entity';
import { KbArticleEntity } from './entities/kb-article.entity';

export interface ArticleDetailExtras {
  category: KbCategoryEntity | null;
  translationGroup: KbArticleEntity[];
  citedByIncidentCount: number;
  myFeedback: MyFeedbackDto | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toArticleSummaryDto(
  a: KbArticleEntity,
  category: KbCategoryEntity | null,
  viewer: ArticleViewer,
): ArticleSummaryDto {
  return {
    id: a.id,
    number: a.number,
    state: a.state,
    version: a.version,
    language: a.language,
    translationOf: a.translationOf,
    title: a.title,
    category: category ? toCategoryDto(category) : null,
    tags: a.tags,
    audience: a.audience,
    relatedCiIds: a.relatedCiIds,
    incidentCategories: a.incidentCategories,
    source: { type: a.sourceType, id: a.sourceId, number: a.sourceNumber },
    author: { id: a.authorId, name: a.authorName },
    updatedBy: { id: a.updatedById, name: a.updatedByName },
    viewCount: a.viewCount,
    helpfulCount: a.helpfulCount,
    notHelpfulCount: a.notHelpfulCount,
    deflectionCount: a.deflectionCount,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    publishedAt: iso(a.publishedAt),
    retiredAt: iso(a.retiredAt),
    allowedActions: allowedActions(a.state, viewer.roles),
  };
}

export function toArticleDto(a: KbArticleEntity, extras: ArticleDetailExtras, viewer: ArticleViewer): ArticleDto {
  const dto: ArticleDto = {
    ...toArticleSummaryDto(a, extras.category, viewer),
    body: a.body,
    bodyHtml: renderArticleMarkdown(a.body),
    translations: extras.translationGroup
      .filter((t) => t.id !== a.id && canViewArticle(viewer, t))
      .map((t) => ({ id: t.id, number: t.number, language: t.language, title: t.title, state: t.state })),
    citedByIncidentCount: extras.citedByIncidentCount,
    myFeedback: extras.myFeedback,
    retireReason: a.retireReason,
  };
  if (canSeeEditorialDetail(viewer)) {
    dto.submittedAt = iso(a.submittedAt);
    dto.reviewNote = a.reviewNote;
  }
  return dto;
}

export function toVersionSummaryDto(v: KbArticleVersionEntity): ArticleVersionSummaryDto {
  return {
    version: v.version,
    action: v.action,
    state: v.state,
    author: { id: v.authorId, name: v.authorName },
    authorRole: v.authorRole,
    at: v.at.toISOString(),
    title: v.title,
    changes: v.changes,
    diff: v.diff,
    linesAdded: v.linesAdded,
    linesRemoved: v.linesRemoved,
    note: v.note,
  };
}

export function toVersionDto(v: KbArticleVersionEntity): ArticleVersionDto {
  return {
    ...toVersionSummaryDto(v),
    body: v.body,
    language: v.language,
    translationOf: v.translationOf,
    categoryId: v.categoryId,
    tags: v.tags,
    audience: v.audience,
    relatedCiIds: v.relatedCiIds,
    incidentCategories: v.incidentCategories,
  };
}
