import { ArticleAudience, Role, STAFF_ROLES } from '@helpdesk/contracts';

/**
 * The audiences whose articles a caller may find: employees only articles for employees, IT staff
 * (every role but employee) also IT-only ones; narrowed to the requested audience, if any.
 */
export function visibleAudiences(roles: readonly Role[], requested?: ArticleAudience): ArticleAudience[] {
  const visible: ArticleAudience[] = roles.some((r) => STAFF_ROLES.includes(r)) ? ['employees', 'it_staff'] : ['employees'];
  return requested ? visible.filter((a) => a === requested) : visible;
}
