import { Principal } from '@helpdesk/auth';
import { EventActor } from '@helpdesk/contracts';

/** The event actor for a person: their id and the staff role they act in (asset_manager first). */
export function eventActorOf(principal: Pick<Principal, 'id' | 'roles'>): EventActor {
  const role =
    principal.roles.find((r) => r === 'asset_manager') ??
    principal.roles.find((r) => r !== 'employee') ??
    principal.roles[0] ??
    'employee';
  return { id: principal.id, role };
}

/** The asset service acting on its own (an import job keeps its starter as actor). */
export const ASSET_SERVICE_ACTOR: EventActor = { id: 'asset-service', role: 'system' };
