import { defineEvent } from '../events/event-definition';
import { checkPayload, FieldCheck } from '../events/payload-checks';
import { Topics } from '../topics';

/** SLA timers of an incident as the incident service last computed them (itil.md SLA). */
export interface IncidentSlaSnapshot {
  policyPriority: number;
  calendarId: string;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  responseMetAt: string | null;
  responseBreached: boolean;
  resolutionBreached: boolean;
  /** Working time from open to resolution on the policy's calendar, pauses excluded (set once resolved). */
  resolutionElapsedBusinessMs: number | null;
}

/** Imported history: the source system's own final record, which reports prefer where our replay can differ. */
export interface IncidentSourceRecord {
  /** `servicenow` */
  system: string;
  /** `servicenow:INC0000045` */
  externalKey: string;
  reassignmentCount: number;
  reopenCount: number;
  /** The source's verdict on the resolution SLA (ServiceNow `made_sla` of the final row); null when not recorded. */
  resolutionSlaMet: boolean | null;
  /** The source's `resolved_at` (ISO); null when it recorded none: reports leave such incidents out of MTTR. */
  resolvedAt: string | null;
}

/**
 * The whole incident as of the event: every event carries it, so a consumer (reporting, problem,
 * knowledge) keeps its view current from any one event, in any order, without calling back.
 */
export interface IncidentSnapshot {
  id: string;
  number: string;
  version: number;
  state: string;
  holdReason: string | null;
  callerId: string;
  callerName: string | null;
  callerDepartment: string | null;
  openedById: string;
  channel: string;
  category: string | null;
  subcategory: string | null;
  /**
   * Whether the subcategory (else the category) may be resolved at first level: itil.md's net FCR leaves
   * the others out. Null without a category; absent in events written before it existed.
   */
  categoryFirstLevelResolvable?: boolean | null;
  shortDescription: string;
  description: string;
  impact: number;
  urgency: number;
  priority: number;
  ciId: string | null;
  assignmentGroupId: string | null;
  assignmentGroupName: string | null;
  /** 1 = the service desk (first level), 2 = specialists. */
  assignmentGroupTier: number | null;
  assigneeId: string | null;
  assigneeName: string | null;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  knowledgeArticleId: string | null;
  problemId: string | null;
  resolvedById: string | null;
  cancelReason: string | null;
  reassignmentCount: number;
  reopenCount: number;
  /** The agent ticked "resolved at first contact" (honoured by reporting only under itil.md's FCR rules). */
  firstContactClaimed: boolean;
  openedAt: string;
  firstResponseAt: string | null;
  assignedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  updatedAt: string;
  sla: IncidentSlaSnapshot | null;
  /** `live`, or where imported history came from (`servicenow`). */
  source: string;
  /** Set on imported incidents only (null or absent otherwise). */
  sourceRecord?: IncidentSourceRecord | null;
}

export interface IncidentFieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Every incident.* event: the incident after the change, what changed, and details of that kind of event. */
export interface IncidentEventPayload<TDetail = Record<string, unknown>> {
  incident: IncidentSnapshot;
  changes: IncidentFieldChange[];
  detail: TDetail;
}

export interface IncidentCommentedDetail {
  commentId: string;
  visibility: 'public' | 'work_note';
  authorId: string;
  /** Work notes are never shown to employees: consumers must honour visibility. */
  body: string;
}

export interface IncidentSlaDetail {
  timer: 'response' | 'resolution';
  dueAt: string;
  percent: number;
}

export interface IncidentEscalatedDetail {
  kind: 'functional' | 'hierarchical';
  automatic: boolean;
  reason: string;
  fromGroupId: string | null;
  toGroupId: string | null;
  supervisorId: string | null;
}

export interface IncidentSatisfactionDetail {
  rating: number;
  comment: string | null;
}

