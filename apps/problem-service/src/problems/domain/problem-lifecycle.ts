import type { ProblemState } from '@helpdesk/contracts';

/** What a problem manager can do to a problem's state (itil.md: new → investigating → known_error → resolved → closed). */
export type ProblemAction = 'start' | 'known-error' | 'resolve' | 'close';

const TRANSITIONS: Record<ProblemAction, { from: readonly ProblemState[]; to: ProblemState }> = {
  start: { from: ['new'], to: 'investigating' },
  // Publishing again from known_error updates the root cause and workaround (and re-announces them).
  'known-error': { from: ['investigating', 'known_error'], to: 'known_error' },
  // The permanent fix may come straight out of investigation, without a workaround phase.
  resolve: { from: ['investigating', 'known_error'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
};

export const PROBLEM_ACTIONS = Object.keys(TRANSITIONS) as ProblemAction[];

export type ProblemActionDecision = { allowed: true; to: ProblemState } | { allowed: false; allowedActions: ProblemAction[] };

/** The actions open to a problem in a state, in lifecycle order. */
export function allowedProblemActions(state: ProblemState): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(state));
}

export function decideProblemAction(state: ProblemState, action: ProblemAction): ProblemActionDecision {
  const transition = TRANSITIONS[action];
  return transition.from.includes(state)
    ? { allowed: true, to: transition.to }
    : { allowed: false, allowedActions: allowedProblemActions(state) };
}

/** Fields and links can change until the problem is closed; closed is final. */
export function isProblemEditable(state: ProblemState): boolean {
  return state !== 'closed';
}

/** Incidents count as open until resolved, closed or cancelled (itil.md incident states). */
export function isIncidentOpen(state: string): boolean {
  return !['resolved', 'closed', 'cancelled'].includes(state);
}
