import { allowedProblemActions } from './domain/problem-lifecycle';
import { ProblemDto, ProblemHistoryEntryDto, ProblemSummaryDto } from './dto/problem.dto';
import { ProblemHistoryEntity } from './entities/problem-history.entity';
import { ProblemEntity } from './entities/problem.entity';

export function toProblemSummaryDto(p: ProblemEntity): ProblemSummaryDto {
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    state: p.state,
    priority: p.priority,
    category: p.category,
    ciIds: p.ciIds,
    ownerId: p.ownerId,
    ownerName: p.ownerName,
    linkedIncidentCount: p.linkedIncidentCount,
    openIncidentCount: p.openIncidentCount,
    origin: p.origin,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toProblemDto(p: ProblemEntity): ProblemDto {
  return {
    ...toProblemSummaryDto(p),
    description: p.description,
    language: p.language,
    groupId: p.groupId,
    groupName: p.groupName,
    rca: {
      symptoms: p.symptoms,
      timeline: p.timeline,
      rootCause: p.rootCause,
      contributingFactors: p.contributingFactors,
      fiveWhys: p.fiveWhys,
    },
    workaround: p.workaround,
    knownErrorAt: p.knownErrorAt?.toISOString() ?? null,
    resolutionNotes: p.resolutionNotes,
    resolveLinkedIncidents: p.resolveLinkedIncidents,
    resolvedAt: p.resolvedAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    closeNotes: p.closeNotes,
    candidateId: p.candidateId,
    externalKey: p.externalKey,
    allowedActions: allowedProblemActions(p.state),
  };
}

export function toHistoryEntryDto(h: ProblemHistoryEntity): ProblemHistoryEntryDto {
  return {
    at: h.at.toISOString(),
    actorId: h.actorId,
    actorRole: h.actorRole,
    action: h.action,
    problemVersion: h.problemVersion,
    changes: h.changes,
    note: h.note,
  };
}
