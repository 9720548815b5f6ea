import { Role, STAFF_ROLES } from '@helpdesk/contracts';

/** Who changes problems: problem managers and admins (the issue: "only problem managers (and admins)"). */
export const PROBLEM_MANAGER_ROLES: readonly Role[] = ['problem_manager', 'admin'];

/** Who reads problems and links incidents to them: IT staff (employees never see problems). */
export const PROBLEM_READER_ROLES: readonly Role[] = STAFF_ROLES;

export function canManageProblems(roles: readonly string[]): boolean {
  return roles.some((r) => (PROBLEM_MANAGER_ROLES as readonly string[]).includes(r));
}