const snapshotChecks: FieldCheck[] = [
  (p) => (typeof p.id === 'string' && p.id ? null : 'incident.id must be a string'),
  (p) => (typeof p.number === 'string' && p.number ? null : 'incident.number must be a string'),
  (p) => (typeof p.state === 'string' && p.state ? null : 'incident.state must be a string'),
  (p) => (typeof p.version === 'number' ? null : 'incident.version must be a number'),
  (p) => (typeof p.priority === 'number' ? null : 'incident.priority must be a number'),
  (p) => (typeof p.openedAt === 'string' ? null : 'incident.openedAt must be a string'),
];

function describeIncidentPayload(payload: unknown): string[] {
  const problems = checkPayload(payload, [
    (p) => (typeof p.incident === 'object' && p.incident !== null ? null : 'incident must be an object'),
    (p) => (Array.isArray(p.changes) ? null : 'changes must be an array'),
    (p) => (typeof p.detail === 'object' && p.detail !== null ? null : 'detail must be an object'),
  ]);
  if (problems.length) return problems;
  return checkPayload((payload as { incident: unknown }).incident, snapshotChecks);
}

const incidentEvent =
  <TDetail>() =>
  <TType extends `incident.${string}`>(type: TType) =>
    defineEvent<IncidentEventPayload<TDetail>>()({
      type,
      topic: Topics.incident,
      version: 1,
      aggregateType: 'incident',
      describePayloadProblems: describeIncidentPayload,
    });

export const IncidentCreated = incidentEvent<{ routingRuleId: string | null }>()('incident.created');
export const IncidentAssigned = incidentEvent<{ fromGroupId: string | null; fromAssigneeId: string | null }>()(
  'incident.assigned',
);
export const IncidentReassigned = incidentEvent<{ fromGroupId: string | null; fromAssigneeId: string | null }>()(
  'incident.reassigned',
);
export const IncidentStateChanged = incidentEvent<{ from: string; to: string; action: string }>()('incident.state-changed');
export const IncidentPriorityChanged = incidentEvent<{ from: number; to: number }>()('incident.priority-changed');
export const IncidentUpdated = incidentEvent<Record<string, never>>()('incident.updated');
export const IncidentCommented = incidentEvent<IncidentCommentedDetail>()('incident.commented');
export const IncidentResolved = incidentEvent<{ firstContact: boolean }>()('incident.resolved');
export const IncidentReopened = incidentEvent<{ reason: string | null }>()('incident.reopened');
export const IncidentClosed = incidentEvent<{ automatic: boolean }>()('incident.closed');
export const IncidentCancelled = incidentEvent<{ reason: string }>()('incident.cancelled');
export const IncidentSlaWarning = incidentEvent<IncidentSlaDetail>()('incident.sla-warning');
export const IncidentSlaBreached = incidentEvent<IncidentSlaDetail>()('incident.sla-breached');
export const IncidentEscalated = incidentEvent<IncidentEscalatedDetail>()('incident.escalated');
export const IncidentSatisfactionRecorded = incidentEvent<IncidentSatisfactionDetail>()('incident.satisfaction-recorded');
export interface IncidentProblemLinkedDetail {
  problemId: string | null;
  previousProblemId: string | null;
  /**
   * Who changed the link: an agent on the incident (`incident`), the problem service (`problem`), or an
   * import whose source names the problem only by its own reference (`import`, with externalProblemKey).
   * Absent in events written before it existed (read as `problem`).
   */
  origin?: 'incident' | 'problem' | 'import';
  /** The source system's problem reference (e.g. ServiceNow's `Problem ID 2`), with origin `import`. */
  externalProblemKey?: string | null;
}

export const IncidentProblemLinked = incidentEvent<IncidentProblemLinkedDetail>()('incident.problem-linked');

export const IncidentEvents = [
  IncidentCreated,
  IncidentAssigned,
  IncidentReassigned,
  IncidentStateChanged,
  IncidentPriorityChanged,
  IncidentUpdated,
  IncidentCommented,
  IncidentResolved,
  IncidentReopened,
  IncidentClosed,
  IncidentCancelled,
  IncidentSlaWarning,
  IncidentSlaBreached,
  IncidentEscalated,
  IncidentSatisfactionRecorded,
  IncidentProblemLinked,
];
