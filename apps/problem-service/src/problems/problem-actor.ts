import { Principal } from '@helpdesk/auth';
import { EventActor } from '@helpdesk/contracts';

/** The event actor for a person: their id and the staff role they act in. */
export function eventActorOf(principal: Pick<Principal, 'id' | 'roles'>): EventActor {
  const role =
    principal.roles.find((r) => r === 'problem_manager') ??
    principal.roles.find((r) => r !== 'employee') ??
    principal.roles[0] ??
    'employee';
  return { id: principal.id, role };
}

/** The problem service acting on its own (imports, candidates accepted on someone's behalf keep that someone). */
export const PROBLEM_SERVICE_ACTOR: EventActor = { id: 'problem-service', role: 'system' };
