import { defineEvent } from '../events/event-definition';
import { checkPayload, FieldCheck } from '../events/payload-checks';
import { Topics } from '../topics';

/** Request states of itil.md; `rejected`, `closed` and `cancelled` are final. */
export const SERVICE_REQUEST_STATES = [
  'submitted',
  'awaiting_approval',
  'approved',
  'rejected',
  'in_fulfilment',
  'fulfilled',
  'closed',
  'cancelled',
] as const;
export type ServiceRequestState = (typeof SERVICE_REQUEST_STATES)[number];

/** Who must approve a catalog item before fulfilment: nobody, the requester's manager, or a named group. */
export const APPROVAL_POLICIES = ['none', 'manager', 'group'] as const;
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];

export type FulfilmentTaskState = 'open' | 'done' | 'skipped';

export interface FulfilmentTaskSnapshot {
  id: string;
  /** 1-based position in the item's task list (the order they are meant to be done in). */
  seq: number;
  titleJa: string;
  titleEn: string;
  state: FulfilmentTaskState;
  assigneeId: string | null;
  completedById: string | null;
  completedAt: string | null;
}

export interface ApprovalDecisionSnapshot {
  decision: 'approved' | 'rejected';
  approverId: string;
  approverName: string | null;
  /** `manager` or `group`: in what capacity the approver decided. */
  via: 'manager' | 'group';
  comment: string | null;
  decidedAt: string;
}

/**
 * The whole request as of the event: every request.* event carries it, so a consumer (reporting,
 * notifications) keeps its view current from any one event without calling back.
 */
export interface ServiceRequestSnapshot {
  id: string;
  /** REQ0000042 */
  number: string;
  version: number;
  state: ServiceRequestState;
  catalogItemId: string;
  catalogItemCode: string;
  catalogItemNameJa: string;
  catalogItemNameEn: string;
  category: string;
  /** Who submitted it (an agent may submit for someone else). */
  requesterId: string;
  requesterName: string | null;
  /** Who the service is for (the requester unless submitted on someone's behalf). */
  requestedForId: string;
  requestedForName: string | null;
  requestedForDepartment: string | null;
  description: string | null;
  /** The answers to the item's form, as validated on submission. */
  form: Record<string, unknown>;
  approvalPolicy: ApprovalPolicy;
  /** The manager who must approve (policy `manager`). */
  approverId: string | null;
  /** The group any member of which may approve (policy `group`). */
  approvalGroupId: string | null;
  approvalGroupName: string | null;
  approval: ApprovalDecisionSnapshot | null;
  fulfilmentGroupId: string | null;
  fulfilmentGroupName: string | null;
  tasks: FulfilmentTaskSnapshot[];
  cancelReason: string | null;
  submittedAt: string;
  approvalRequestedAt: string | null;
  approvedAt: string | null;
  rejectedAt: string | null;
  fulfilmentStartedAt: string | null;
  fulfilledAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  updatedAt: string;
}

export interface ServiceRequestFieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Every request.* event: the request after the change, what changed, and details of that kind of event. */
export interface ServiceRequestEventPayload<TDetail = Record<string, unknown>> {
  request: ServiceRequestSnapshot;
  changes: ServiceRequestFieldChange[];
  detail: TDetail;
}

export interface RequestSubmittedDetail {
  /** The agent who submitted on someone's behalf, else null. */
  onBehalfOf: string | null;
}

export interface RequestApprovalRequestedDetail {
  policy: 'manager' | 'group';
  approverId: string | null;
  approvalGroupId: string | null;
}

export interface RequestDecisionDetail {
  approverId: string;
  via: 'manager' | 'group';
  comment: string | null;
}

export interface RequestFulfilmentStartedDetail {
  fulfilmentGroupId: string | null;
  taskIds: string[];
}

export interface RequestTaskDetail {
  taskId: string;
  seq: number;
  assigneeId: string | null;
  /** Tasks still open after this one. */
  openTasks: number;
}

export interface RequestTaskAssignedDetail {
  taskId: string;
  seq: number;
  assigneeId: string | null;
  fromAssigneeId: string | null;
}

export interface RequestFulfilledDetail {
  /** True when the last task's completion fulfilled it; false for an explicit POST /fulfil. */
  byTasks: boolean;
  skippedTaskIds: string[];
}

export interface RequestCommentedDetail {
  commentId: string;
  visibility: 'public' | 'work_note';
  authorId: string;
  /** Work notes are never shown to employees: consumers must honour visibility. */
  body: string;
}

