/**
 * What an incident change does to its SLA timers: a pure function of the stored timers, the incident after the
 * change, the instant and the policies, so every rule is unit- and property-tested without a database.
 *
 * Rules (itil.md "SLA"):
 * - Both timers start at `openedAt` with the policy of the incident's priority (none if that policy is inactive).
 * - Response stops at the first agent response (`firstResponseAt`), or when the incident is resolved, closed or
 *   cancelled without one; it never restarts.
 * - Resolution stops on resolved / closed / cancelled (at `resolvedAt`, else `cancelledAt`/`closedAt`, else `at`).
 *   A reopen restarts it: the time it spent stopped becomes a pause, so the elapsed time so far is kept and the
 *   time spent resolved does not count.
 * - While `on_hold` awaiting the user or a vendor, running timers are paused (a pause `{ from, to: null }`).
 * - A priority change re-targets the timers that have not stopped with the new priority's policy, keeping their
 *   start and pauses (the clock's retroactive rule: measured on the new calendar as if it applied from the
 *   start, so an upgrade may be breached at once). Stopped timers keep the target they were measured against.
 *   A change to an inactive policy drops the unstopped timers; a change from one creates them from `openedAt`.
 * - Warnings and breaches already raised stay raised: the raised marks are never touched here.
 * Reconciling from the state "after" (not from the command) makes the plan idempotent: tracking the same incident
 * twice at the same instant changes nothing.
 */
import { evaluateSlaTimer, SlaPause, SlaTimerState } from '../clock';
import { SLA_PAUSING_HOLD_REASONS } from '../../incidents/domain/incident-state';
import type { HoldReason, IncidentState } from '../../incidents/domain/incident-state';
import { SlaPolicyTarget, SlaReference } from './sla-reference-book';

export const SLA_TIMER_KINDS = ['response', 'resolution'] as const;
export type SlaTimerKind = (typeof SLA_TIMER_KINDS)[number];

/** What the timers need to know about an incident (IncidentEntity and IncidentFacts both fit). */
export interface SlaIncidentFacts {
  readonly priority: number;
  readonly state: IncidentState;
  readonly holdReason: HoldReason | null;
  readonly openedAt: Date;
  readonly firstResponseAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly closedAt: Date | null;
  readonly cancelledAt: Date | null;
}

/** One sla_timer row. */
export interface SlaTimerRecord {
  readonly kind: SlaTimerKind;
  readonly policyPriority: number;
  readonly calendarId: string;
  /** Target in working milliseconds of the calendar. */
  readonly targetMs: number;
  readonly startedAt: Date;
  /** Sorted, non-overlapping; at most the last one is open (`to: null`). */
  readonly pauses: readonly SlaPause[];
  readonly stoppedAt: Date | null;
  // Figures as of the last write (the clock's evaluation); final once stopped.
  readonly status: SlaTimerState;
  /** Set once stopped (elapsed working time at the stop); null while the timer runs or is paused. */
  readonly elapsedMs: number | null;
  /** Breach instant: projected while running, the true one once breached, null while paused or met. */
  readonly dueAt: Date | null;
  readonly warningAt: Date | null;
  readonly breachedAt: Date | null;
  // Written only by the milestone claim.
  readonly warningRaisedAt: Date | null;
  readonly breachRaisedAt: Date | null;
}

/** The SLA columns kept on the incident row. */
export interface IncidentSlaColumns {
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  responseBreached: boolean;
  resolutionBreached: boolean;
}

export interface SlaTimerPlanInput {
  /** The incident before the change; null at creation. */
  readonly before: SlaIncidentFacts | null;
  readonly after: SlaIncidentFacts;
  readonly at: Date;
  /** The stored timers of the incident (none at creation). */
  readonly timers: readonly SlaTimerRecord[];
  readonly reference: SlaReference;
}

export interface SlaTimerPlan {
  /** Every timer of the incident after the change, evaluated at `at`. */
  readonly timers: SlaTimerRecord[];
  readonly insert: SlaTimerRecord[];
  readonly update: SlaTimerRecord[];
  readonly remove: SlaTimerKind[];
  readonly incident: IncidentSlaColumns;
}

const STOPPING_STATES: readonly IncidentState[] = ['resolved', 'closed', 'cancelled'];

