/** The roles of the help desk; a user holds one or more. */
export const ROLES = [
  'employee',
  'agent',
  'specialist',
  'supervisor',
  'problem_manager',
  'knowledge_manager',
  'asset_manager',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles of IT staff (everyone who works tickets or runs the desk). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'employee');

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
