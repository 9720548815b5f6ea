import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import {
  EventActor,
  IncidentAssigned,
  IncidentCancelled,
  IncidentClosed,
  IncidentCreated,
  IncidentPriorityChanged,
  IncidentReassigned,
  IncidentReopened,
  IncidentResolved,
  IncidentSatisfactionRecorded,
  IncidentStateChanged,
  IncidentUpdated,
} from '@helpdesk/contracts';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentConfig } from '../config/incident.config';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryRepository } from '../directory/directory.repository';
import { Channel, LIVE_CHANNELS } from './domain/incident-state';
import { applyIncidentCommand, IllegalTransitionError, IncidentCommand, TransitionResult } from './domain/incident-state-machine';
import { derivePriority } from './domain/priority-matrix';
import { CreateIncidentDto } from './dto/create-incident.dto';
import { IncidentDto, IncidentHistoryEntryDto } from './dto/incident.dto';
import { ListIncidentsQueryDto } from './dto/list-incidents.query.dto';
import { UpdateIncidentDto } from './dto/update-incident.dto';
import { canView, isStaff, isWorker, listScope, Viewer } from './incident-access.policy';
import { IncidentException, IncidentErrorCode } from './incident.exception';
import { factsOf, withFacts } from './incident-facts.mapper';
import { nextIncidentNumber, parseIncidentRef } from './incident-number';
import { IncidentCategoryValidator } from './incident-category.validator';
import { IncidentViewMapper } from './incident-view.mapper';
import { IncidentEntity } from './entities/incident.entity';
import { IncidentsRepository } from './incidents.repository';
import { CommitOptions, IncidentEventSpec, IncidentWriter } from './incident-writer.service';
import { IncidentRouter } from './ports/incident-router.port';
import { IncidentSlaTracker } from './ports/incident-sla-tracker.port';

export type LifecycleAction = 'assign' | 'start' | 'hold' | 'resume' | 'resolve' | 'reopen' | 'close' | 'cancel';

/** What an employee (caller) may do on their own incident; every other action is for IT staff who work tickets. */
const CALLER_ACTIONS: readonly LifecycleAction[] = ['reopen', 'close', 'cancel'];

export function actorOf(principal: Principal): EventActor {
  const role = principal.roles.find((r) => r !== 'employee') ?? principal.roles[0] ?? 'employee';
  return { id: principal.id, role };
}

