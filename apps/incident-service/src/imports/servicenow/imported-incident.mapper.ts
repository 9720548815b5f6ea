import { EventActor, IncidentSourceRecord } from '@helpdesk/contracts';
import { IncidentEntity } from '../../incidents/entities/incident.entity';
import { randomUUID } from 'node:crypto';
import {
  createImportedIncidentFacts,
  ImportedIncidentIdResolver,
  ImportedIncidentPlan,
  SERVICENOW_IMPORT_ACTOR,
} from './servicenow-incident-plan';

/** `incident.source` of imported incidents (with `externalKey`, unique per source: what makes imports idempotent). */
export const SERVICENOW_SOURCE = 'servicenow';

/** Display name of the directory entry that stands for an unknown ServiceNow user (`?` in the export). */
export const SERVICENOW_IMPORT_ACTOR_NAME = 'ServiceNow import';

/** The incident as opened, before its first step: state new, no group, the file's opened_at, caller and opener. */
export function toImportedIncidentEntity(plan: ImportedIncidentPlan, ids: ImportedIncidentIdResolver): IncidentEntity {
  const facts = createImportedIncidentFacts(plan.opened);
  return Object.assign(new IncidentEntity(), {
    ...facts,
    id: randomUUID(),
    number: plan.number,
    callerId: ids.userId(facts.callerId),
    openedById: ids.userId(facts.openedById),
    problemId: null,
    workaround: null,
    problemResolutionProposedAt: null,
    firstContactClaimed: false,
    responseDueAt: null,
    resolutionDueAt: null,
    responseBreached: false,
    resolutionBreached: false,
    source: SERVICENOW_SOURCE,
    externalKey: plan.externalKey,
    sourceRecord: importedSourceRecord(plan),
  } satisfies Partial<IncidentEntity>);
}

/**
 * ServiceNow's own final record of the incident, carried in every event beside our replay: where the replay
 * cannot follow the file (a reassignment_count that moved with no visible group change, a `?` resolved_at our
 * resolve step still needs a time for) reports take the file's figures, and `made_sla` is ServiceNow's verdict.
 */
export function importedSourceRecord(plan: ImportedIncidentPlan): IncidentSourceRecord {
  const final = plan.finalRow;
  return {
    system: SERVICENOW_SOURCE,
    externalKey: plan.externalKey,
    reassignmentCount: final.reassignmentCount,
    reopenCount: final.reopenCount,
    resolutionSlaMet: final.madeSla,
    resolvedAt: final.resolvedAt ? final.resolvedAt.toISOString() : null,
  };
}

/**
 * Who did a step: the named ServiceNow user as IT staff (sys_updated_by, resolved_by and opened_by name
 * the desk's people), or the import itself when the export says `?`.
 */
export function importedActor(name: string | null, ids: ImportedIncidentIdResolver): EventActor {
  return name === null ? { id: ids.userId(SERVICENOW_IMPORT_ACTOR), role: 'system' } : { id: ids.userId(name), role: 'agent' };
}

/** The groups and people a plan refers to by name (the directory copy must know them all). */
export function directoryNamesOf(plan: ImportedIncidentPlan): { groups: string[]; users: string[] } {
  const groups = new Set<string>();
  const users = new Set<string>([
    plan.opened.callerName ?? SERVICENOW_IMPORT_ACTOR,
    plan.opened.openedByName ?? SERVICENOW_IMPORT_ACTOR,
  ]);
  for (const step of plan.steps) {
    users.add(step.actorName ?? SERVICENOW_IMPORT_ACTOR);
    if (step.command.type === 'assign') {
      groups.add(step.command.groupId);
      if (step.command.assigneeId) users.add(step.command.assigneeId);
    }
  }
  return { groups: [...groups], users: [...users] };
}

/** The directory's display name for a ServiceNow user name. */
export function importedUserDisplayName(name: string): string {
  return name === SERVICENOW_IMPORT_ACTOR ? SERVICENOW_IMPORT_ACTOR_NAME : name;
}
