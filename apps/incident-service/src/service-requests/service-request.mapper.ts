import { ServiceRequestSnapshot } from '@helpdesk/contracts';
import { RequestFacts } from './domain/request-state-machine';
import { ServiceRequestTaskEntity } from './entities/service-request-task.entity';
import { ServiceRequestEntity } from './entities/service-request.entity';
import { RequestAggregate } from './service-requests.repository';

/** Names the snapshot shows beside ids (from the directory copy; null when a person or group is unknown). */
export interface RequestNames {
  users: Map<string, { displayName: string; department: string | null }>;
  groups: Map<string, string>;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The request as the API shows it and as every request.* event carries it. */
export function toRequestSnapshot(
  { request: r, tasks, approval }: RequestAggregate,
  names: RequestNames,
): ServiceRequestSnapshot {
  const user = (id: string | null) => (id ? (names.users.get(id) ?? null) : null);
  return {
    id: r.id,
    number: r.number,
    version: r.version,
    state: r.state,
    catalogItemId: r.catalogItemId,
    catalogItemCode: r.catalogItemCode,
    catalogItemNameJa: r.catalogItemNameJa,
    catalogItemNameEn: r.catalogItemNameEn,
    category: r.category,
    requesterId: r.requesterId,
    requesterName: user(r.requesterId)?.displayName ?? null,
    requestedForId: r.requestedForId,
    requestedForName: user(r.requestedForId)?.displayName ?? null,
    requestedForDepartment: user(r.requestedForId)?.department ?? null,
    description: r.description,
    form: r.form,
    approvalPolicy: r.approvalPolicy,
    approverId: r.approverId,
    approvalGroupId: r.approvalGroupId,
    approvalGroupName: r.approvalGroupName,
    approval: approval
      ? {
          decision: approval.decision,
          approverId: approval.approverId,
          approverName: user(approval.approverId)?.displayName ?? null,
          via: approval.via,
          comment: approval.comment,
          decidedAt: approval.decidedAt.toISOString(),
        }
      : null,
    fulfilmentGroupId: r.fulfilmentGroupId,
    fulfilmentGroupName: r.fulfilmentGroupId ? (names.groups.get(r.fulfilmentGroupId) ?? null) : null,
    tasks: tasks.map((t) => ({
      id: t.id,
      seq: t.seq,
      titleJa: t.titleJa,
      titleEn: t.titleEn,
      state: t.state,
      assigneeId: t.assigneeId,
      completedById: t.completedById,
      completedAt: iso(t.completedAt),
    })),
    cancelReason: r.cancelReason,
    submittedAt: r.submittedAt.toISOString(),
    approvalRequestedAt: iso(r.approvalRequestedAt),
    approvedAt: iso(r.approvedAt),
    rejectedAt: iso(r.rejectedAt),
    fulfilmentStartedAt: iso(r.fulfilmentStartedAt),
    fulfilledAt: iso(r.fulfilledAt),
    closedAt: iso(r.closedAt),
    cancelledAt: iso(r.cancelledAt),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The lifecycle facts of a stored request, for the pure state machine. */
export function factsOf({ request: r, tasks }: RequestAggregate): RequestFacts {
  return {
    state: r.state,
    approvalRequired: r.approvalPolicy !== 'none',
    tasks: tasks.map((t) => ({
      id: t.id,
      seq: t.seq,
      state: t.state,
      assigneeId: t.assigneeId,
      completedById: t.completedById,
      completedAt: t.completedAt,
    })),
    decidedById: r.decidedById,
    cancelReason: r.cancelReason,
    approvalRequestedAt: r.approvalRequestedAt,
    approvedAt: r.approvedAt,
    rejectedAt: r.rejectedAt,
    fulfilmentStartedAt: r.fulfilmentStartedAt,
    fulfilledAt: r.fulfilledAt,
    closedAt: r.closedAt,
    cancelledAt: r.cancelledAt,
  };
}

/** Copies facts onto copies of the entities (never mutating the input); `newTask` makes the rows of new tasks. */
export function applyFacts(
  aggregate: RequestAggregate,
  facts: RequestFacts,
  newTask: (id: string, seq: number) => ServiceRequestTaskEntity,
): RequestAggregate {
  const request = Object.assign(new ServiceRequestEntity(), {
    ...aggregate.request,
    state: facts.state,
    decidedById: facts.decidedById,
    cancelReason: facts.cancelReason,
    approvalRequestedAt: facts.approvalRequestedAt,
    approvedAt: facts.approvedAt,
    rejectedAt: facts.rejectedAt,
    fulfilmentStartedAt: facts.fulfilmentStartedAt,
    fulfilledAt: facts.fulfilledAt,
    closedAt: facts.closedAt,
    cancelledAt: facts.cancelledAt,
  });
  const byId = new Map(aggregate.tasks.map((t) => [t.id, t]));
  const tasks = facts.tasks.map((f) =>
    Object.assign(Object.assign(new ServiceRequestTaskEntity(), byId.get(f.id) ?? newTask(f.id, f.seq)), {
      state: f.state,
      assigneeId: f.assigneeId,
      completedById: f.completedById,
      completedAt: f.completedAt,
    }),
  );
  return { request, tasks, approval: aggregate.approval };
}
