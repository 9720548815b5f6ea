import type { IncidentFact, IncidentFactOptions } from './incident-fact';

/**
 * The per-incident verdicts of itil.md's metrics; the reports only count, average and rank them. For
 * imported history (a snapshot with a sourceRecord) the source system's own record is used where our
 * replay can differ from it: its counters, its resolved_at and its SLA verdict.
 */
export interface IncidentClassification {
  /** Resolved during the contact that opened it (itil.md FCR); numerator of gross and net FCR. */
  firstContactResolved: boolean;
  /** Resolved by the service desk (tier 1) with no reassignment and no reopen (itil.md FLR). */
  firstLevelResolved: boolean;
  /** Reopened at least once (reopen rate). */
  reopened: boolean;
  /** resolved_at − opened_at of the final resolution; null when not resolved, cancelled, or the time is unknown. */
  resolutionCalendarMs: number | null;
  /** The same in working time on the SLA policy's calendar, pauses excluded (from the incident service's SLA clock). */
  resolutionBusinessMs: number | null;
  /** Open → first agent response (MTTA); null until responded. */
  responseMs: number | null;
  /** The response target met (true), missed (false), or not yet settled (null). */
  responseSlaMet: boolean | null;
  /** The resolution target met or missed, for resolved incidents; null otherwise or unknown. */
  resolutionSlaMet: boolean | null;
}

/** itil.md: the live channels on which an agent (or the employee, in chat) can resolve at first contact. */
export const LIVE_CHANNELS: readonly string[] = ['phone', 'chat', 'walk_in'];

type ClassificationInput = Omit<IncidentFact, keyof IncidentClassification>;

export function isResolved(f: Pick<IncidentFact, 'state' | 'resolvedAt'>): boolean {
  return (f.state === 'resolved' || f.state === 'closed') && f.resolvedAt !== null;
}

export function classifyIncident(f: ClassificationInput, options: IncidentFactOptions): IncidentClassification {
  const resolved = isResolved(f);
  const source = f.verdictInputs.sourceRecord ?? null;
  const reassignments = source ? source.reassignmentCount : f.reassignmentCount;
  const reopens = source ? source.reopenCount : f.reopenCount;

  let resolutionCalendarMs: number | null = null;
  if (resolved) {
    const resolvedAt = source ? (source.resolvedAt ? new Date(source.resolvedAt) : null) : f.resolvedAt;
    if (resolvedAt) resolutionCalendarMs = Math.max(0, resolvedAt.getTime() - f.openedAt.getTime());
  }
  const resolutionBusinessMs = resolutionCalendarMs === null ? null : f.verdictInputs.resolutionElapsedBusinessMs;

  let resolutionSlaMet: boolean | null = null;
  if (resolved) {
    if (source) resolutionSlaMet = source.resolutionSlaMet;
    else if (f.verdictInputs.resolutionBreached !== null) resolutionSlaMet = !f.verdictInputs.resolutionBreached;
  }

  let responseSlaMet: boolean | null = null;
  if (f.verdictInputs.responseBreached) responseSlaMet = false;
  else if (f.verdictInputs.responseMetAt) responseSlaMet = true;

  return {
    firstContactResolved: resolved && isFirstContactResolution(f, reassignments, reopens, options),
    firstLevelResolved: resolved && f.groupTier === 1 && reassignments === 0 && reopens === 0,
    reopened: resolved && reopens > 0,
    resolutionCalendarMs,
    resolutionBusinessMs,
    responseMs: f.firstResponseAt ? Math.max(0, f.firstResponseAt.getTime() - f.openedAt.getTime()) : null,
    responseSlaMet,
    resolutionSlaMet,
  };
}

/**
 * itil.md FCR: opened by an agent on a live channel (or by the employee in a live chat), resolved by that
 * same agent (in an employee's chat: by the agent who took it), without reassignment, hold or reopen,
 * within the contact window. The agent's "resolved at first contact" tick changes nothing: it is
 * honoured only when these rules hold, which is exactly this verdict.
 */
function isFirstContactResolution(
  f: ClassificationInput,
  reassignments: number,
  reopens: number,
  options: IncidentFactOptions,
): boolean {
  if (!LIVE_CHANNELS.includes(f.channel) || !f.resolvedAt || !f.resolvedById) return false;
  const openedByAgent = f.openedById !== f.callerId;
  if (openedByAgent) {
    if (f.resolvedById !== f.openedById) return false;
  } else if (f.channel !== 'chat' || f.resolvedById === f.callerId) {
    return false;
  }
  if (reassignments !== 0 || reopens !== 0 || f.everHeld) return false;
  return f.resolvedAt.getTime() - f.openedAt.getTime() <= options.contactWindowMs;
}
