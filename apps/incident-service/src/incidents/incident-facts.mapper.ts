import { IncidentSlaSnapshot, IncidentSnapshot } from '@helpdesk/contracts';
import { DirectoryGroupEntity } from '../directory/entities/directory-group.entity';
import { DirectoryUserEntity } from '../directory/entities/directory-user.entity';
import { IncidentFacts } from './domain/incident-state-machine';
import { IncidentEntity } from './entities/incident.entity';

const FACT_KEYS: Array<keyof IncidentFacts> = [
  'state',
  'holdReason',
  'callerId',
  'openedById',
  'channel',
  'category',
  'subcategory',
  'shortDescription',
  'description',
  'impact',
  'urgency',
  'priority',
  'ciId',
  'assignmentGroupId',
  'assigneeId',
  'resolutionCode',
  'resolutionNotes',
  'knowledgeArticleId',
  'resolvedById',
  'cancelReason',
  'reassignmentCount',
  'reopenCount',
  'openedAt',
  'firstResponseAt',
  'assignedAt',
  'resolvedAt',
  'closedAt',
  'cancelledAt',
];

export function factsOf(entity: IncidentEntity): IncidentFacts {
  const facts = {} as Record<string, unknown>;
  for (const key of FACT_KEYS) facts[key] = entity[key];
  return facts as unknown as IncidentFacts;
}

/** A copy of the entity with the facts applied (the entity itself is left as it was). */
export function withFacts(entity: IncidentEntity, facts: IncidentFacts): IncidentEntity {
  return Object.assign(Object.create(IncidentEntity.prototype) as IncidentEntity, entity, facts);
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export interface SnapshotNames {
  caller: DirectoryUserEntity | null;
  group: DirectoryGroupEntity | null;
  assignee: DirectoryUserEntity | null;
  /** The (sub)category's first-level flag (CategoryFlagsCache); null without a category. */
  categoryFirstLevelResolvable?: boolean | null;
}

export function toSnapshot(e: IncidentEntity, names: SnapshotNames, sla: IncidentSlaSnapshot | null): IncidentSnapshot {
  return {
    id: e.id,
    number: e.number,
    version: e.version,
    state: e.state,
    holdReason: e.holdReason,
    callerId: e.callerId,
    callerName: names.caller?.displayName ?? null,
    callerDepartment: names.caller?.department ?? null,
    openedById: e.openedById,
    channel: e.channel,
    category: e.category,
    subcategory: e.subcategory,
    categoryFirstLevelResolvable: names.categoryFirstLevelResolvable ?? null,
    shortDescription: e.shortDescription,
    description: e.description,
    impact: e.impact,
    urgency: e.urgency,
    priority: e.priority,
    ciId: e.ciId,
    assignmentGroupId: e.assignmentGroupId,
    assignmentGroupName: names.group?.name ?? null,
    assignmentGroupTier: names.group?.tier ?? null,
    assigneeId: e.assigneeId,
    assigneeName: names.assignee?.displayName ?? null,
    resolutionCode: e.resolutionCode,
    resolutionNotes: e.resolutionNotes,
    knowledgeArticleId: e.knowledgeArticleId,
    problemId: e.problemId,
    resolvedById: e.resolvedById,
    cancelReason: e.cancelReason,
    reassignmentCount: e.reassignmentCount,
    reopenCount: e.reopenCount,
    firstContactClaimed: e.firstContactClaimed,
    openedAt: e.openedAt.toISOString(),
    firstResponseAt: iso(e.firstResponseAt),
    assignedAt: iso(e.assignedAt),
    resolvedAt: iso(e.resolvedAt),
    closedAt: iso(e.closedAt),
    cancelledAt: iso(e.cancelledAt),
    updatedAt: e.updatedAt.toISOString(),
    sla,
    source: e.source,
    sourceRecord: e.sourceRecord ?? null,
  };
}
