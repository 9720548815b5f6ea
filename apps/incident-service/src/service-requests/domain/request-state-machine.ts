import type { FulfilmentTaskState, ServiceRequestState } from '@helpdesk/contracts';

export const FINAL_REQUEST_STATES: readonly ServiceRequestState[] = ['rejected', 'closed', 'cancelled'];
/** States a request can still be cancelled from (itil.md: cancelled, while not fulfilled). */
export const OPEN_REQUEST_STATES: readonly ServiceRequestState[] = [
  'submitted',
  'awaiting_approval',
  'approved',
  'in_fulfilment',
];

export interface TaskFacts {
  id: string;
  seq: number;
  state: FulfilmentTaskState;
  assigneeId: string | null;
  completedById: string | null;
  completedAt: Date | null;
}

/** What the lifecycle rules need to know about a request (a plain object: no Nest, no TypeORM). */
export interface RequestFacts {
  state: ServiceRequestState;
  /** From the catalog item's approval policy at submission: anything but `none`. */
  approvalRequired: boolean;
  tasks: TaskFacts[];
  decidedById: string | null;
  cancelReason: string | null;
  approvalRequestedAt: Date | null;
  approvedAt: Date | null;
  rejectedAt: Date | null;
  fulfilmentStartedAt: Date | null;
  fulfilledAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
}

export interface NewTask {
  id: string;
  seq: number;
  assigneeId: string | null;
}

export type RequestCommand =
  /** System step right after submission when the item needs approval. */
  | { type: 'request_approval' }
  | { type: 'approve'; approverId: string }
  | { type: 'reject'; approverId: string }
  /** System step after approval, or right after submission when no approval is needed. */
  | { type: 'start_fulfilment'; tasks: NewTask[] }
  | { type: 'assign_task'; taskId: string; assigneeId: string | null }
  | { type: 'complete_task'; taskId: string; actorId: string }
  | { type: 'fulfil'; actorId: string }
  | { type: 'close' }
  | { type: 'cancel'; reason: string };

export type RequestAction = RequestCommand['type'];

/** Where each action may start (before its guards). */
export const REQUEST_ACTION_SOURCES: Record<RequestAction, readonly ServiceRequestState[]> = {
  request_approval: ['submitted'],
  approve: ['awaiting_approval'],
  reject: ['awaiting_approval'],
  start_fulfilment: ['submitted', 'approved'],
  assign_task: ['in_fulfilment'],
  complete_task: ['in_fulfilment'],
  fulfil: ['in_fulfilment'],
  close: ['fulfilled'],
  cancel: OPEN_REQUEST_STATES,
};

export interface RequestFieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface RequestTransitionResult {
  facts: RequestFacts;
  changes: RequestFieldChange[];
  /** The state after the command, with the fulfilment the last task's completion caused. */
  fulfilledByTasks: boolean;
  skippedTaskIds: string[];
}

export class IllegalRequestTransitionError extends Error {
  constructor(
    readonly action: RequestAction,
    readonly from: ServiceRequestState,
    readonly allowed: RequestAction[],
    reason?: string,
  ) {
    // The allowed actions are always named, so a refused caller knows what it can do instead.
    super(
      `${reason ?? `Cannot ${action} a request in state ${from}`}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`,
    );
    this.name = 'IllegalRequestTransitionError';
  }
}

/** A task id that is not one of the request's tasks (a 404, not a refused transition). */
export class UnknownTaskError extends Error {
  constructor(readonly taskId: string) {
    super(`No task ${taskId} on this request`);
    this.name = 'UnknownTaskError';
  }
}

export function isFinalRequestState(state: ServiceRequestState): boolean {
  return FINAL_REQUEST_STATES.includes(state);
}

/** The actions allowed now (for 409 messages and the UI's buttons), guards included. */
export function allowedRequestActions(facts: Pick<RequestFacts, 'state' | 'approvalRequired' | 'tasks'>): RequestAction[] {
  return (Object.keys(REQUEST_ACTION_SOURCES) as RequestAction[]).filter(
    (action) => REQUEST_ACTION_SOURCES[action].includes(facts.state) && guardProblem(facts, action) === null,
  );
}

/** Why an action whose source state fits is still refused, or null. */
function guardProblem(facts: Pick<RequestFacts, 'state' | 'approvalRequired' | 'tasks'>, action: RequestAction): string | null {
  switch (action) {
    case 'request_approval':
      return facts.approvalRequired ? null : 'This request needs no approval';
    case 'start_fulfilment':
      return facts.state === 'submitted' && facts.approvalRequired ? 'This request must be approved before fulfilment' : null;
    case 'complete_task':
    case 'assign_task':
      return facts.tasks.some((t) => t.state === 'open') ? null : 'The request has no open task';
    default:
      return null;
  }
}

