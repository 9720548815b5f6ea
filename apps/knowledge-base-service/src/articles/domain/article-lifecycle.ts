import type { ArticleState, Role } from '@helpdesk/contracts';
import { isAuthor, isReviewer } from './article-roles';

/** What can be done to an article; `edit` is a PATCH, the others are POST /kb/articles/{id}/<action>. */
export const ARTICLE_ACTIONS = ['edit', 'submit', 'publish', 'reject', 'retire'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];
export type ArticleTransition = Exclude<ArticleAction, 'edit'>;

/** Where each action may start and where a transition leads (edit keeps the state). */
const FROM: Record<ArticleAction, readonly ArticleState[]> = {
  edit: ['draft', 'in_review', 'published'],
  submit: ['draft'],
  publish: ['in_review'],
  reject: ['in_review'],
  retire: ['published'],
};

export const TRANSITION_TARGET: Record<ArticleTransition, ArticleState> = {
  submit: 'in_review',
  publish: 'published',
  reject: 'draft',
  retire: 'retired',
};

/** Whether the roles may ever take the action in that state (authors edit drafts; reviewers anything live). */
function roleMay(action: ArticleAction, state: ArticleState, roles: readonly Role[]): boolean {
  switch (action) {
    case 'edit':
      return isReviewer(roles) || (isAuthor(roles) && state === 'draft');
    case 'submit':
      return isAuthor(roles);
    case 'publish':
    case 'reject':
    case 'retire':
      return isReviewer(roles);
  }
}

/** The actions these roles may take on an article in this state (shown to clients, named in 409s). */
export function allowedActions(state: ArticleState, roles: readonly Role[]): ArticleAction[] {
  return ARTICLE_ACTIONS.filter((a) => FROM[a].includes(state) && roleMay(a, state, roles));
}

export type ArticleDecision =
  | { ok: true; to: ArticleState }
  | { ok: false; reason: 'forbidden'; message: string }
  | { ok: false; reason: 'illegal'; message: string; allowed: ArticleAction[] };

/**
 * Decides an action: a state the action cannot start from is illegal (409, naming what is allowed);
 * a role that may not take it there is forbidden (403). Pure: no Nest, no TypeORM.
 */
export function decideArticleAction(state: ArticleState, action: ArticleAction, roles: readonly Role[]): ArticleDecision {
  if (!FROM[action].includes(state)) {
    const allowed = allowedActions(state, roles);
    return {
      ok: false,
      reason: 'illegal',
      allowed,
      message: `Cannot ${action} an article that is ${state}; allowed: ${allowed.join(', ') || 'none'}`,
    };
  }
  if (!roleMay(action, state, roles)) {
    const who =
      action === 'edit' && state !== 'draft' ? 'Only knowledge managers and admins edit an article once it is submitted' : null;
    return {
      ok: false,
      reason: 'forbidden',
      message:
        who ??
        `Your roles may not ${action} an article (${action === 'submit' ? 'authors' : 'knowledge managers and admins'} only)`,
    };
  }
  return { ok: true, to: action === 'edit' ? state : TRANSITION_TARGET[action] };
}