/** Incidents: creation with routing, the lifecycle of itil.md, updates, lists and history. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
    private readonly directory: DirectoryRepository,
    private readonly writer: IncidentWriter,
    private readonly router: IncidentRouter,
    private readonly sla: IncidentSlaTracker,
    private readonly views: IncidentViewMapper,
    private readonly settings: IncidentConfig,
    private readonly categories: IncidentCategoryValidator,
    private readonly names: DirectoryCache,
  ) {}

  async create(principal: Principal, dto: CreateIncidentDto): Promise<IncidentDto> {
    const staff = isStaff(principal);
    const worker = isWorker(principal);
    if (!staff) {
      for (const field of ['callerId', 'assignmentGroupId', 'assigneeId', 'resolveAtFirstContact'] as const) {
        if (dto[field] !== undefined) {
          throw IncidentException.forbidden(`${field} may only be set by IT staff`);
        }
      }
      if (dto.channel && !['portal', 'chat'].includes(dto.channel)) {
        throw IncidentException.badField(IncidentErrorCode.Forbidden, 'channel', 'must be portal or chat for employees');
      }
    } else if (!worker && (dto.assignmentGroupId || dto.assigneeId || dto.resolveAtFirstContact)) {
      throw IncidentException.forbidden('Only agents, specialists, supervisors and admins assign or resolve incidents');
    }
    const channel: Channel = dto.channel ?? (staff ? 'phone' : 'portal');
    if (dto.resolveAtFirstContact && !LIVE_CHANNELS.includes(channel)) {
      throw IncidentException.badField(
        IncidentErrorCode.IllegalTransition,
        'resolveAtFirstContact',
        `only applies to a live contact (channel ${LIVE_CHANNELS.join(', ')}), not ${channel}`,
      );
    }
    await this.categories.assertValid(dto.category ?? null, dto.subcategory ?? null);
    const callerId = dto.callerId ?? principal.id;
    const at = new Date();
    const actor = actorOf(principal);

    const created = await this.dataSource.transaction(async (manager) => {
      // Someone else as caller must exist now; one's own row only feeds routing by department.
      const caller = dto.callerId
        ? await this.directory.findUser(callerId, manager)
        : ((await this.names.findUsers([callerId], manager)).get(callerId) ?? null);
      if (dto.callerId && !caller) {
        throw IncidentException.badField(IncidentErrorCode.UnknownUser, 'callerId', 'is not a known user');
      }
      let groupId: string | null = null;
      let ruleId: string | null = null;
      let firstContactGroup: string | null = null;
      if (dto.resolveAtFirstContact) {
        firstContactGroup = dto.assignmentGroupId ?? (await this.firstLevelGroupOf(manager, principal));
      }
      if (dto.assignmentGroupId) {
        await this.requireAssignable(manager, dto.assignmentGroupId, dto.assigneeId ?? null);
        groupId = dto.assignmentGroupId;
      } else {
        const decision = await this.router.route(manager, {
          category: dto.category ?? null,
          subcategory: dto.subcategory ?? null,
          shortDescription: dto.shortDescription,
          description: dto.description ?? '',
          channel,
          callerDepartment: caller?.department ?? null,
        });
        groupId = firstContactGroup ?? decision.groupId;
        ruleId = firstContactGroup ? null : decision.ruleId;
      }
      if (dto.assigneeId && !dto.assignmentGroupId) {
        throw IncidentException.badField(IncidentErrorCode.UnknownGroup, 'assignmentGroupId', 'is required with assigneeId');
      }
      const impact = dto.impact ?? 3;
      const urgency = dto.urgency ?? 3;
      const incident = Object.assign(new IncidentEntity(), {
        id: randomUUID(),
        number: await nextIncidentNumber(manager),
        state: 'new',
        holdReason: null,
        callerId,
        openedById: principal.id,
        channel,
        category: dto.category ?? null,
        subcategory: dto.subcategory ?? null,
        shortDescription: dto.shortDescription,
        description: dto.description ?? '',
        impact,
        urgency,
        priority: derivePriority(impact, urgency),
        ciId: dto.ciId ?? null,
        assignmentGroupId: groupId,
        assigneeId: null,
        resolutionCode: null,
        resolutionNotes: null,
        knowledgeArticleId: null,
        problemId: null,
        workaround: null,
        problemResolutionProposedAt: null,
        resolvedById: null,
        cancelReason: null,
        reassignmentCount: 0,
        reopenCount: 0,
        firstContactClaimed: false,
        openedAt: at,
        firstResponseAt: null,
        assignedAt: null,
        resolvedAt: null,
        closedAt: null,
        cancelledAt: null,
        responseDueAt: null,
        resolutionDueAt: null,
        responseBreached: false,
        resolutionBreached: false,
        source: 'live',
        externalKey: null,
        sourceRecord: null,
      } satisfies Partial<IncidentEntity>) as IncidentEntity;
      let current = await this.writer.commit(manager, null, incident, {
        action: 'created',
        actor,
        at,
        note: ruleId ? `routing rule ${ruleId}` : null,
        events: [{ event: IncidentCreated, detail: { routingRuleId: ruleId } }],
      });
      if (dto.assigneeId) {
        current = await this.applyAndCommit(
          manager,
          current,
          { type: 'assign', groupId: groupId!, assigneeId: dto.assigneeId },
          principal,
          at,
        );
      }
      if (dto.resolveAtFirstContact) {
        const fcr = dto.resolveAtFirstContact;
        if (!current.assignmentGroupId) {
          throw IncidentException.badField(IncidentErrorCode.UnknownGroup, 'assignmentGroupId', 'no group to resolve in');
        }
        if (current.assigneeId !== principal.id) {
          current = await this.applyAndCommit(
            manager,
            current,
            { type: 'assign', groupId: current.assignmentGroupId, assigneeId: principal.id },
            principal,
            at,
          );
        }
        current = await this.applyAndCommit(manager, current, { type: 'start' }, principal, at);
        current.firstContactClaimed = true;
        current = await this.applyAndCommit(
          manager,
          current,
          { type: 'resolve', code: fcr.resolutionCode, notes: fcr.resolutionNotes, knowledgeArticleId: fcr.knowledgeArticleId },
          principal,
          at,
          { firstContact: true },
        );
      }
      return current;
    });
    return this.views.toDto(created, principal);
  }

  /** The tier 1 group an agent logging a call works in (their first tier 1 group), else routing decides. */
  private async firstLevelGroupOf(manager: EntityManager, principal: Principal): Promise<string | null> {
    const groups = await this.directory.findGroups([...principal.groups], manager);
    return groups.find((g) => g.active && g.tier === 1)?.id ?? groups.find((g) => g.active)?.id ?? null;
  }

  async get(principal: Principal, ref: string): Promise<IncidentDto> {
    const incident = await this.findVisible(principal, ref);
    const dto = await this.views.toDto(incident, principal);
    dto.sla = await this.sla.timers(incident, new Date());
    return dto;
  }

  async list(principal: Principal, query: ListIncidentsQueryDto): Promise<Page<IncidentDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const sort = query.sort ?? 'opened';
    const cursor = decodeCursor(query.cursor, { k: 'string', id: 'uuid' });
    if (cursor && Number.isNaN(Date.parse(cursor.k)) && cursor.k !== 'infinity') {
      throw IncidentException.badField(IncidentErrorCode.NotFound, 'cursor', 'cursor must be a nextCursor returned by this list');
    }
    const supervised = principal.roles.includes('supervisor')
      ? (await this.directory.groupsOfUser(principal.id)).filter((g) => g.supervisorId === principal.id).map((g) => g.id)
      : [];
    const scope = listScope(principal, query.scope, supervised);
    const assignee = query.assignee === 'me' ? principal.id : query.assignee?.toLowerCase();
    const rows = await this.incidents.list(
      {
        states: query.state?.split(','),
        priorities: query.priority?.split(',').map(Number),
        groupIds: query.group ? [query.group] : undefined,
        assignee,
        callerId: isStaff(principal) ? query.caller : undefined,
        category: query.category,
        channel: query.channel,
        q: query.q,
        breached: query.breached,
        slaDueBefore: query.slaDueBefore ? new Date(query.slaDueBefore) : undefined,
        problemId: query.problem,
        problemResolutionProposed: query.problemResolutionProposed,
        sort,
      },
      scope,
      cursor ? { key: cursor.k, id: cursor.id } : null,
      limit,
    );
    const page = toPage(rows, limit, (r) => ({
      k: sort === 'slaDue' ? (r.resolutionDueAt?.toISOString() ?? 'infinity') : r.openedAt.toISOString(),
      id: r.id,
    }));
    return { items: await this.views.toDtos(page.items, principal), nextCursor: page.nextCursor };
  }

  async update(principal: Principal, ref: string, dto: UpdateIncidentDto, version: number | undefined): Promise<IncidentDto> {
    this.requireWorker(principal);
    const { version: _v, ...fields } = dto;
    if (Object.values(fields).every((v) => v === undefined)) {
      throw IncidentException.badField(IncidentErrorCode.IllegalTransition, 'body', 'names no field to change');
    }
    return this.mutate(principal, ref, version, async (manager, current) => {
      if (fields.category !== undefined || fields.subcategory !== undefined) {
        await this.categories.assertValid(
          fields.category !== undefined ? fields.category : current.category,
          fields.subcategory !== undefined ? fields.subcategory : current.subcategory,
          manager,
        );
      }
      const at = new Date();
      const result = this.transition(current, { type: 'update', ...fields }, principal, at);
      const events: IncidentEventSpec[] = [];
      if (result.priorityChanged) {
        events.push({ event: IncidentPriorityChanged, detail: { from: current.priority, to: result.facts.priority } });
      }
      if (result.changes.some((c) => !['priority', 'impact', 'urgency'].includes(c.field))) {
        events.push({ event: IncidentUpdated, detail: {} });
      }
      if (!result.changes.length) return current;
      return this.writer.commit(manager, current, withFacts(current, result.facts), {
        action: 'update',
        actor: actorOf(principal),
        at,
        events,
      });
    });
  }

  /** POST /incidents/{id}/<action>. */
  async act(
    principal: Principal,
    ref: string,
    command: Exclude<IncidentCommand, { type: 'update' | 'respond' }>,
    version: number | undefined,
    note: string | undefined,
  ): Promise<IncidentDto> {
    const staffWorker = isWorker(principal);
    if (!staffWorker && (isStaff(principal) || !CALLER_ACTIONS.includes(command.type))) {
      // Visible-but-not-yours is 404 inside mutate; here the role itself may not.
      if (isStaff(principal)) this.requireWorker(principal);
    }
    return this.mutate(principal, ref, version, async (manager, current) => {
      if (!staffWorker) {
        if (!CALLER_ACTIONS.includes(command.type)) {
          throw IncidentException.forbidden(`Only IT staff may ${command.type} an incident`);
        }
        if (command.type === 'cancel' && command.reason !== 'withdrawn') {
          throw IncidentException.badField(IncidentErrorCode.Forbidden, 'reason', 'must be withdrawn when the caller cancels');
        }
      }
      if (command.type === 'assign') await this.requireAssignable(manager, command.groupId, command.assigneeId);
      return this.applyAndCommit(manager, current, command, principal, new Date(), undefined, note);
    });
  }

  async recordSatisfaction(principal: Principal, ref: string, rating: number, comment: string | null): Promise<IncidentDto> {
    return this.mutate(principal, ref, undefined, async (manager, current) => {
      if (current.callerId !== principal.id) {
        throw IncidentException.forbidden('Only the caller answers the satisfaction survey');
      }
      if (current.state !== 'resolved' && current.state !== 'closed') {
        throw new IncidentException(
          HttpStatus.CONFLICT,
          IncidentErrorCode.NotRateable,
          `The survey opens once the incident is resolved (it is ${current.state})`,
        );
      }
      if (await this.incidents.satisfaction(current.id)) {
        throw new IncidentException(HttpStatus.CONFLICT, IncidentErrorCode.AlreadyRated, 'You already answered this survey');
      }
      const at = new Date();
      await this.incidents.addSatisfaction(manager, {
        incidentId: current.id,
        rating,
        comment,
        respondentId: principal.id,
        respondedAt: at,
      });
      return this.writer.commit(manager, current, withFacts(current, factsOf(current)), {
        action: 'satisfaction',
        actor: actorOf(principal),
        at,
        note: `rating ${rating}`,
        extraChanges: [{ field: 'satisfaction', from: null, to: rating }],
        events: [{ event: IncidentSatisfactionRecorded, detail: { rating, comment } }],
      });
    });
  }

  async history(
    principal: Principal,
    ref: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<IncidentHistoryEntryDto>> {
    const incident = await this.findVisible(principal, ref);
    const after = decodeCursor(cursor, { id: 'string' });
    if (after && !/^\d{1,18}$/.test(after.id)) {
      throw IncidentException.badField(IncidentErrorCode.NotFound, 'cursor', 'cursor must be a nextCursor returned by this list');
    }
    const rows = await this.incidents.history(incident.id, after?.id ?? null, limit, isStaff(principal));
    return toPage(
      rows,
      limit,
      (h) => ({ id: h.id }),
      (h) => ({
        id: h.id,
        at: h.at.toISOString(),
        actorId: h.actorId,
        actorRole: h.actorRole,
        action: h.action,
        changes: h.changes,
        note: h.note,
        version: h.version,
      }),
    );
  }

  /** The incident if the principal may see it; 404 otherwise (api.md: not-yours looks like not-there). */
  async findVisible(principal: Viewer, ref: string, manager?: EntityManager): Promise<IncidentEntity> {
    const parsed = parseIncidentRef(ref);
    const incident = parsed ? await this.incidents.find(parsed, manager) : null;
    if (!incident || !canView(principal, incident)) throw IncidentException.notFound(ref);
    return incident;
  }

  /**
   * Locks the incident, checks visibility and version, and runs one change in a transaction.
   * Exposed for the conversation and escalation services.
   */
  async mutate(
    principal: Viewer,
    ref: string,
    version: number | undefined,
    change: (manager: EntityManager, current: IncidentEntity) => Promise<IncidentEntity>,
  ): Promise<IncidentDto> {
    const parsed = parseIncidentRef(ref);
    if (!parsed) throw IncidentException.notFound(ref);
    const updated = await this.dataSource.transaction(async (manager) => {
      const current = await this.incidents.findForUpdate(manager, parsed);
      if (!current || !canView(principal, current)) throw IncidentException.notFound(ref);
      if (version !== undefined && version !== current.version) throw IncidentException.staleVersion(version, current.version);
      return change(manager, current);
    });
    return this.views.toDto(updated, principal);
  }

  transition(
    current: IncidentEntity,
    command: IncidentCommand,
    principal: Principal | { id: string },
    at: Date,
  ): TransitionResult {
    try {
      return applyIncidentCommand(factsOf(current), command, {
        actorId: principal.id,
        at,
        reopenWindowMs: this.settings.reopenWindowMs,
      });
    } catch (e) {
      if (e instanceof IllegalTransitionError) throw IncidentException.fromTransition(e);
      throw e;
    }
  }

  /** Applies a lifecycle command and commits it with the event that command stands for. */
  async applyAndCommit(
    manager: EntityManager,
    current: IncidentEntity,
    command: IncidentCommand,
    principal: Principal | { id: string; roles?: string[] },
    at: Date,
    resolvedDetail?: { firstContact: boolean },
    note?: string,
    actorOverride?: EventActor,
  ): Promise<IncidentEntity> {
    const result = this.transition(current, command, principal, at);
    const next = withFacts(current, result.facts);
    const options: CommitOptions = {
      action: command.type,
      actor: actorOverride ?? actorOf(principal as Principal),
      at,
      note: note ?? null,
      events: eventsFor(command, current, result, resolvedDetail ?? { firstContact: next.firstContactClaimed }),
    };
    return this.writer.commit(manager, current, next, options);
  }

  private requireWorker(principal: Viewer): void {
    if (!isWorker(principal)) {
      throw IncidentException.forbidden('Only agents, specialists, supervisors and admins work incidents');
    }
  }

  /** The group exists and is active, and the assignee (if any) is one of its members or its supervisor. */
  async requireAssignable(manager: EntityManager, groupId: string, assigneeId: string | null): Promise<void> {
    const group = await this.directory.findGroup(groupId, manager);
    if (!group || !group.active) {
      throw IncidentException.badField(IncidentErrorCode.UnknownGroup, 'assignmentGroupId', 'is not an active group');
    }
    if (assigneeId && !group.memberIds.includes(assigneeId) && group.supervisorId !== assigneeId) {
      throw IncidentException.badField(IncidentErrorCode.NotAGroupMember, 'assigneeId', `is not a member of ${group.name}`);
    }
  }
}

