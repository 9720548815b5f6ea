import { Role, STAFF_ROLES } from '@helpdesk/contracts';

/** IT staff who write articles: they create drafts, edit them and submit them for review. */
export const AUTHOR_ROLES: readonly Role[] = [
  'agent',
  'specialist',
  'supervisor',
  'problem_manager',
  'knowledge_manager',
  'admin',
];

/** Reviewers: they publish, send back to draft, retire, and may edit an article in any live state. */
export const REVIEWER_ROLES: readonly Role[] = ['knowledge_manager', 'admin'];

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}

export function isAuthor(roles: readonly Role[]): boolean {
  return roles.some((r) => AUTHOR_ROLES.includes(r));
}

export function isReviewer(roles: readonly Role[]): boolean {
  return roles.some((r) => REVIEWER_ROLES.includes(r));
}
