import fc from 'fast-check';
import { CANCEL_REASONS, HOLD_REASONS, INCIDENT_STATES, IncidentState, RESOLUTION_CODES } from './incident-state';
import {
  ACTION_SOURCES,
  allowedActions,
  applyIncidentCommand,
  IllegalTransitionError,
  IncidentCommand,
  IncidentFacts,
} from './incident-state-machine';
import { derivePriority } from './priority-matrix';

const T0 = new Date('2026-04-01T00:00:00Z');
const G1 = 'g1';
const G2 = 'g2';

function fresh(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    state: 'new',
    holdReason: null,
    callerId: 'caller',
    openedById: 'caller',
    channel: 'portal',
    category: null,
    subcategory: null,
    shortDescription: 'VPNに繋がらない',
    description: '',
    impact: 3,
    urgency: 3,
    priority: 5,
    ciId: null,
    assignmentGroupId: G1,
    assigneeId: null,
    resolutionCode: null,
    resolutionNotes: null,
    knowledgeArticleId: null,
    resolvedById: null,
    cancelReason: null,
    reassignmentCount: 0,
    reopenCount: 0,
    openedAt: T0,
    firstResponseAt: null,
    assignedAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
    ...overrides,
  };
}

const ctx = (minutes = 1, actorId = 'agent') => ({ actorId, at: new Date(T0.getTime() + minutes * 60_000) });

