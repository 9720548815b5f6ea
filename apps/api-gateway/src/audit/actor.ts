import { Principal } from '@helpdesk/auth';
import { EventActor, Role } from '@helpdesk/contracts';

/** Who acts: a signed-in user with the role that lets them, or the system (seed, maintenance). */
export type Actor = EventActor;

const ROLE_PRECEDENCE: readonly Role[] = [
  'admin',
  'supervisor',
  'problem_manager',
  'knowledge_manager',
  'asset_manager',
  'specialist',
  'agent',
  'employee',
];

/** The principal as an actor, with its most powerful role (the one that matters for an audit trail). */
export function actorFromPrincipal(principal: Pick<Principal, 'id' | 'roles'>): Actor {
  const role = ROLE_PRECEDENCE.find((r) => principal.roles.includes(r)) ?? principal.roles[0];
  return { id: principal.id, role };
}

export const SEED_ACTOR: Actor = { id: 'api-gateway:demo-seed', role: 'system' };
