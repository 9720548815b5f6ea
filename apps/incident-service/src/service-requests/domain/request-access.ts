import type { Role } from '@helpdesk/contracts';

/**
 * Who may see and do what on a request (pure). Fulfilment staff see every request (their groups' queue
 * by filter, and search across all); everyone else sees what they submitted, what is for them, and what
 * waits on (or waited on) their approval. What a caller may not see does not exist for them (404).
 */
export const REQUEST_STAFF_ROLES: readonly Role[] = ['agent', 'specialist', 'supervisor', 'admin'];

export interface RequestParties {
  requesterId: string;
  requestedForId: string;
  approvalPolicy: 'none' | 'manager' | 'group';
  approverId: string | null;
  approvalGroupId: string | null;
}

export interface Caller {
  id: string;
  roles: readonly Role[];
  /** Groups the caller belongs to (token and directory copy), for group approvals. */
  groupIds: readonly string[];
}

export function isRequestStaff(caller: Pick<Caller, 'roles'>): boolean {
  return caller.roles.some((r) => REQUEST_STAFF_ROLES.includes(r));
}

/** The requester or the person the request is for. */
export function isRequesterSide(caller: Pick<Caller, 'id'>, r: RequestParties): boolean {
  return caller.id === r.requesterId || caller.id === r.requestedForId;
}

/** The capacity in which the caller may decide on the approval, or null (nobody approves their own request). */
export function approvalCapacity(caller: Caller, r: RequestParties): 'manager' | 'group' | null {
  if (isRequesterSide(caller, r)) return null;
  if (r.approvalPolicy === 'manager' && r.approverId === caller.id) return 'manager';
  if (r.approvalPolicy === 'group' && r.approvalGroupId !== null && caller.groupIds.includes(r.approvalGroupId)) return 'group';
  return null;
}

export function canSeeRequest(caller: Caller, r: RequestParties): boolean {
  if (isRequestStaff(caller) || isRequesterSide(caller, r)) return true;
  return (
    (r.approvalPolicy === 'manager' && r.approverId === caller.id) ||
    (r.approvalPolicy === 'group' && r.approvalGroupId !== null && caller.groupIds.includes(r.approvalGroupId))
  );
}

/** Work notes are for IT staff; the requester and approvers see public replies only. */
export function canSeeWorkNotes(caller: Pick<Caller, 'roles'>): boolean {
  return isRequestStaff(caller);
}
