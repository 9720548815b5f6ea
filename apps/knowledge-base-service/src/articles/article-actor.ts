import { Principal } from '@helpdesk/auth';
import { EventActor, Role } from '@helpdesk/contracts';

/** Who changes an article: their id and name for the version history, roles for the rules, the event actor. */
export interface ArticleActor {
  id: string;
  name: string | null;
  roles: readonly Role[];
  event: EventActor;
}

export function actorOf(principal: Pick<Principal, 'id' | 'name' | 'roles'>): ArticleActor {
  const role = principal.roles.find((r) => r !== 'employee') ?? principal.roles[0] ?? 'employee';
  return { id: principal.id, name: principal.name, roles: principal.roles, event: { id: principal.id, role } };
}

/** A service acting on its own (the seeder, a consumer): `roles` are what the rules should let it do. */
export function systemActor(id: string, name: string, roles: readonly Role[] = []): ArticleActor {
  return { id, name, roles, event: { id, role: 'system' } };
}
