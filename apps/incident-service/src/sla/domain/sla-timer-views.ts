import { IncidentSlaSnapshot } from '@helpdesk/contracts';
import type { SlaTimerView } from '../../incidents/ports/incident-sla-tracker.port';
import { MINUTE_MS, SlaReference } from './sla-reference-book';
import { evaluate, SlaIncidentFacts, SlaTimerRecord } from './sla-timer-plan';

/** A timer as of `now`: live figures while it runs or is paused, its final figures once stopped. */
export function liveTimer(t: SlaTimerRecord, now: Date, reference: SlaReference): SlaTimerRecord & { percent: number } {
  if (t.stoppedAt !== null && t.elapsedMs !== null) {
    return { ...t, percent: (t.elapsedMs * 100) / t.targetMs };
  }
  const e = evaluate(t, now, reference);
  return { ...t, ...e, elapsedMs: e.elapsedMs ?? e.liveElapsedMs };
}

/** SlaTimerView of the incident view (GET /incidents/{id}). */
export function toTimerView(t: SlaTimerRecord, now: Date, reference: SlaReference): SlaTimerView {
  const live = liveTimer(t, now, reference);
  const elapsedMs = live.elapsedMs ?? 0;
  return {
    timer: t.kind,
    status: live.status,
    targetMinutes: t.targetMs / MINUTE_MS,
    calendarId: t.calendarId,
    startedAt: t.startedAt.toISOString(),
    dueAt: live.dueAt?.toISOString() ?? null,
    elapsedMs,
    remainingMs: t.targetMs - elapsedMs,
    percent: Math.floor(live.percent * 10) / 10,
    warningRaisedAt: t.warningRaisedAt?.toISOString() ?? null,
    breachedAt: live.breachedAt?.toISOString() ?? null,
    stoppedAt: t.stoppedAt?.toISOString() ?? null,
  };
}

/**
 * The SLA part of every incident event, from timers already evaluated (track) or evaluated here at `now`;
 * null when the incident has no timers (its priority's policy is inactive).
 */
export function toSlaSnapshot(
  timers: readonly SlaTimerRecord[],
  incident: Pick<SlaIncidentFacts, 'state' | 'firstResponseAt'>,
  now: Date | null,
  reference: SlaReference,
): IncidentSlaSnapshot | null {
  const current = now === null ? timers : timers.map((t) => liveTimer(t, now, reference));
  const response = current.find((t) => t.kind === 'response') ?? null;
  const resolution = current.find((t) => t.kind === 'resolution') ?? null;
  const main = resolution ?? response;
  if (!main) return null;
  const resolved = incident.state === 'resolved' || incident.state === 'closed';
  return {
    policyPriority: main.policyPriority,
    calendarId: main.calendarId,
    responseDueAt: response?.dueAt?.toISOString() ?? null,
    resolutionDueAt: resolution?.dueAt?.toISOString() ?? null,
    responseMetAt: response && incident.firstResponseAt ? incident.firstResponseAt.toISOString() : null,
    responseBreached: response?.status === 'breached',
    resolutionBreached: resolution?.status === 'breached',
    resolutionElapsedBusinessMs: resolved && resolution?.stoppedAt ? (resolution.elapsedMs ?? null) : null,
  };
}
