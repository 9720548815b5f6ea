import { CancelReason, Channel, HoldReason, IncidentState, isOpenState, OPEN_STATES, ResolutionCode } from './incident-state';
import { derivePriority, Impact, Priority, Urgency } from './priority-matrix';

/** What the lifecycle rules need to know about an incident (a plain object: no Nest, no TypeORM). */
export interface IncidentFacts {
  state: IncidentState;
  holdReason: HoldReason | null;
  callerId: string;
  openedById: string;
  channel: Channel;
  category: string | null;
  subcategory: string | null;
  shortDescription: string;
  description: string;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  ciId: string | null;
  assignmentGroupId: string | null;
  assigneeId: string | null;
  resolutionCode: ResolutionCode | null;
  resolutionNotes: string | null;
  knowledgeArticleId: string | null;
  resolvedById: string | null;
  cancelReason: CancelReason | null;
  reassignmentCount: number;
  reopenCount: number;
  openedAt: Date;
  firstResponseAt: Date | null;
  assignedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
}

export type IncidentCommand =
  | { type: 'assign'; groupId: string; assigneeId: string | null }
  | { type: 'start' }
  | { type: 'hold'; reason: HoldReason }
  | { type: 'resume' }
  | { type: 'resolve'; code: ResolutionCode; notes: string; knowledgeArticleId?: string | null }
  | { type: 'reopen' }
  | { type: 'close' }
  | { type: 'cancel'; reason: CancelReason }
  | {
      type: 'update';
      impact?: Impact;
      urgency?: Urgency;
      category?: string | null;
      subcategory?: string | null;
      ciId?: string | null;
      shortDescription?: string;
      description?: string;
    }
  /** A public reply by IT staff: the first one is the first response (itil.md SLA). */
  | { type: 'respond' };

export type IncidentAction = IncidentCommand['type'];

/** The lifecycle actions (what the API exposes as POST /incidents/{id}/<action>) and where they may start. */
export const ACTION_SOURCES: Record<Exclude<IncidentAction, 'respond'>, readonly IncidentState[]> = {
  assign: OPEN_STATES,
  start: ['assigned'],
  hold: ['in_progress'],
  resume: ['on_hold'],
  resolve: ['in_progress'],
  reopen: ['resolved'],
  close: ['resolved'],
  cancel: OPEN_STATES,
  update: OPEN_STATES,
};

export const DEFAULT_REOPEN_WINDOW_MS = 7 * 24 * 3600 * 1000;

export interface TransitionContext {
  /** Who acts (a user id): becomes the assignee on start when there is none, and resolvedBy on resolve. */
  actorId: string;
  at: Date;
  reopenWindowMs?: number;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface TransitionResult {
  facts: IncidentFacts;
  changes: FieldChange[];
  /** Set when the assignment group changed after the first assignment (a reassignment). */
  reassigned: boolean;
  priorityChanged: boolean;
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly action: IncidentAction,
    readonly from: IncidentState,
    readonly allowed: IncidentAction[],
    reason?: string,
  ) {
    super(
      reason ??
        `Cannot ${action} an incident in state ${from}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`,
    );
    this.name = 'IllegalTransitionError';
  }
}

/** The lifecycle actions allowed from a state (for 409 messages and the UI's buttons). */
export function allowedActions(state: IncidentState): IncidentAction[] {
  return (Object.keys(ACTION_SOURCES) as Array<keyof typeof ACTION_SOURCES>).filter((a) => ACTION_SOURCES[a].includes(state));
}

/** Applies one command to an incident's facts, or throws IllegalTransitionError; never mutates its input. */
export function applyIncidentCommand(current: IncidentFacts, command: IncidentCommand, ctx: TransitionContext): TransitionResult {
  const next: IncidentFacts = { ...current };
  let reassigned = false;
  const refuse = (reason?: string): never => {
    throw new IllegalTransitionError(command.type, current.state, allowedActions(current.state), reason);
  };
  if (command.type !== 'respond' && !ACTION_SOURCES[command.type].includes(current.state)) refuse();

  switch (command.type) {
    case 'assign': {
      const groupChanged = current.assignmentGroupId !== command.groupId;
      if (!groupChanged && current.assigneeId === command.assigneeId && current.state !== 'new') {
        refuse(`The incident is already assigned to that group${command.assigneeId ? ' and person' : ''}`);
      }
      // The routed group at creation is the first assignment; any later change of group is a reassignment.
      reassigned = groupChanged && current.assignmentGroupId !== null;
      next.assignmentGroupId = command.groupId;
      next.assigneeId = command.assigneeId;
      if (reassigned) next.reassignmentCount = current.reassignmentCount + 1;
      next.assignedAt = current.assignedAt ?? ctx.at;
      // A new group has not started on it: it goes back to its queue (and off hold).
      if (current.state === 'new' || groupChanged) {
        next.state = 'assigned';
        next.holdReason = null;
      }
      if (command.assigneeId && !next.firstResponseAt) next.firstResponseAt = ctx.at;
      break;
    }
    case 'start':
      next.state = 'in_progress';
      if (!current.assigneeId) next.assigneeId = ctx.actorId;
      next.firstResponseAt = current.firstResponseAt ?? ctx.at;
      break;
    case 'hold':
      next.state = 'on_hold';
      next.holdReason = command.reason;
      break;
    case 'resume':
      next.state = 'in_progress';
      next.holdReason = null;
      break;
    case 'resolve':
      if (!command.notes.trim()) refuse('Resolution notes are required');
      next.state = 'resolved';
      next.resolutionCode = command.code;
      next.resolutionNotes = command.notes;
      next.knowledgeArticleId = command.knowledgeArticleId ?? current.knowledgeArticleId;
      next.resolvedById = ctx.actorId;
      next.resolvedAt = ctx.at;
      break;
    case 'reopen': {
      const window = ctx.reopenWindowMs ?? DEFAULT_REOPEN_WINDOW_MS;
      if (current.resolvedAt && ctx.at.getTime() - current.resolvedAt.getTime() > window) {
        refuse(`The reopen window (${Math.round(window / 3_600_000)} h after resolution) has passed; open a new incident`);
      }
      next.state = 'in_progress';
      next.reopenCount = current.reopenCount + 1;
      next.resolutionCode = null;
      next.resolutionNotes = null;
      next.resolvedById = null;
      next.resolvedAt = null;
      break;
    }
    case 'close':
      next.state = 'closed';
      next.closedAt = ctx.at;
      break;
    case 'cancel':
      next.state = 'cancelled';
      next.cancelReason = command.reason;
      next.cancelledAt = ctx.at;
      next.holdReason = null;
      break;
    case 'update': {
      const { type: _type, ...fields } = command;
      for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
        if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
      }
      next.priority = derivePriority(next.impact, next.urgency);
      break;
    }
    case 'respond':
      if (!isOpenState(current.state) && current.state !== 'resolved') refuse('The incident is no longer open');
      next.firstResponseAt = current.firstResponseAt ?? ctx.at;
      break;
  }
  return {
    facts: next,
    changes: diffFacts(current, next),
    reassigned,
    priorityChanged: next.priority !== current.priority,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** Field-by-field differences, for the history and the events. */
export function diffFacts(before: IncidentFacts, after: IncidentFacts): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(after) as Array<keyof IncidentFacts>) {
    if (!sameValue(before[key], after[key])) {
      const show = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
      changes.push({ field: key, from: show(before[key]), to: show(after[key]) });
    }
  }
  return changes;
}
