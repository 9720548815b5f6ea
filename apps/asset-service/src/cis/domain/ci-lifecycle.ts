import type { CiState } from '@helpdesk/contracts';

/**
 * The lifecycle of a CI: ordered → in_stock → deployed ⇄ in_repair → retired → disposed, with returns to
 * stock. Disposed is final. Lists are in lifecycle order, which is how refusals name them.
 */
export const CI_TRANSITIONS: Readonly<Record<CiState, readonly CiState[]>> = {
  ordered: ['in_stock'],
  in_stock: ['deployed', 'in_repair', 'retired'],
  deployed: ['in_stock', 'in_repair', 'retired'],
  in_repair: ['in_stock', 'deployed', 'retired'],
  retired: ['in_stock', 'disposed'],
  disposed: [],
};

/** A new CI is either on order or already in stock; it gets deployed by assignment or a transition. */
export const CREATABLE_STATES: readonly CiState[] = ['in_stock', 'ordered'];

export type CiTransitionDecision = { allowed: true } | { allowed: false; allowedStates: readonly CiState[] };

export function allowedNextStates(state: CiState): readonly CiState[] {
  return CI_TRANSITIONS[state];
}

export function decideTransition(from: CiState, to: CiState): CiTransitionDecision {
  const allowedStates = CI_TRANSITIONS[from];
  return allowedStates.includes(to) ? { allowed: true } : { allowed: false, allowedStates };
}

/** States in which a CI may have an assignee: in use, or in repair while still someone's. */
export function keepsAssignment(state: CiState): boolean {
  return state === 'deployed' || state === 'in_repair';
}

/**
 * The state a CI is in after being assigned: a CI in stock is deployed by handing it out; a deployed or
 * in-repair CI changes hands in its state. Null: it cannot be assigned (on order, retired, disposed).
 */
export function stateAfterAssignment(state: CiState): CiState | null {
  if (state === 'in_stock') return 'deployed';
  return keepsAssignment(state) ? state : null;
}

/** A CI that is no longer someone's is back in stock or, for hardware, possibly in repair. */
export const RETURN_STATES: readonly CiState[] = ['in_stock', 'in_repair'];

/** Whether the CI can be changed at all (fields, assignment): disposed is final. */
export function isCiChangeable(state: CiState): boolean {
  return state !== 'disposed';
}
