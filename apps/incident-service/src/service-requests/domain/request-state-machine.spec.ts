import { SERVICE_REQUEST_STATES, ServiceRequestState } from '@helpdesk/contracts';
import fc from 'fast-check';
import {
  allowedRequestActions,
  applyRequestCommand,
  FINAL_REQUEST_STATES,
  IllegalRequestTransitionError,
  isFinalRequestState,
  RequestAction,
  RequestCommand,
  RequestFacts,
  UnknownTaskError,
} from './request-state-machine';

const at = new Date('2026-04-01T01:00:00Z');

function facts(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    state: 'submitted',
    approvalRequired: true,
    tasks: [],
    decidedById: null,
    cancelReason: null,
    approvalRequestedAt: null,
    approvedAt: null,
    rejectedAt: null,
    fulfilmentStartedAt: null,
    fulfilledAt: null,
    closedAt: null,
    cancelledAt: null,
    ...overrides,
  };
}

const openTask = (id: string, seq: number) => ({
  id,
  seq,
  state: 'open' as const,
  assigneeId: null,
  completedById: null,
  completedAt: null,
});

function commandFor(action: RequestAction, f: RequestFacts): RequestCommand {
  const taskId = f.tasks.find((t) => t.state === 'open')?.id ?? 't-none';
  switch (action) {
    case 'request_approval':
    case 'close':
      return { type: action };
    case 'approve':
    case 'reject':
      return { type: action, approverId: 'mgr' };
    case 'start_fulfilment':
      return { type: action, tasks: [{ id: 't1', seq: 1, assigneeId: null }] };
    case 'assign_task':
      return { type: action, taskId, assigneeId: 'agent' };
    case 'complete_task':
      return { type: action, taskId, actorId: 'agent' };
    case 'fulfil':
      return { type: action, actorId: 'agent' };
    case 'cancel':
      return { type: action, reason: '不要になりました' };
  }
}

/** The whole table: which action each state accepts (with and without approval, with an open task where it matters). */
const EXPECTED: Record<ServiceRequestState, { withApproval: RequestAction[]; withoutApproval: RequestAction[] }> = {
  submitted: { withApproval: ['request_approval', 'cancel'], withoutApproval: ['start_fulfilment', 'cancel'] },
  awaiting_approval: { withApproval: ['approve', 'reject', 'cancel'], withoutApproval: ['approve', 'reject', 'cancel'] },
  approved: { withApproval: ['start_fulfilment', 'cancel'], withoutApproval: ['start_fulfilment', 'cancel'] },
  rejected: { withApproval: [], withoutApproval: [] },
  in_fulfilment: {
    withApproval: ['assign_task', 'complete_task', 'fulfil', 'cancel'],
    withoutApproval: ['assign_task', 'complete_task', 'fulfil', 'cancel'],
  },
  fulfilled: { withApproval: ['close'], withoutApproval: ['close'] },
  closed: { withApproval: [], withoutApproval: [] },
  cancelled: { withApproval: [], withoutApproval: [] },
};
const ACTIONS: RequestAction[] = [
  'request_approval',
  'approve',
  'reject',
  'start_fulfilment',
  'assign_task',
  'complete_task',
  'fulfil',
  'close',
  'cancel',
];