export function planTimerChanges(input: SlaTimerPlanInput): SlaTimerPlan {
  const { before, after, at, reference } = input;
  const plan: SlaTimerPlan = {
    timers: [],
    insert: [],
    update: [],
    remove: [],
    incident: { responseDueAt: null, resolutionDueAt: null, responseBreached: false, resolutionBreached: false },
  };
  // A timer missing after creation only appears on a priority change (its policy was inactive before).
  const mayCreate = before === null || before.priority !== after.priority;
  for (const kind of SLA_TIMER_KINDS) {
    const stored = input.timers.find((t) => t.kind === kind) ?? null;
    const next = reconcile(kind, stored, after, at, reference, mayCreate);
    if (next === null) {
      if (stored) plan.remove.push(kind);
      continue;
    }
    plan.timers.push(next);
    if (!stored) plan.insert.push(next);
    else if (!sameTimer(stored, next)) plan.update.push(next);
  }
  plan.incident.responseDueAt = dueOf(plan.timers, 'response');
  plan.incident.resolutionDueAt = dueOf(plan.timers, 'resolution');
  plan.incident.responseBreached = breached(plan.timers, 'response');
  plan.incident.resolutionBreached = breached(plan.timers, 'resolution');
  return plan;
}

function reconcile(
  kind: SlaTimerKind,
  stored: SlaTimerRecord | null,
  after: SlaIncidentFacts,
  at: Date,
  reference: SlaReference,
  mayCreate: boolean,
): SlaTimerRecord | null {
  let t: Mutable<SlaTimerRecord>;
  let definitionChanged = false;
  if (!stored) {
    const policy = mayCreate ? reference.policy(after.priority) : null;
    if (!policy) return null;
    t = newTimer(kind, policy, after.openedAt);
    definitionChanged = true;
  } else {
    t = { ...stored, pauses: stored.pauses.map((p) => ({ ...p })) };
    if (t.stoppedAt === null && t.policyPriority !== after.priority) {
      const policy = reference.policy(after.priority);
      if (!policy) return null;
      t.policyPriority = policy.priority;
      t.targetMs = targetOf(kind, policy);
      t.calendarId = policy.calendarId;
      definitionChanged = true;
    }
  }

  const startMs = t.startedAt.getTime();
  const atMs = Math.max(at.getTime(), startMs);
  const stopInstant = stopInstantOf(kind, after, at);
  const pauses = t.pauses as Array<Mutable<SlaPause>>;
  const open = pauses.length > 0 && pauses[pauses.length - 1].to === null ? pauses[pauses.length - 1] : null;

  if (stopInstant !== null) {
    if (t.stoppedAt === null) {
      // Never before the start, never after the instant of this change.
      const stopMs = Math.min(Math.max(stopInstant.getTime(), startMs), atMs);
      if (open) open.to = new Date(Math.max(open.from.getTime(), stopMs));
      t.stoppedAt = new Date(stopMs);
      definitionChanged = true;
    }
  } else if (t.stoppedAt !== null && kind === 'resolution') {
    // Reopen: the time spent resolved does not count.
    const fromMs = t.stoppedAt.getTime();
    pauses.push({ from: t.stoppedAt, to: new Date(Math.max(fromMs, atMs)) });
    t.stoppedAt = null;
    definitionChanged = true;
  }

  if (t.stoppedAt === null) {
    const pausing = isPausing(after);
    const current = pauses.length > 0 && pauses[pauses.length - 1].to === null ? pauses[pauses.length - 1] : null;
    if (pausing && !current) {
      const lastEnd = pauses.length > 0 ? (pauses[pauses.length - 1].to as Date).getTime() : startMs;
      pauses.push({ from: new Date(Math.max(atMs, lastEnd)), to: null });
      definitionChanged = true;
    } else if (!pausing && current) {
      current.to = new Date(Math.max(current.from.getTime(), atMs));
      definitionChanged = true;
    }
  }
  // Zero-length pauses count for nothing: drop them so the list only grows with real holds.
  t.pauses = pauses.filter((p) => p.to === null || p.to.getTime() > p.from.getTime());

  // A stopped timer left as it was keeps its final figures (even if its calendar changed since). The figures
  // are taken no earlier than the timer's latest recorded instant: a change stamped earlier (a replica whose
  // clock is behind) must not read a pause it just opened as not yet begun.
  if (!definitionChanged && t.stoppedAt !== null) return t;
  const latestMs = t.pauses.reduce((ms, p) => Math.max(ms, p.from.getTime(), p.to?.getTime() ?? 0), atMs);
  return reevaluate(t, new Date(latestMs), reference);
}