describe('incident state machine', () => {
  it('walks the happy path of itil.md', () => {
    let f = fresh();
    f = applyIncidentCommand(f, { type: 'assign', groupId: G1, assigneeId: 'agent' }, ctx(1)).facts;
    expect(f).toMatchObject({ state: 'assigned', assigneeId: 'agent', reassignmentCount: 0 });
    expect(f.firstResponseAt).toEqual(ctx(1).at);
    f = applyIncidentCommand(f, { type: 'start' }, ctx(2)).facts;
    f = applyIncidentCommand(f, { type: 'hold', reason: 'awaiting_user' }, ctx(3)).facts;
    expect(f).toMatchObject({ state: 'on_hold', holdReason: 'awaiting_user' });
    f = applyIncidentCommand(f, { type: 'resume' }, ctx(4)).facts;
    f = applyIncidentCommand(f, { type: 'resolve', code: 'solved_remotely', notes: '再設定しました' }, ctx(5)).facts;
    expect(f).toMatchObject({ state: 'resolved', resolutionCode: 'solved_remotely', resolvedById: 'agent' });
    f = applyIncidentCommand(f, { type: 'close' }, ctx(6)).facts;
    expect(f.state).toBe('closed');
    expect(allowedActions('closed')).toEqual([]);
  });

  it('counts a change of group after the first assignment as a reassignment, not the first one', () => {
    let r = applyIncidentCommand(fresh(), { type: 'assign', groupId: G1, assigneeId: null }, ctx());
    expect(r.reassigned).toBe(false);
    r = applyIncidentCommand(r.facts, { type: 'assign', groupId: G2, assigneeId: null }, ctx(2));
    expect(r.reassigned).toBe(true);
    expect(r.facts.reassignmentCount).toBe(1);
    const unrouted = applyIncidentCommand(
      fresh({ assignmentGroupId: null }),
      { type: 'assign', groupId: G2, assigneeId: null },
      ctx(),
    );
    expect(unrouted.facts.reassignmentCount).toBe(0);
  });

  it('reopens within the window only, counting reopens and clearing the resolution', () => {
    const resolved = fresh({
      state: 'resolved',
      resolvedAt: T0,
      resolutionCode: 'other',
      resolutionNotes: 'x',
      resolvedById: 'a',
    });
    const r = applyIncidentCommand(resolved, { type: 'reopen' }, { actorId: 'caller', at: new Date(T0.getTime() + 3600_000) });
    expect(r.facts).toMatchObject({ state: 'in_progress', reopenCount: 1, resolvedAt: null, resolutionCode: null });
    expect(() =>
      applyIncidentCommand(resolved, { type: 'reopen' }, { actorId: 'c', at: new Date(T0.getTime() + 8 * 86_400_000) }),
    ).toThrow(/reopen window/);
  });

  it('refuses what itil.md does not list, naming the allowed actions', () => {
    try {
      applyIncidentCommand(fresh(), { type: 'resolve', code: 'other', notes: 'x' }, ctx());
      fail('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(IllegalTransitionError);
      expect((e as IllegalTransitionError).allowed).toEqual(['assign', 'cancel', 'update']);
      expect((e as Error).message).toContain('allowed: assign, cancel, update');
    }
    expect(() =>
      applyIncidentCommand(fresh({ state: 'cancelled', cancelReason: 'duplicate' }), { type: 'reopen' }, ctx()),
    ).toThrow(IllegalTransitionError);
  });

  it('re-derives priority on an impact or urgency change', () => {
    const r = applyIncidentCommand(fresh(), { type: 'update', impact: 1, urgency: 2 }, ctx());
    expect(r.facts.priority).toBe(2);
    expect(r.priorityChanged).toBe(true);
    expect(r.changes.map((c) => c.field).sort()).toEqual(['impact', 'priority', 'urgency']);
  });

  it('derives the whole priority matrix', () => {
    const matrix = [1, 2, 3].map((i) => [1, 2, 3].map((u) => derivePriority(i as 1, u as 1)));
    expect(matrix).toEqual([
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
    ]);
  });

  // Random action sequences: whatever is tried, the facts always satisfy the invariants.
  const commandArb: fc.Arbitrary<IncidentCommand> = fc.oneof(
    fc.record({
      type: fc.constant('assign' as const),
      groupId: fc.constantFrom(G1, G2, 'g3'),
      assigneeId: fc.constantFrom(null, 'a1', 'a2'),
    }),
    fc.constant({ type: 'start' as const }),
    fc.record({ type: fc.constant('hold' as const), reason: fc.constantFrom(...HOLD_REASONS) }),
    fc.constant({ type: 'resume' as const }),
    fc.record({
      type: fc.constant('resolve' as const),
      code: fc.constantFrom(...RESOLUTION_CODES),
      notes: fc.constantFrom('fixed', '直しました', ' '),
    }),
    fc.constant({ type: 'reopen' as const }),
    fc.constant({ type: 'close' as const }),
    fc.record({ type: fc.constant('cancel' as const), reason: fc.constantFrom(...CANCEL_REASONS) }),
    fc.record({
      type: fc.constant('update' as const),
      impact: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
      urgency: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
    }),
    fc.constant({ type: 'respond' as const }),
  );

  function checkInvariants(before: IncidentFacts, after: IncidentFacts, command: IncidentCommand) {
    expect(INCIDENT_STATES).toContain(after.state);
    expect(after.priority).toBe(derivePriority(after.impact, after.urgency));
    expect(after.holdReason !== null).toBe(after.state === 'on_hold');
    if (after.state === 'resolved' || after.state === 'closed') {
      expect(after.resolutionCode).not.toBeNull();
      expect(after.resolutionNotes?.trim()).toBeTruthy();
      expect(after.resolvedAt).not.toBeNull();
    }
    expect(after.cancelReason !== null).toBe(after.state === 'cancelled');
    expect(after.reassignmentCount).toBeGreaterThanOrEqual(before.reassignmentCount);
    expect(after.reassignmentCount - before.reassignmentCount).toBeLessThanOrEqual(1);
    expect(after.reopenCount - before.reopenCount).toBe(command.type === 'reopen' ? 1 : 0);
    // Milestones, once set, never move.
    for (const k of ['firstResponseAt', 'assignedAt', 'closedAt', 'cancelledAt'] as const) {
      if (before[k]) expect(after[k]).toEqual(before[k]);
    }
    expect(after.openedAt).toEqual(before.openedAt);
    if (before.state === 'closed' || before.state === 'cancelled') expect(after).toEqual(before);
  }

  it('keeps every invariant over random action sequences (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(commandArb, fc.integer({ min: 0, max: 3 * 86_400_000 })), { maxLength: 40 }), (steps) => {
        let facts = fresh();
        let now = T0.getTime();
        let reassignments = 0;
        for (const [command, gap] of steps) {
          now += gap;
          const before = facts;
          try {
            const r = applyIncidentCommand(before, command, { actorId: 'agent', at: new Date(now) });
            // Allowed only from the states ACTION_SOURCES lists.
            if (command.type !== 'respond') expect(ACTION_SOURCES[command.type]).toContain(before.state);
            checkInvariants(before, r.facts, command);
            if (r.reassigned) reassignments++;
            facts = r.facts;
          } catch (e) {
            expect(e).toBeInstanceOf(IllegalTransitionError);
            const refusal = e as IllegalTransitionError;
            expect(refusal.from).toBe(before.state);
            expect(refusal.allowed).toEqual(allowedActions(before.state));
          }
        }
        expect(facts.reassignmentCount).toBe(reassignments);
      }),
      { numRuns: 2000 },
    );
  });

  it('lists, for every state, exactly the actions that do not throw for a state reason', () => {
    for (const state of INCIDENT_STATES as readonly IncidentState[]) {
      for (const action of Object.keys(ACTION_SOURCES) as Array<keyof typeof ACTION_SOURCES>) {
        expect(allowedActions(state).includes(action)).toBe(ACTION_SOURCES[action].includes(state));
      }
    }
  });
});