/** The one event a lifecycle command stands for (every event carries the whole incident). */
export function eventsFor(
  command: IncidentCommand,
  before: IncidentEntity,
  result: TransitionResult,
  resolvedDetail: { firstContact: boolean },
): IncidentEventSpec[] {
  const state = { from: before.state, to: result.facts.state, action: command.type };
  switch (command.type) {
    case 'assign': {
      const detail = { fromGroupId: before.assignmentGroupId, fromAssigneeId: before.assigneeId };
      return [{ event: result.reassigned ? IncidentReassigned : IncidentAssigned, detail }];
    }
    case 'start':
    case 'hold':
    case 'resume':
      return [{ event: IncidentStateChanged, detail: state }];
    case 'resolve':
      return [{ event: IncidentResolved, detail: resolvedDetail }];
    case 'reopen':
      return [{ event: IncidentReopened, detail: { reason: null } }];
    case 'close':
      return [{ event: IncidentClosed, detail: { automatic: false } }];
    case 'cancel':
      return [{ event: IncidentCancelled, detail: { reason: command.reason } }];
    case 'update':
      return result.priorityChanged
        ? [{ event: IncidentPriorityChanged, detail: { from: before.priority, to: result.facts.priority } }]
        : [{ event: IncidentUpdated, detail: {} }];
    case 'respond':
      return [];
  }
}
