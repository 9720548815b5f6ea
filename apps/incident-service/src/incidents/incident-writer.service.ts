import { Injectable } from '@nestjs/common';
import { EventActor, EventDefinition, IncidentEventPayload, IncidentSlaSnapshot, isUuid } from '@helpdesk/contracts';
import { OutboxService } from '@helpdesk/messaging';
import { EntityManager } from 'typeorm';
import { CategoryFlagsCache } from '../categories/category-flags.cache';
import { DirectoryCache } from '../directory/directory-cache';
import { diffFacts, FieldChange } from './domain/incident-state-machine';
import { factsOf, toSnapshot } from './incident-facts.mapper';
import { IncidentEntity } from './entities/incident.entity';
import { IncidentsRepository } from './incidents.repository';
import { IncidentSlaTracker } from './ports/incident-sla-tracker.port';

export interface IncidentEventSpec {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  event: EventDefinition<string, IncidentEventPayload<any>>;
  detail: Record<string, unknown>;
}

export interface CommitOptions {
  /** History action: created, assign, start, …, update, comment, work_note, escalate, sla-breach, … */
  action: string;
  actor: EventActor;
  at: Date;
  note?: string | null;
  events: IncidentEventSpec[];
  /** Changes beyond the lifecycle facts (e.g. problem link, workaround) for the history. */
  extraChanges?: FieldChange[];
  /** Skip SLA tracking (imports replay history with their own timestamps and still track; SLA events do not). */
  skipSla?: boolean;
}

/**
 * Writes one change of an incident the same way everywhere (API, SLA watch, escalation, problem events,
 * imports): SLA timers, the row with a new version, a history entry, and its events in the outbox,
 * all in the caller's transaction.
 */
@Injectable()
export class IncidentWriter {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly directory: DirectoryCache,
    private readonly categoryFlags: CategoryFlagsCache,
    private readonly outbox: OutboxService,
    private readonly sla: IncidentSlaTracker,
  ) {}

  async commit(
    manager: EntityManager,
    before: IncidentEntity | null,
    after: IncidentEntity,
    options: CommitOptions,
  ): Promise<IncidentEntity> {
    let sla: IncidentSlaSnapshot | null = null;
    if (!options.skipSla) sla = await this.sla.track(manager, before, after, options.at);
    else sla = await this.sla.snapshot(manager, after);
    after.updatedAt = options.at.getTime() > (before?.updatedAt.getTime() ?? 0) ? options.at : new Date();
    if (before) {
      after.version = before.version + 1;
      await this.incidents.update(manager, after);
    } else {
      after.version = 1;
      after.createdAt = new Date();
      await this.incidents.insert(manager, after);
    }
    const changes = [...(before ? diffFacts(factsOf(before), factsOf(after)) : []), ...(options.extraChanges ?? [])];
    await this.incidents.addHistory(manager, {
      incidentId: after.id,
      at: options.at,
      actorId: isUuid(options.actor.id) ? options.actor.id : null,
      actorRole: options.actor.role,
      action: options.action,
      changes,
      note: options.note ?? null,
      version: after.version,
    });
    if (options.events.length) {
      // One connection per transaction: queries one after the other (pg refuses overlapping ones in v9).
      const users = await this.directory.findUsers([after.callerId, ...(after.assigneeId ? [after.assigneeId] : [])], manager);
      const groups = await this.directory.findGroups(after.assignmentGroupId ? [after.assignmentGroupId] : [], manager);
      const categoryFirstLevelResolvable = await this.categoryFlags.firstLevelResolvable(
        after.category,
        after.subcategory,
        manager,
      );
      const incident = toSnapshot(
        after,
        {
          caller: users.get(after.callerId) ?? null,
          group: (after.assignmentGroupId && groups.get(after.assignmentGroupId)) || null,
          assignee: (after.assigneeId && users.get(after.assigneeId)) || null,
          categoryFirstLevelResolvable,
        },
        sla,
      );
      for (const spec of options.events) {
        await this.outbox.append(manager, {
          event: spec.event,
          aggregateId: after.id,
          payload: { incident, changes, detail: spec.detail },
          actor: options.actor,
        });
      }
    }
    return after;
  }
}