const isState = (v: unknown) => typeof v === 'string' && (SERVICE_REQUEST_STATES as readonly string[]).includes(v);
const isPolicy = (v: unknown) => typeof v === 'string' && (APPROVAL_POLICIES as readonly string[]).includes(v);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;
const stringOrNull = (v: unknown) => v === null || typeof v === 'string';

const snapshotChecks: FieldCheck[] = [
  (p) => (nonEmpty(p.id) ? null : 'request.id must be a string'),
  (p) => (typeof p.number === 'string' && /^REQ\d{7,}$/.test(p.number) ? null : 'request.number must be REQ and 7 digits'),
  (p) => (Number.isInteger(p.version) && (p.version as number) >= 1 ? null : 'request.version must be a positive integer'),
  (p) => (isState(p.state) ? null : `request.state must be one of ${SERVICE_REQUEST_STATES.join(', ')}`),
  (p) => (nonEmpty(p.catalogItemId) ? null : 'request.catalogItemId must be a string'),
  (p) => (nonEmpty(p.catalogItemCode) ? null : 'request.catalogItemCode must be a string'),
  (p) => (nonEmpty(p.requesterId) ? null : 'request.requesterId must be a string'),
  (p) => (nonEmpty(p.requestedForId) ? null : 'request.requestedForId must be a string'),
  (p) => (typeof p.form === 'object' && p.form !== null && !Array.isArray(p.form) ? null : 'request.form must be an object'),
  (p) => (isPolicy(p.approvalPolicy) ? null : `request.approvalPolicy must be one of ${APPROVAL_POLICIES.join(', ')}`),
  (p) => (stringOrNull(p.approverId) ? null : 'request.approverId must be a string or null'),
  (p) => (stringOrNull(p.approvalGroupId) ? null : 'request.approvalGroupId must be a string or null'),
  (p) => (stringOrNull(p.fulfilmentGroupId) ? null : 'request.fulfilmentGroupId must be a string or null'),
  (p) =>
    Array.isArray(p.tasks) &&
    p.tasks.every((t) => typeof t === 'object' && t !== null && nonEmpty((t as Record<string, unknown>).id))
      ? null
      : 'request.tasks must be an array of tasks with ids',
  (p) => (nonEmpty(p.submittedAt) ? null : 'request.submittedAt must be a string'),
  (p) => (nonEmpty(p.updatedAt) ? null : 'request.updatedAt must be a string'),
];

function describeRequestPayload(payload: unknown): string[] {
  const problems = checkPayload(payload, [
    (p) => (typeof p.request === 'object' && p.request !== null ? null : 'request must be an object'),
    (p) => (Array.isArray(p.changes) ? null : 'changes must be an array'),
    (p) => (typeof p.detail === 'object' && p.detail !== null ? null : 'detail must be an object'),
  ]);
  if (problems.length) return problems;
  return checkPayload((payload as { request: unknown }).request, snapshotChecks);
}

const requestEvent =
  <TDetail>() =>
  <TType extends `request.${string}`>(type: TType) =>
    defineEvent<ServiceRequestEventPayload<TDetail>>()({
      type,
      topic: Topics.serviceRequest,
      version: 1,
      aggregateType: 'service_request',
      describePayloadProblems: describeRequestPayload,
    });

export const RequestSubmitted = requestEvent<RequestSubmittedDetail>()('request.submitted');
export const RequestApprovalRequested = requestEvent<RequestApprovalRequestedDetail>()('request.approval-requested');
export const RequestApproved = requestEvent<RequestDecisionDetail>()('request.approved');
export const RequestRejected = requestEvent<RequestDecisionDetail>()('request.rejected');
export const RequestFulfilmentStarted = requestEvent<RequestFulfilmentStartedDetail>()('request.fulfilment-started');
export const RequestTaskAssigned = requestEvent<RequestTaskAssignedDetail>()('request.task-assigned');
export const RequestTaskCompleted = requestEvent<RequestTaskDetail>()('request.task-completed');
export const RequestFulfilled = requestEvent<RequestFulfilledDetail>()('request.fulfilled');
export const RequestClosed = requestEvent<{ automatic: boolean }>()('request.closed');
export const RequestCancelled = requestEvent<{ reason: string }>()('request.cancelled');
export const RequestCommented = requestEvent<RequestCommentedDetail>()('request.commented');

export const ServiceRequestEvents = [
  RequestSubmitted,
  RequestApprovalRequested,
  RequestApproved,
  RequestRejected,
  RequestFulfilmentStarted,
  RequestTaskAssigned,
  RequestTaskCompleted,
  RequestFulfilled,
  RequestClosed,
  RequestCancelled,
  RequestCommented,
];
