import { Injectable } from '@nestjs/common';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryGroupEntity } from '../directory/entities/directory-group.entity';
import { DirectoryUserEntity } from '../directory/entities/directory-user.entity';
import { allowedActions } from './domain/incident-state-machine';
import { IncidentDto } from './dto/incident.dto';
import { Viewer } from './incident-access.policy';
import { IncidentEntity } from './entities/incident.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Entity → API shape, with people's and groups' names from the directory copy (cached; one query per list at most). */
@Injectable()
export class IncidentViewMapper {
  constructor(private readonly directory: DirectoryCache) {}

  async toDto(incident: IncidentEntity, viewer: Viewer): Promise<IncidentDto> {
    return (await this.toDtos([incident], viewer))[0];
  }

  async toDtos(incidents: IncidentEntity[], _viewer: Viewer): Promise<IncidentDto[]> {
    const userIds = new Set<string>();
    const groupIds = new Set<string>();
    for (const i of incidents) {
      userIds.add(i.callerId);
      if (i.assigneeId) userIds.add(i.assigneeId);
      if (i.assignmentGroupId) groupIds.add(i.assignmentGroupId);
    }
    const [userById, groupById] = await Promise.all([this.directory.findUsers(userIds), this.directory.findGroups(groupIds)]);
    return incidents.map((i) => toIncidentDto(i, userById, groupById));
  }
}

export function toIncidentDto(
  i: IncidentEntity,
  users: Map<string, DirectoryUserEntity>,
  groups: Map<string, DirectoryGroupEntity>,
): IncidentDto {
  const caller = users.get(i.callerId);
  const group = i.assignmentGroupId ? groups.get(i.assignmentGroupId) : undefined;
  const assignee = i.assigneeId ? users.get(i.assigneeId) : undefined;
  return {
    id: i.id,
    number: i.number,
    version: i.version,
    state: i.state,
    holdReason: i.holdReason,
    caller: { id: i.callerId, name: caller?.displayName ?? null, department: caller?.department ?? null },
    openedById: i.openedById,
    channel: i.channel,
    category: i.category,
    subcategory: i.subcategory,
    shortDescription: i.shortDescription,
    description: i.description,
    impact: i.impact,
    urgency: i.urgency,
    priority: i.priority,
    ciId: i.ciId,
    assignmentGroup: i.assignmentGroupId
      ? { id: i.assignmentGroupId, name: group?.name ?? null, tier: group?.tier ?? null }
      : null,
    assignee: i.assigneeId ? { id: i.assigneeId, name: assignee?.displayName ?? null } : null,
    resolutionCode: i.resolutionCode,
    resolutionNotes: i.resolutionNotes,
    knowledgeArticleId: i.knowledgeArticleId,
    problemId: i.problemId,
    workaround: i.workaround,
    problemResolutionProposedAt: iso(i.problemResolutionProposedAt),
    resolvedById: i.resolvedById,
    cancelReason: i.cancelReason,
    reassignmentCount: i.reassignmentCount,
    reopenCount: i.reopenCount,
    firstContactClaimed: i.firstContactClaimed,
    openedAt: i.openedAt.toISOString(),
    firstResponseAt: iso(i.firstResponseAt),
    assignedAt: iso(i.assignedAt),
    resolvedAt: iso(i.resolvedAt),
    closedAt: iso(i.closedAt),
    cancelledAt: iso(i.cancelledAt),
    responseDueAt: iso(i.responseDueAt),
    resolutionDueAt: iso(i.resolutionDueAt),
    responseBreached: i.responseBreached,
    resolutionBreached: i.resolutionBreached,
    updatedAt: i.updatedAt.toISOString(),
    source: i.source,
    sourceRecord: i.sourceRecord ?? null,
    allowedActions: allowedActions(i.state),
  };
}
