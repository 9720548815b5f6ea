import { Role, STAFF_ROLES } from '@helpdesk/contracts';

/** Who is looking: the token's user id, roles and group ids. */
export interface Viewer {
  id: string;
  roles: readonly Role[];
  groups: readonly string[];
}

/** Roles that work incidents: transitions, assignment, escalation, updates. */
export const WORKER_ROLES: readonly Role[] = ['agent', 'specialist', 'supervisor', 'admin'];

export function isStaff(viewer: Viewer): boolean {
  return viewer.roles.some((r) => STAFF_ROLES.includes(r));
}

export function isWorker(viewer: Viewer): boolean {
  return viewer.roles.some((r) => WORKER_ROLES.includes(r));
}

/** Staff may look at any incident (agents search all); an employee only at those they are the caller of. */
export function canView(viewer: Viewer, incident: { callerId: string }): boolean {
  return isStaff(viewer) || incident.callerId === viewer.id;
}

/** Work notes are never shown to employees. */
export function canSeeWorkNotes(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/** Which incidents a list shows when the caller asks for no particular scope. */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'caller'; callerId: string }
  | { kind: 'queue'; groupIds: string[]; assigneeId: string; includeBreached: boolean };

export function listScope(viewer: Viewer, requested: 'mine' | 'all' | undefined, supervisedGroupIds: string[] = []): ListScope {
  if (!isStaff(viewer)) return { kind: 'caller', callerId: viewer.id };
  if (requested === 'all' || viewer.roles.includes('admin')) return { kind: 'all' };
  if (!isWorker(viewer)) return { kind: 'all' };
  const groupIds = [...new Set([...viewer.groups, ...supervisedGroupIds])];
  return { kind: 'queue', groupIds, assigneeId: viewer.id, includeBreached: viewer.roles.includes('supervisor') };
}
