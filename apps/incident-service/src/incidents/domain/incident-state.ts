/** Incident states of itil.md; `closed` and `cancelled` are final. */
export const INCIDENT_STATES = ['new', 'assigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export const OPEN_STATES: readonly IncidentState[] = ['new', 'assigned', 'in_progress', 'on_hold'];
export const FINAL_STATES: readonly IncidentState[] = ['closed', 'cancelled'];

export const HOLD_REASONS = ['awaiting_user', 'awaiting_vendor', 'awaiting_problem', 'awaiting_change'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** Hold reasons that stop the SLA clock (itil.md: only waiting on the user or a vendor). */
export const SLA_PAUSING_HOLD_REASONS: readonly HoldReason[] = ['awaiting_user', 'awaiting_vendor'];

export const CANCEL_REASONS = ['duplicate', 'raised_in_error', 'withdrawn'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const RESOLUTION_CODES = [
  'solved_workaround',
  'solved_permanently',
  'solved_remotely',
  'solved_on_site',
  'resolved_by_problem',
  'user_instructed',
  'not_reproducible',
  'no_fault_found',
  'known_error',
  'other',
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

export const CHANNELS = ['portal', 'phone', 'email', 'chat', 'walk_in', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels where the contact is live, so first-contact resolution can apply (itil.md FCR). */
export const LIVE_CHANNELS: readonly Channel[] = ['phone', 'chat', 'walk_in'];

export function isOpenState(state: IncidentState): boolean {
  return OPEN_STATES.includes(state);
}
