import type { ArticleAudience, ArticleState, Role } from '@helpdesk/contracts';
import { isAuthor, isStaff } from './article-roles';

export interface ArticleViewer {
  id: string;
  roles: readonly Role[];
}

/**
 * Who may see an article (anything else is a 404, as if it did not exist): employees only published
 * articles for employees; IT staff every published or retired article; authors and reviewers drafts
 * and articles in review too.
 */
export function canViewArticle(viewer: ArticleViewer, article: { state: ArticleState; audience: ArticleAudience }): boolean {
  if (isAuthor(viewer.roles)) return true;
  if (isStaff(viewer.roles)) return article.state === 'published' || article.state === 'retired';
  return article.state === 'published' && article.audience === 'employees';
}

/** The states and audiences a list may show the viewer (the same rule as canViewArticle, for SQL). */
export function visibleScope(viewer: ArticleViewer): { states: ArticleState[] | null; audiences: ArticleAudience[] | null } {
  if (isAuthor(viewer.roles)) return { states: null, audiences: null };
  if (isStaff(viewer.roles)) return { states: ['published', 'retired'], audiences: null };
  return { states: ['published'], audiences: ['employees'] };
}

/** Version history, feedback comments and review notes are for the people who maintain articles. */
export function canSeeEditorialDetail(viewer: ArticleViewer): boolean {
  return isAuthor(viewer.roles);
}
