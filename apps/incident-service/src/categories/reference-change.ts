import { Principal } from '@helpdesk/auth';
import { EventActor, Role } from '@helpdesk/contracts';

/** Who changed reference data (categories, routing rules): a user with their strongest role, or the system. */
export type ChangeActor = EventActor;

/** The seed on start-up (SEED_REFERENCE_DATA). */
export const SEED_ACTOR: ChangeActor = { id: 'incident-service:seed', role: 'system' };

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

export function changeActorOf(principal: Pick<Principal, 'id' | 'roles'>): ChangeActor {
  return { id: principal.id, role: ROLE_PRECEDENCE.find((r) => principal.roles.includes(r)) ?? principal.roles[0] };
}

/** One field's change in a history row. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The fields that differ between two states of a row (all of them, from null, for a new row). */
export function diffFields<T extends object>(before: T | null, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before ? plain(before[field]) : null;
    const to = plain(after[field]);
    if (!sameValue(from, to)) changes.push({ field, from, to });
  }
  return changes;
}

function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value];
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