describe('request state machine', () => {
  it.each(SERVICE_REQUEST_STATES.flatMap((s) => [true, false].map((a) => [s, a] as const)))(
    'from %s (approval required: %s) accepts exactly the listed actions and refuses the rest with 409 text',
    (state, approvalRequired) => {
      const f = facts({ state, approvalRequired, tasks: state === 'in_fulfilment' ? [openTask('t1', 1)] : [] });
      const expected = approvalRequired ? EXPECTED[state].withApproval : EXPECTED[state].withoutApproval;
      expect(allowedRequestActions(f)).toEqual(expected);
      for (const action of ACTIONS) {
        const run = () => applyRequestCommand(f, commandFor(action, f), at);
        if (expected.includes(action)) {
          expect(run).not.toThrow();
        } else {
          expect(run).toThrow(IllegalRequestTransitionError);
          try {
            run();
          } catch (e) {
            const error = e as IllegalRequestTransitionError;
            expect(error.allowed).toEqual(expected);
            expect(error.message).toContain(expected.length ? expected.join(', ') : 'none (final state)');
          }
        }
      }
    },
  );

  it('walks the approval path: submitted → awaiting_approval → approved → in_fulfilment → fulfilled → closed', () => {
    let f = facts();
    f = applyRequestCommand(f, { type: 'request_approval' }, at).facts;
    expect(f).toMatchObject({ state: 'awaiting_approval', approvalRequestedAt: at });
    f = applyRequestCommand(f, { type: 'approve', approverId: 'mgr' }, at).facts;
    expect(f).toMatchObject({ state: 'approved', approvedAt: at, decidedById: 'mgr' });
    const started = applyRequestCommand(
      f,
      {
        type: 'start_fulfilment',
        tasks: [
          { id: 'a', seq: 1, assigneeId: null },
          { id: 'b', seq: 2, assigneeId: 'x' },
        ],
      },
      at,
    );
    expect(started.changes).toEqual(
      expect.arrayContaining([
        { field: 'state', from: 'approved', to: 'in_fulfilment' },
        { field: 'tasks[1]', from: null, to: 'open' },
      ]),
    );
    f = started.facts;
    const first = applyRequestCommand(f, { type: 'complete_task', taskId: 'a', actorId: 'agent' }, at);
    expect(first.facts.state).toBe('in_fulfilment');
    expect(first.fulfilledByTasks).toBe(false);
    expect(first.facts.tasks[0]).toMatchObject({ state: 'done', completedById: 'agent', assigneeId: 'agent' });
    const last = applyRequestCommand(first.facts, { type: 'complete_task', taskId: 'b', actorId: 'agent' }, at);
    expect(last.fulfilledByTasks).toBe(true);
    expect(last.facts).toMatchObject({ state: 'fulfilled', fulfilledAt: at });
    expect(last.facts.tasks[1].assigneeId).toBe('x');
    expect(applyRequestCommand(last.facts, { type: 'close' }, at).facts).toMatchObject({ state: 'closed', closedAt: at });
  });

  it('fulfils without approval straight from submission, and POST /fulfil skips the open tasks', () => {
    const f = applyRequestCommand(
      facts({ approvalRequired: false }),
      { type: 'start_fulfilment', tasks: [{ id: 'a', seq: 1, assigneeId: null }] },
      at,
    ).facts;
    const fulfilled = applyRequestCommand(f, { type: 'fulfil', actorId: 'agent' }, at);
    expect(fulfilled.skippedTaskIds).toEqual(['a']);
    expect(fulfilled.facts.tasks[0].state).toBe('skipped');
    expect(fulfilled.fulfilledByTasks).toBe(false);
  });

  it('refuses to start fulfilment of an unapproved request, a done task twice, an unknown task, and a blank cancel reason', () => {
    expect(() => applyRequestCommand(facts(), { type: 'start_fulfilment', tasks: [] }, at)).toThrow(
      'must be approved before fulfilment',
    );
    const f = facts({
      state: 'in_fulfilment',
      tasks: [openTask('a', 1), { ...openTask('b', 2), state: 'done' }],
    });
    expect(() => applyRequestCommand(f, { type: 'complete_task', taskId: 'b', actorId: 'x' }, at)).toThrow(
      'Task 2 is already done',
    );
    expect(() => applyRequestCommand(f, { type: 'complete_task', taskId: 'zz', actorId: 'x' }, at)).toThrow(UnknownTaskError);
    expect(() => applyRequestCommand(f, { type: 'cancel', reason: '  ' }, at)).toThrow('A reason is required');
  });

  it('never mutates its input', () => {
    const f = facts({ state: 'in_fulfilment', tasks: [openTask('a', 1)] });
    const copy = structuredClone(f);
    applyRequestCommand(f, { type: 'complete_task', taskId: 'a', actorId: 'x' }, at);
    expect(f).toEqual(copy);
  });

  describe('property: random action sequences never break the invariants', () => {
    const commandArb: fc.Arbitrary<RequestCommand> = fc.oneof(
      fc.constant<RequestCommand>({ type: 'request_approval' }),
      fc.constantFrom('m1', 'm2').map<RequestCommand>((approverId) => ({ type: 'approve', approverId })),
      fc.constantFrom('m1', 'm2').map<RequestCommand>((approverId) => ({ type: 'reject', approverId })),
      fc.integer({ min: 0, max: 3 }).map<RequestCommand>((n) => ({
        type: 'start_fulfilment',
        tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, seq: i + 1, assigneeId: null })),
      })),
      fc
        .constantFrom('t1', 't2', 't3', 't9')
        .map<RequestCommand>((taskId) => ({ type: 'assign_task', taskId, assigneeId: 'a1' })),
      fc.constantFrom('t1', 't2', 't3', 't9').map<RequestCommand>((taskId) => ({ type: 'complete_task', taskId, actorId: 'a1' })),
      fc.constant<RequestCommand>({ type: 'fulfil', actorId: 'a1' }),
      fc.constant<RequestCommand>({ type: 'close' }),
      fc.constantFrom('', '重複', 'no longer needed 🙏').map<RequestCommand>((reason) => ({ type: 'cancel', reason })),
    );

    it('holds for every sequence', () => {
      fc.assert(
        fc.property(fc.boolean(), fc.array(commandArb, { maxLength: 25 }), (approvalRequired, commands) => {
          let f = facts({ approvalRequired });
          for (const command of commands) {
            const before = f;
            const allowed = allowedRequestActions(before);
            let after: RequestFacts;
            try {
              after = applyRequestCommand(before, command, at).facts;
            } catch (e) {
              if (e instanceof UnknownTaskError) continue;
              expect(e).toBeInstanceOf(IllegalRequestTransitionError);
              const error = e as IllegalRequestTransitionError;
              expect(error.from).toBe(before.state);
              expect(error.allowed).toEqual(allowed);
              expect(error.message).toContain(`allowed: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`);
              // Refused: the guard text may explain more, but an action outside the allowed list is never applied.
              continue;
            }
            // Accepted only when allowed; final states never move.
            expect(allowed).toContain(command.type);
            expect(isFinalRequestState(before.state)).toBe(false);
            // Approval decisions only while awaiting approval.
            if (command.type === 'approve' || command.type === 'reject') expect(before.state).toBe('awaiting_approval');
            // Fulfilment only after approval, or when none is needed.
            if (['in_fulfilment', 'fulfilled', 'closed'].includes(after.state)) {
              if (after.approvalRequired) expect(after.approvedAt).not.toBeNull();
              expect(after.fulfilmentStartedAt).not.toBeNull();
            }
            if (after.state === 'fulfilled' || after.state === 'closed') {
              expect(after.tasks.every((t) => t.state !== 'open')).toBe(true);
              expect(after.fulfilledAt).not.toBeNull();
            }
            if (after.state === 'rejected') expect(after.approvedAt).toBeNull();
            if (after.state === 'cancelled') expect(after.cancelReason?.trim()).toBeTruthy();
            // Done tasks stay done.
            for (const task of before.tasks.filter((t) => t.state !== 'open'))
              expect(after.tasks.find((t) => t.id === task.id)?.state).toBe(task.state);
            f = after;
          }
          if (FINAL_REQUEST_STATES.includes(f.state)) expect(allowedRequestActions(f)).toEqual([]);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
