import { INCIDENT_STATES, IncidentState } from '../../incidents/domain/incident-state';
import { applyIncidentCommand, IncidentFacts } from '../../incidents/domain/incident-state-machine';
import { derivePriority } from '../../incidents/domain/priority-matrix';
import { confirmationSkipReason, resolveByProblemCommands } from './resolve-by-problem';

const GROUP = '0190a0b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b';
const AGENT = '0190a0b2-3c4d-7e8f-9a0b-1c2d3e4f5a6c';

function facts(state: IncidentState, assignmentGroupId: string | null = GROUP): IncidentFacts {
  const at = new Date('2026-04-01T09:00:00Z');
  return {
    state,
    holdReason: state === 'on_hold' ? 'awaiting_problem' : null,
    callerId: AGENT,
    openedById: AGENT,
    channel: 'phone',
    category: null,
    subcategory: null,
    shortDescription: 'VPN が切れる',
    description: '',
    impact: 3,
    urgency: 3,
    priority: derivePriority(3, 3),
    ciId: null,
    assignmentGroupId,
    assigneeId: state === 'new' ? null : AGENT,
    resolutionCode: null,
    resolutionNotes: null,
    knowledgeArticleId: null,
    resolvedById: null,
    cancelReason: null,
    reassignmentCount: 0,
    reopenCount: 0,
    openedAt: at,
    firstResponseAt: state === 'new' ? null : at,
    assignedAt: state === 'new' ? null : at,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
  };
}

describe('resolveByProblemCommands', () => {
  it.each(['new', 'assigned', 'in_progress', 'on_hold'] as const)(
    'takes an open incident (%s) to resolved with resolved_by_problem through the state machine',
    (state) => {
      const commands = resolveByProblemCommands(facts(state), 'fixed by PRB0000007')!;
      expect(commands.at(-1)).toEqual({ type: 'resolve', code: 'resolved_by_problem', notes: 'fixed by PRB0000007' });
      let current = facts(state);
      for (const command of commands) {
        current = applyIncidentCommand(current, command, { actorId: AGENT, at: new Date(), reopenWindowMs: 1 }).facts;
      }
      expect(current).toMatchObject({ state: 'resolved', resolutionCode: 'resolved_by_problem', resolvedById: AGENT });
    },
  );

  it('gives up on a new incident with no group, and on any incident that is not open', () => {
    expect(resolveByProblemCommands(facts('new', null), 'x')).toBeNull();
    for (const state of INCIDENT_STATES.filter((s) => !['new', 'assigned', 'in_progress', 'on_hold'].includes(s))) {
      expect(resolveByProblemCommands(facts(state), 'x')).toBeNull();
    }
  });
});

describe('confirmationSkipReason', () => {
  const proposed = new Date('2026-04-01T10:00:00Z');

  it('lets an open incident with a proposal through', () => {
    for (const state of ['new', 'assigned', 'in_progress', 'on_hold'] as const) {
      expect(confirmationSkipReason({ state, problemResolutionProposedAt: proposed })).toBeNull();
    }
  });

  it('names why the others are left alone', () => {
    expect(confirmationSkipReason({ state: 'in_progress', problemResolutionProposedAt: null })).toBe(
      'not proposed for resolution',
    );
    expect(confirmationSkipReason({ state: 'resolved', problemResolutionProposedAt: proposed })).toBe('already resolved');
    expect(confirmationSkipReason({ state: 'closed', problemResolutionProposedAt: null })).toBe('already closed');
    expect(confirmationSkipReason({ state: 'cancelled', problemResolutionProposedAt: proposed })).toBe('cancelled');
  });
});
