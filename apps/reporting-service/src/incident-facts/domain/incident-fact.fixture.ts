import { IncidentSnapshot } from '@helpdesk/contracts';
import { IncidentFact, IncidentFactEvent, mergeIncidentEvent } from './incident-fact';

export const AGENT = 'agent-1';
export const OTHER_AGENT = 'agent-2';
export const CALLER = 'caller-1';
export const OPTIONS = { contactWindowMs: 30 * 60_000 };
const T0 = Date.parse('2026-03-06T00:00:00Z'); // a Friday, 09:00 in Tokyo

export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A phone call logged by AGENT for CALLER at T0, not yet assigned. */
export function snapshot(overrides: Partial<IncidentSnapshot> = {}): IncidentSnapshot {
  return {
    id: 'inc-1',
    number: 'INC0001234',
    version: 1,
    state: 'new',
    holdReason: null,
    callerId: CALLER,
    callerName: '山田 花子',
    callerDepartment: null,
    openedById: AGENT,
    channel: 'phone',
    category: 'access',
    subcategory: 'access.password',
    categoryFirstLevelResolvable: true,
    shortDescription: 'パスワードを忘れた',
    description: '',
    impact: 3,
    urgency: 2,
    priority: 4,
    ciId: null,
    assignmentGroupId: 'sd',
    assignmentGroupName: 'サービスデスク',
    assignmentGroupTier: 1,
    assigneeId: AGENT,
    assigneeName: '鈴木',
    resolutionCode: null,
    resolutionNotes: null,
    knowledgeArticleId: null,
    problemId: null,
    resolvedById: null,
    cancelReason: null,
    reassignmentCount: 0,
    reopenCount: 0,
    firstContactClaimed: false,
    openedAt: at(0),
    firstResponseAt: null,
    assignedAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
    updatedAt: at(0),
    sla: null,
    source: 'live',
    sourceRecord: null,
    ...overrides,
  };
}

/** One event of the incident: the snapshot after it, written at `minutes`. */
export function event(
  type: string,
  minutes: number,
  overrides: Partial<IncidentSnapshot>,
  detail: Record<string, unknown> = {},
): IncidentFactEvent {
  return {
    type: `incident.${type}`,
    occurredAt: at(minutes),
    incident: snapshot({ updatedAt: at(minutes), ...overrides }),
    detail,
  };
}

/** The fact after the events, applied in the given order. */
export function project(events: IncidentFactEvent[]): IncidentFact {
  let fact: IncidentFact | null = null;
  for (const e of events) fact = mergeIncidentEvent(fact, e, OPTIONS);
  if (!fact) throw new Error('no events');
  return fact;
}

/** Resolved by `by` at `minutes`, as the snapshot says after the resolution. */
export function resolvedAt(minutes: number, version: number, by = AGENT, extra: Partial<IncidentSnapshot> = {}) {
  return event('resolved', minutes, { version, state: 'resolved', resolvedById: by, resolvedAt: at(minutes), ...extra });
}
