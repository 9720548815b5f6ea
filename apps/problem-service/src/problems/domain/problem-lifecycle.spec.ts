import { PROBLEM_STATES, ProblemState } from '@helpdesk/contracts';
import {
  allowedProblemActions,
  decideProblemAction,
  isIncidentOpen,
  isProblemEditable,
  PROBLEM_ACTIONS,
  ProblemAction,
} from './problem-lifecycle';

const EXPECTED: Record<ProblemState, Partial<Record<ProblemAction, ProblemState>>> = {
  new: { start: 'investigating' },
  investigating: { 'known-error': 'known_error', resolve: 'resolved' },
  known_error: { 'known-error': 'known_error', resolve: 'resolved' },
  resolved: { close: 'closed' },
  closed: {},
};

describe('problem lifecycle', () => {
  it.each(PROBLEM_STATES.flatMap((state) => PROBLEM_ACTIONS.map((action) => [state, action] as const)))(
    '%s + %s follows itil.md exactly',
    (state, action) => {
      const to = EXPECTED[state][action];
      const decision = decideProblemAction(state, action);
      if (to) expect(decision).toEqual({ allowed: true, to });
      else expect(decision).toEqual({ allowed: false, allowedActions: Object.keys(EXPECTED[state]) });
    },
  );

  it('names the allowed actions in lifecycle order', () => {
    expect(allowedProblemActions('investigating')).toEqual(['known-error', 'resolve']);
    expect(allowedProblemActions('closed')).toEqual([]);
  });

  it('closed is final for edits and links', () => {
    expect(PROBLEM_STATES.filter((s) => !isProblemEditable(s))).toEqual(['closed']);
  });

  it('counts incidents as open until resolved, closed or cancelled', () => {
    expect(['new', 'assigned', 'in_progress', 'on_hold'].every(isIncidentOpen)).toBe(true);
    expect(['resolved', 'closed', 'cancelled'].some(isIncidentOpen)).toBe(false);
  });
});