/** Applies one command to a request's facts, or throws; never mutates its input. */
export function applyRequestCommand(current: RequestFacts, command: RequestCommand, at: Date): RequestTransitionResult {
  const refuse = (reason?: string): never => {
    throw new IllegalRequestTransitionError(command.type, current.state, allowedRequestActions(current), reason);
  };
  if (!REQUEST_ACTION_SOURCES[command.type].includes(current.state)) refuse();
  const guard = guardProblem(current, command.type);
  if (guard) refuse(guard);

  const next: RequestFacts = { ...current, tasks: current.tasks.map((t) => ({ ...t })) };
  let fulfilledByTasks = false;
  let skippedTaskIds: string[] = [];
  const taskOf = (taskId: string): TaskFacts => {
    const task = next.tasks.find((t) => t.id === taskId);
    if (!task) throw new UnknownTaskError(taskId);
    return task;
  };

  switch (command.type) {
    case 'request_approval':
      next.state = 'awaiting_approval';
      next.approvalRequestedAt = at;
      break;
    case 'approve':
      next.state = 'approved';
      next.approvedAt = at;
      next.decidedById = command.approverId;
      break;
    case 'reject':
      next.state = 'rejected';
      next.rejectedAt = at;
      next.decidedById = command.approverId;
      break;
    case 'start_fulfilment':
      next.state = 'in_fulfilment';
      next.fulfilmentStartedAt = at;
      next.tasks = command.tasks.map((t) => ({ ...t, state: 'open', completedById: null, completedAt: null }));
      break;
    case 'assign_task': {
      const task = taskOf(command.taskId);
      if (task.state !== 'open') refuse(`Task ${task.seq} is ${task.state}; only open tasks can be assigned`);
      task.assigneeId = command.assigneeId;
      break;
    }
    case 'complete_task': {
      const task = taskOf(command.taskId);
      if (task.state !== 'open') refuse(`Task ${task.seq} is already ${task.state}`);
      task.state = 'done';
      task.completedById = command.actorId;
      task.completedAt = at;
      if (task.assigneeId === null) task.assigneeId = command.actorId;
      // The last open task done fulfils the request (itil.md: fulfilment tasks → fulfilled).
      if (next.tasks.every((t) => t.state !== 'open')) {
        next.state = 'fulfilled';
        next.fulfilledAt = at;
        fulfilledByTasks = true;
      }
      break;
    }
    case 'fulfil':
      skippedTaskIds = next.tasks.filter((t) => t.state === 'open').map((t) => t.id);
      for (const task of next.tasks) if (task.state === 'open') task.state = 'skipped';
      next.state = 'fulfilled';
      next.fulfilledAt = at;
      break;
    case 'close':
      next.state = 'closed';
      next.closedAt = at;
      break;
    case 'cancel':
      if (!command.reason.trim()) refuse('A reason is required to cancel');
      next.state = 'cancelled';
      next.cancelReason = command.reason;
      next.cancelledAt = at;
      break;
  }
  return { facts: next, changes: diffRequestFacts(current, next), fulfilledByTasks, skippedTaskIds };
}

const show = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/** Field-by-field differences for the history and the events; tasks are compared one by one. */
export function diffRequestFacts(before: RequestFacts, after: RequestFacts): RequestFieldChange[] {
  const changes: RequestFieldChange[] = [];
  for (const key of Object.keys(after) as Array<keyof RequestFacts>) {
    if (key === 'tasks') continue;
    const a = before[key];
    const b = after[key];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) changes.push({ field: key, from: show(a), to: show(b) });
  }
  const beforeTasks = new Map(before.tasks.map((t) => [t.id, t]));
  for (const task of after.tasks) {
    const old = beforeTasks.get(task.id);
    if (!old) {
      changes.push({ field: `tasks[${task.seq}]`, from: null, to: task.state });
      continue;
    }
    if (old.state !== task.state) changes.push({ field: `tasks[${task.seq}].state`, from: old.state, to: task.state });
    if (old.assigneeId !== task.assigneeId)
      changes.push({ field: `tasks[${task.seq}].assigneeId`, from: old.assigneeId, to: task.assigneeId });
  }
  return changes;
}