/** The timer with its stored figures recomputed at `at` (after a change, or an edit of its calendar). */
export function reevaluate(t: SlaTimerRecord, at: Date, reference: SlaReference): SlaTimerRecord {
  const { status, elapsedMs, dueAt, warningAt, breachedAt } = evaluate(t, at, reference);
  return { ...t, status, elapsedMs, dueAt, warningAt, breachedAt };
}

/** The clock's figures for a timer at `at`, in the shape stored on the row. */
export function evaluate(
  t: Pick<SlaTimerRecord, 'startedAt' | 'targetMs' | 'calendarId' | 'pauses' | 'stoppedAt'>,
  at: Date,
  reference: SlaReference,
): Pick<SlaTimerRecord, 'status' | 'elapsedMs' | 'dueAt' | 'warningAt' | 'breachedAt'> & {
  percent: number;
  liveElapsedMs: number;
} {
  const s = evaluateSlaTimer(
    {
      startedAt: t.startedAt,
      targetMs: t.targetMs,
      calendar: reference.calendar(t.calendarId),
      pauses: t.pauses,
      stoppedAt: t.stoppedAt,
    },
    at,
  );
  return {
    status: s.status,
    elapsedMs: t.stoppedAt !== null && t.stoppedAt.getTime() <= at.getTime() ? s.elapsedMs : null,
    dueAt: s.dueAt,
    warningAt: s.warningAt,
    breachedAt: s.breachedAt,
    percent: s.percent,
    liveElapsedMs: s.elapsedMs,
  };
}

function newTimer(kind: SlaTimerKind, policy: SlaPolicyTarget, startedAt: Date): Mutable<SlaTimerRecord> {
  return {
    kind,
    policyPriority: policy.priority,
    calendarId: policy.calendarId,
    targetMs: targetOf(kind, policy),
    startedAt,
    pauses: [],
    stoppedAt: null,
    status: 'running',
    elapsedMs: null,
    dueAt: null,
    warningAt: null,
    breachedAt: null,
    warningRaisedAt: null,
    breachRaisedAt: null,
  };
}

function targetOf(kind: SlaTimerKind, policy: SlaPolicyTarget): number {
  return kind === 'response' ? policy.responseMs : policy.resolutionMs;
}

/** When the timer of `kind` stops for this incident state, or null while it should run. */
function stopInstantOf(kind: SlaTimerKind, f: SlaIncidentFacts, at: Date): Date | null {
  const terminal = STOPPING_STATES.includes(f.state)
    ? ((f.state === 'cancelled' ? f.cancelledAt : (f.resolvedAt ?? f.closedAt)) ?? at)
    : null;
  return kind === 'response' ? (f.firstResponseAt ?? terminal) : terminal;
}

/** Whether the incident's state stops the SLA clock (itil.md: on hold awaiting the user or a vendor). */
export function isPausing(f: Pick<SlaIncidentFacts, 'state' | 'holdReason'>): boolean {
  return f.state === 'on_hold' && f.holdReason !== null && SLA_PAUSING_HOLD_REASONS.includes(f.holdReason);
}

function dueOf(timers: readonly SlaTimerRecord[], kind: SlaTimerKind): Date | null {
  return timers.find((t) => t.kind === kind)?.dueAt ?? null;
}

function breached(timers: readonly SlaTimerRecord[], kind: SlaTimerKind): boolean {
  return timers.find((t) => t.kind === kind)?.status === 'breached';
}

const time = (d: Date | null): number | null => (d === null ? null : d.getTime());

/** Whether two versions of a timer store the same row (the raised marks are the claim's, not compared). */
export function sameTimer(a: SlaTimerRecord, b: SlaTimerRecord): boolean {
  return (
    a.policyPriority === b.policyPriority &&
    a.calendarId === b.calendarId &&
    a.targetMs === b.targetMs &&
    a.startedAt.getTime() === b.startedAt.getTime() &&
    time(a.stoppedAt) === time(b.stoppedAt) &&
    a.status === b.status &&
    a.elapsedMs === b.elapsedMs &&
    time(a.dueAt) === time(b.dueAt) &&
    time(a.warningAt) === time(b.warningAt) &&
    time(a.breachedAt) === time(b.breachedAt) &&
    a.pauses.length === b.pauses.length &&
    a.pauses.every((p, i) => p.from.getTime() === b.pauses[i].from.getTime() && time(p.to) === time(b.pauses[i].to))
  );
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
