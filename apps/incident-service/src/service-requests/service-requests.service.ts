import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import {
  EventActor,
  EventDefinition,
  RequestApprovalRequested,
  RequestApproved,
  RequestCancelled,
  RequestClosed,
  RequestCommented,
  RequestFulfilled,
  RequestFulfilmentStarted,
  RequestRejected,
  RequestSubmitted,
  RequestTaskAssigned,
  RequestTaskCompleted,
  ServiceRequestEventPayload,
  ServiceRequestSnapshot,
  UUID_PATTERN as UUID,
} from '@helpdesk/contracts';
import { OutboxService } from '@helpdesk/messaging';
import { ApiErrorDetail, decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CatalogService } from '../catalog/catalog.service';
import { checkFormAnswers } from '../catalog/domain/form-schema';
import { CatalogItemEntity } from '../catalog/entities/catalog-item.entity';
import { IncidentConfig } from '../config/incident.config';
import { DirectoryRepository } from '../directory/directory.repository';
import { DirectoryGroupEntity } from '../directory/entities/directory-group.entity';
import {
  approvalCapacity,
  Caller,
  canSeeRequest,
  canSeeWorkNotes,
  isRequesterSide,
  isRequestStaff,
} from './domain/request-access';
import {
  applyRequestCommand,
  IllegalRequestTransitionError,
  RequestCommand,
  RequestTransitionResult,
  UnknownTaskError,
} from './domain/request-state-machine';
import { CreateServiceRequestDto } from './dto/create-service-request.dto';
import { ListServiceRequestsQueryDto } from './dto/list-service-requests.query.dto';
import { RequestCommentDto } from './dto/request-comment.dto';
import { RequestHistoryEntryDto } from './dto/request-history-entry.dto';
import { ServiceRequestApprovalEntity } from './entities/service-request-approval.entity';
import { ServiceRequestCommentEntity } from './entities/service-request-comment.entity';
import { ServiceRequestHistoryEntity } from './entities/service-request-history.entity';
import { ServiceRequestTaskEntity } from './entities/service-request-task.entity';
import { ServiceRequestEntity } from './entities/service-request.entity';
import { applyFacts, factsOf, RequestNames, toRequestSnapshot } from './service-request.mapper';
import { ServiceRequestException } from './service-request.exception';
import { RequestAggregate, ServiceRequestsRepository } from './service-requests.repository';

/** History entries of work notes are hidden from whoever may not read work notes. */
const WORK_NOTE_ACTION = 'work-note';
const BUMP = { bumpVersion: true };

type RequestEvent = EventDefinition<string, ServiceRequestEventPayload<unknown>>;

/** One operation's state: the request as it changes, and what to write when the operation ends. */
interface Operation {
  manager: EntityManager;
  principal: Principal;
  at: Date;
  aggregate: RequestAggregate;
  names: RequestNames;
  history: Array<Omit<ServiceRequestHistoryEntity, 'id'>>;
  /** The decision this operation made, to insert when it ends. */
  decision?: ServiceRequestApprovalEntity;
  /** Catalog item for task titles when fulfilment starts. */
  item?: CatalogItemEntity | null;
}

/** Service requests: submission against the catalog, approval, fulfilment tasks, closure; every change evented. */
@Injectable()
export class ServiceRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: ServiceRequestsRepository,
    private readonly catalog: CatalogService,
    private readonly directory: DirectoryRepository,
    private readonly outbox: OutboxService,
    private readonly config: IncidentConfig,
  ) {}

  submit(dto: CreateServiceRequestDto, principal: Principal): Promise<ServiceRequestSnapshot> {
    const staff = isRequestStaff(principal);
    const forId = dto.requestedForId?.toLowerCase() ?? principal.id;
    if (forId !== principal.id && !staff)
      throw ServiceRequestException.forbidden('Only IT staff may submit a request on someone else’s behalf');

    return this.dataSource.transaction(async (manager) => {
      const at = new Date();
      const item = await this.catalog.findRequestable(dto.catalogItemId, manager);
      const problems: ApiErrorDetail[] = [];
      if (!item) problems.push({ field: 'catalogItemId', reason: 'catalogItemId must name an active catalog item' });
      const forUser = await this.directory.findUser(forId, manager);
      if (forId !== principal.id && !forUser?.active)
        problems.push({ field: 'requestedForId', reason: 'requestedForId must be an active user' });
      if (!item) throw ServiceRequestException.badFields(problems);

      const checked = checkFormAnswers(item.formSchema, dto.form ?? {});
      problems.push(...checked.problems);
      if (checked.userReferences.length) {
        const found = await this.directory.findUsers(
          checked.userReferences.map((u) => u.userId),
          manager,
        );
        for (const ref of checked.userReferences) {
          if (!found.some((u) => u.id === ref.userId && u.active))
            problems.push({ field: `form.${ref.key}`, reason: `form.${ref.key} must be an active user` });
        }
      }
      if (problems.length) throw ServiceRequestException.badFields(problems);

      let approverId: string | null = null;
      let approvalGroup: DirectoryGroupEntity | null = null;
      if (item.approvalPolicy === 'manager') {
        approverId = forUser?.managerId ?? null;
        if (!approverId || approverId === forId)
          throw ServiceRequestException.noApprover(
            `${item.nameEn} needs the approval of ${forUser?.displayName ?? 'the requester'}’s manager, and the directory names none; ask the service desk`,
            forId === principal.id ? 'catalogItemId' : 'requestedForId',
          );
      } else if (item.approvalPolicy === 'group') {
        approvalGroup = await this.resolveGroup(item.approvalGroupId, item.approvalGroupName, manager);
        if (!approvalGroup)
          throw ServiceRequestException.noApprover(
            `${item.nameEn} needs the approval of the group ${item.approvalGroupName ?? item.approvalGroupId}, which is not in the directory`,
            'catalogItemId',
          );
      }
      // Fulfilment group by the item's name like routing resolves it; else the service desk takes it.
      const fulfilmentGroup =
        (await this.resolveGroup(item.fulfilmentGroupId, item.fulfilmentGroupName, manager)) ??
        (await this.directory.findGroupByName(this.config.SERVICE_DESK_GROUP_NAME, manager));

      const request = Object.assign(new ServiceRequestEntity(), {
        id: uuidv7(),
        number: await this.requests.nextNumber(manager),
        state: 'submitted',
        catalogItemId: item.id,
        catalogItemCode: item.code,
        catalogItemNameJa: item.nameJa,
        catalogItemNameEn: item.nameEn,
        category: item.category,
        requesterId: principal.id,
        requestedForId: forId,
        description: dto.description ?? null,
        form: checked.answers,
        approvalPolicy: item.approvalPolicy,
        approverId,
        approvalGroupId: approvalGroup?.id ?? null,
        approvalGroupName: approvalGroup?.name ?? null,
        decidedById: null,
        fulfilmentGroupId: fulfilmentGroup?.id ?? null,
        cancelReason: null,
        submittedAt: at,
        approvalRequestedAt: null,
        approvedAt: null,
        rejectedAt: null,
        fulfilmentStartedAt: null,
        fulfilledAt: null,
        closedAt: null,
        cancelledAt: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      } satisfies ServiceRequestEntity);
      await this.requests.insertRequest(request, manager);
      const aggregate: RequestAggregate = { request, tasks: [], approval: null };
      const op: Operation = {
        manager,
        principal,
        at,
        aggregate,
        names: await this.namesFor([aggregate], manager),
        history: [],
        item,
      };
      await this.record(op, 'submitted', [], RequestSubmitted, { onBehalfOf: forId !== principal.id ? principal.id : null });
      if (item.approvalPolicy !== 'none') {
        await this.step(op, { type: 'request_approval' }, 'approval-requested', () => ({
          event: RequestApprovalRequested,
          detail: { policy: item.approvalPolicy, approverId, approvalGroupId: approvalGroup?.id ?? null },
        }));
      } else {
        await this.startFulfilment(op);
      }
      return this.finish(op);
    });
  }

  async list(query: ListServiceRequestsQueryDto, principal: Principal): Promise<Page<ServiceRequestSnapshot>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, { at: 'timestamp', id: 'uuid' });
    const caller = await this.callerOf(principal);
    const rows = await this.requests.find({
      scope: isRequestStaff(caller)
        ? { kind: 'all' }
        : { kind: 'own', userId: caller.id, approverGroupIds: [...caller.groupIds] },
      state: query.state,
      catalogItemId: query.catalogItemId,
      category: query.category,
      requesterId: query.requesterId,
      requestedForId: query.requestedForId,
      fulfilmentGroupId: query.fulfilmentGroupId,
      fulfilmentGroupIds: query.myGroups ? principal.groups.filter((g) => UUID.test(g)) : undefined,
      taskAssigneeId: query.taskAssigneeId,
      involving: query.mine ? principal.id : undefined,
      awaitingApprovalBy: query.awaitingMyApproval ? { userId: caller.id, groupIds: [...caller.groupIds] } : undefined,
      q: query.q,
      after: cursor ? { at: cursor.at, id: cursor.id } : undefined,
      limit,
    });
    const page = toPage(rows, limit, (r) => ({ at: r.submittedAt.toISOString(), id: r.id }));
    const aggregates = await this.requests.loadAggregates(page.items);
    const names = await this.namesFor(aggregates);
    return { items: aggregates.map((a) => toRequestSnapshot(a, names)), nextCursor: page.nextCursor };
  }

  async get(idOrNumber: string, principal: Principal): Promise<ServiceRequestSnapshot> {
    const aggregate = await this.visible(idOrNumber, principal);
    return toRequestSnapshot(aggregate, await this.namesFor([aggregate]));
  }

  approve(idOrNumber: string, principal: Principal, version: number | undefined, comment: string | null) {
    return this.decide('approve', idOrNumber, principal, version, comment);
  }

  reject(idOrNumber: string, principal: Principal, version: number | undefined, comment: string | null) {
    return this.decide('reject', idOrNumber, principal, version, comment);
  }

  /** Staff (routes check the role): fulfils now, skipping tasks still open. */
  fulfil(idOrNumber: string, principal: Principal, version: number | undefined): Promise<ServiceRequestSnapshot> {
    return this.act(
      idOrNumber,
      principal,
      version,
      () => undefined,
      BUMP,
      async (op) => {
        await this.step(op, { type: 'fulfil', actorId: principal.id }, 'fulfilled', (result) => ({
          event: RequestFulfilled,
          detail: { byTasks: false, skippedTaskIds: result.skippedTaskIds },
        }));
      },
    );
  }

  completeTask(idOrNumber: string, taskId: string, principal: Principal, version: number | undefined) {
    return this.act(
      idOrNumber,
      principal,
      version,
      () => undefined,
      BUMP,
      async (op) => {
        const result = await this.step(op, { type: 'complete_task', taskId, actorId: principal.id }, 'task-completed', (r) => {
          const task = r.facts.tasks.find((t) => t.id === taskId)!;
          return {
            event: RequestTaskCompleted,
            detail: {
              taskId,
              seq: task.seq,
              assigneeId: task.assigneeId,
              openTasks: r.facts.tasks.filter((t) => t.state === 'open').length,
            },
          };
        });
        if (result.fulfilledByTasks) {
          await this.record(op, 'fulfilled', [], RequestFulfilled, { byTasks: true, skippedTaskIds: [] });
        }
      },
    );
  }

  assignTask(idOrNumber: string, taskId: string, assigneeId: string | null, principal: Principal, version: number | undefined) {
    return this.act(
      idOrNumber,
      principal,
      version,
      () => undefined,
      BUMP,
      async (op) => {
        if (assigneeId !== null) {
          const user = await this.directory.findUser(assigneeId.toLowerCase(), op.manager);
          if (!user?.active)
            throw ServiceRequestException.badFields([{ field: 'assigneeId', reason: 'assigneeId must be an active user' }]);
        }
        const from = op.aggregate.tasks.find((t) => t.id === taskId)?.assigneeId ?? null;
        await this.step(
          op,
          { type: 'assign_task', taskId, assigneeId: assigneeId?.toLowerCase() ?? null },
          'task-assigned',
          (r) => {
            const task = r.facts.tasks.find((t) => t.id === taskId)!;
            return {
              event: RequestTaskAssigned,
              detail: { taskId, seq: task.seq, assigneeId: task.assigneeId, fromAssigneeId: from },
            };
          },
        );
      },
    );
  }

  /** The requester's confirmation (or staff on their word) closes a fulfilled request. */
  close(idOrNumber: string, principal: Principal, version: number | undefined): Promise<ServiceRequestSnapshot> {
    return this.act(
      idOrNumber,
      principal,
      version,
      (aggregate, caller) => {
        if (!isRequesterSide(caller, aggregate.request) && !isRequestStaff(caller))
          throw ServiceRequestException.forbidden('Only the requester or IT staff may close a request');
      },
      BUMP,
      async (op) => {
        await this.step(op, { type: 'close' }, 'closed', () => ({ event: RequestClosed, detail: { automatic: false } }));
      },
    );
  }

  cancel(idOrNumber: string, principal: Principal, version: number | undefined, reason: string) {
    return this.act(
      idOrNumber,
      principal,
      version,
      (aggregate, caller) => {
        if (!isRequesterSide(caller, aggregate.request) && !isRequestStaff(caller))
          throw ServiceRequestException.forbidden('Only the requester or IT staff may cancel a request');
      },
      BUMP,
      async (op) => {
        await this.step(
          op,
          { type: 'cancel', reason },
          'cancelled',
          () => ({ event: RequestCancelled, detail: { reason } }),
          reason,
        );
      },
    );
  }

  addComment(
    idOrNumber: string,
    principal: Principal,
    body: string,
    visibility: 'public' | 'work_note',
  ): Promise<RequestCommentDto> {
    if (visibility === 'work_note' && !canSeeWorkNotes(principal))
      throw ServiceRequestException.forbidden('Only IT staff may write work notes');
    let comment!: ServiceRequestCommentEntity;
    // A comment adds to the conversation without changing the request, so its version stays (no lost update to guard).
    return this.act(
      idOrNumber,
      principal,
      undefined,
      () => undefined,
      { bumpVersion: false },
      async (op) => {
        comment = Object.assign(new ServiceRequestCommentEntity(), {
          id: uuidv7(),
          requestId: op.aggregate.request.id,
          authorId: principal.id,
          visibility,
          body,
          createdAt: op.at,
        } satisfies ServiceRequestCommentEntity);
        await this.requests.insertComment(comment, op.manager);
        // The history says that a work note was written, never what it says.
        await this.record(
          op,
          visibility === 'work_note' ? WORK_NOTE_ACTION : 'commented',
          [],
          RequestCommented,
          { commentId: comment.id, visibility, authorId: principal.id, body },
          visibility === 'public' ? body : null,
        );
      },
    ).then(() => ({
      id: comment.id,
      authorId: comment.authorId,
      authorName: principal.name,
      visibility: comment.visibility,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
    }));
  }

  async comments(
    idOrNumber: string,
    principal: Principal,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<RequestCommentDto>> {
    const { request } = await this.visible(idOrNumber, principal);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(page.cursor, { at: 'timestamp', id: 'uuid' });
    const rows = await this.requests.comments(request.id, {
      withWorkNotes: canSeeWorkNotes(principal),
      after: cursor ?? undefined,
      limit,
    });
    const result = toPage(rows, limit, (c) => ({ at: c.createdAt.toISOString(), id: c.id }));
    const authors = await this.directory.findUsers([...new Set(result.items.map((c) => c.authorId))]);
    return {
      items: result.items.map((c) => ({
        id: c.id,
        authorId: c.authorId,
        authorName: authors.find((a) => a.id === c.authorId)?.displayName ?? null,
        visibility: c.visibility,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
      })),
      nextCursor: result.nextCursor,
    };
  }

  async history(
    idOrNumber: string,
    principal: Principal,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<RequestHistoryEntryDto>> {
    const { request } = await this.visible(idOrNumber, principal);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(page.cursor, { id: 'number' });
    const rows = await this.requests.history(request.id, {
      hideActions: canSeeWorkNotes(principal) ? [] : [WORK_NOTE_ACTION],
      afterId: cursor?.id,
      limit,
    });
    return toPage(
      rows,
      limit,
      (h) => ({ id: Number(h.id) }),
      (h) => ({
        id: String(h.id),
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

  // ---- the steps of an operation ----

  private decide(
    kind: 'approve' | 'reject',
    idOrNumber: string,
    principal: Principal,
    version: number | undefined,
    comment: string | null,
  ): Promise<ServiceRequestSnapshot> {
    let via: 'manager' | 'group' = 'manager';
    return this.act(
      idOrNumber,
      principal,
      version,
      (aggregate, caller) => {
        const capacity = approvalCapacity(caller, aggregate.request);
        if (!capacity) {
          throw ServiceRequestException.forbidden(
            aggregate.request.approvalPolicy === 'none'
              ? 'This request needs no approval'
              : aggregate.request.approvalPolicy === 'manager'
                ? 'Only the manager of the person the request is for may decide on it'
                : `Only a member of ${aggregate.request.approvalGroupName ?? 'the approving group'} may decide on it`,
          );
        }
        via = capacity;
      },
      BUMP,
      async (op) => {
        const decision = kind === 'approve' ? 'approved' : 'rejected';
        op.decision = Object.assign(new ServiceRequestApprovalEntity(), {
          id: uuidv7(),
          requestId: op.aggregate.request.id,
          decision,
          approverId: principal.id,
          via,
          approvalGroupId: via === 'group' ? op.aggregate.request.approvalGroupId : null,
          comment,
          decidedAt: op.at,
        } satisfies ServiceRequestApprovalEntity);
        op.aggregate = { ...op.aggregate, approval: op.decision };
        const detail = { approverId: principal.id, via, comment };
        if (kind === 'reject') {
          await this.step(
            op,
            { type: 'reject', approverId: principal.id },
            'rejected',
            () => ({ event: RequestRejected, detail }),
            comment,
          );
          return;
        }
        await this.step(
          op,
          { type: 'approve', approverId: principal.id },
          'approved',
          () => ({ event: RequestApproved, detail }),
          comment,
        );
        op.item = await this.catalog.findForFulfilment(op.aggregate.request.catalogItemId, op.manager);
        await this.startFulfilment(op);
      },
    );
  }

  /** Fulfilment tasks from the item's templates (read now: retired items still fulfil what was approved). */
  private async startFulfilment(op: Operation): Promise<void> {
    const templates = op.item?.taskTemplates ?? [];
    const ids = templates.map(() => uuidv7());
    const request = op.aggregate.request;
    const titles = new Map(ids.map((id, i) => [id, templates[i]]));
    await this.step(
      op,
      { type: 'start_fulfilment', tasks: ids.map((id, i) => ({ id, seq: i + 1, assigneeId: null })) },
      'fulfilment-started',
      () => ({ event: RequestFulfilmentStarted, detail: { fulfilmentGroupId: request.fulfilmentGroupId, taskIds: ids } }),
      null,
      (id, seq) =>
        Object.assign(new ServiceRequestTaskEntity(), {
          id,
          requestId: request.id,
          seq,
          titleJa: titles.get(id)?.titleJa ?? '',
          titleEn: titles.get(id)?.titleEn ?? '',
          state: 'open',
          groupId: request.fulfilmentGroupId,
          assigneeId: null,
          completedById: null,
          completedAt: null,
          createdAt: op.at,
        } satisfies ServiceRequestTaskEntity),
    );
  }

  /**
   * Loads and locks the request, checks visibility (404), permission (403) and version (409), bumps the
   * version once for the whole operation, runs it and writes everything in the same transaction.
   */
  private act(
    idOrNumber: string,
    principal: Principal,
    expectedVersion: number | undefined,
    authorize: (aggregate: RequestAggregate, caller: Caller) => void,
    options: { bumpVersion: boolean },
    run: (op: Operation) => Promise<void>,
  ): Promise<ServiceRequestSnapshot> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.findRequest(idOrNumber, manager, true);
      if (!request) throw ServiceRequestException.notFound(idOrNumber);
      const caller = await this.callerOf(principal, manager);
      if (!canSeeRequest(caller, request)) throw ServiceRequestException.notFound(idOrNumber);
      const loaded = await this.requests.loadAggregate(request, manager);
      authorize(loaded, caller);
      if (expectedVersion !== undefined && expectedVersion !== request.version)
        throw ServiceRequestException.staleVersion(expectedVersion, request.version);
      const at = new Date();
      const aggregate: RequestAggregate = {
        ...loaded,
        request: options.bumpVersion
          ? Object.assign(new ServiceRequestEntity(), request, { version: request.version + 1, updatedAt: at })
          : request,
      };
      const names = await this.namesFor([aggregate], manager, [principal.id]);
      const op: Operation = { manager, principal, at, aggregate, names, history: [] };
      await run(op);
      return this.finish(op);
    });
  }

  /** Applies one command: the facts change, a history row and an event (with the snapshot after it) are recorded. */
  private async step(
    op: Operation,
    command: RequestCommand,
    action: string,
    emit: (result: RequestTransitionResult) => { event: RequestEvent; detail: unknown },
    note: string | null = null,
    newTask: (id: string, seq: number) => ServiceRequestTaskEntity = () => {
      throw new Error(`${command.type} made a task without a template`);
    },
  ): Promise<RequestTransitionResult> {
    let result: RequestTransitionResult;
    try {
      result = applyRequestCommand(factsOf(op.aggregate), command, op.at);
    } catch (e) {
      if (e instanceof IllegalRequestTransitionError) throw ServiceRequestException.fromTransition(e);
      if (e instanceof UnknownTaskError) throw ServiceRequestException.taskNotFound(e.taskId);
      throw e;
    }
    op.aggregate = applyFacts(op.aggregate, result.facts, newTask);
    const { event, detail } = emit(result);
    await this.record(op, action, result.changes, event, detail, note);
    return result;
  }

  private async record(
    op: Operation,
    action: string,
    changes: RequestTransitionResult['changes'],
    event: RequestEvent,
    detail: unknown,
    note: string | null = null,
  ): Promise<void> {
    const actor = actorOf(op.principal);
    op.history.push({
      requestId: op.aggregate.request.id,
      at: op.at,
      actorId: op.principal.id,
      actorRole: actor.role,
      action,
      changes,
      note,
      version: op.aggregate.request.version,
    });
    await this.outbox.append(op.manager, {
      event,
      aggregateId: op.aggregate.request.id,
      payload: { request: toRequestSnapshot(op.aggregate, op.names), changes, detail },
      actor,
    });
  }

  /** Writes the request, its tasks, the decision and the history rows of the operation. */
  private async finish(op: Operation): Promise<ServiceRequestSnapshot> {
    const { request, tasks } = op.aggregate;
    await this.requests.updateRequest(request, op.manager);
    await this.requests.saveTasks(tasks, op.manager);
    if (op.decision) await this.requests.insertApproval(op.decision, op.manager);
    await this.requests.insertHistory(op.history, op.manager);
    return toRequestSnapshot(op.aggregate, op.names);
  }

  private async visible(idOrNumber: string, principal: Principal): Promise<RequestAggregate> {
    const request = await this.requests.findRequest(idOrNumber);
    if (!request || !canSeeRequest(await this.callerOf(principal), request)) throw ServiceRequestException.notFound(idOrNumber);
    return this.requests.loadAggregate(request);
  }

  /** The caller with every group they belong to: the token's and the directory copy's (member or supervisor). */
  private async callerOf(principal: Principal, manager?: EntityManager): Promise<Caller> {
    const directoryGroups = await this.directory.groupsOfUser(principal.id, manager);
    const groupIds = new Set([...principal.groups.filter((g) => UUID.test(g)), ...directoryGroups.map((g) => g.id)]);
    return { id: principal.id, roles: principal.roles, groupIds: [...groupIds] };
  }

  private async resolveGroup(
    id: string | null,
    name: string | null,
    manager: EntityManager,
  ): Promise<DirectoryGroupEntity | null> {
    const byId = id ? await this.directory.findGroup(id, manager) : null;
    if (byId) return byId;
    return name ? this.directory.findGroupByName(name, manager) : null;
  }

  private async namesFor(
    aggregates: RequestAggregate[],
    manager?: EntityManager,
    alsoUsers: string[] = [],
  ): Promise<RequestNames> {
    const userIds = new Set<string>(alsoUsers);
    const groupIds = new Set<string>();
    for (const { request, approval } of aggregates) {
      userIds.add(request.requesterId).add(request.requestedForId);
      if (request.approverId) userIds.add(request.approverId);
      if (approval) userIds.add(approval.approverId);
      if (request.fulfilmentGroupId) groupIds.add(request.fulfilmentGroupId);
    }
    const users = await this.directory.findUsers([...userIds], manager);
    const groups = await this.directory.findGroups([...groupIds], manager);
    return {
      users: new Map(users.map((u) => [u.id, { displayName: u.displayName, department: u.department }])),
      groups: new Map(groups.map((g) => [g.id, g.name])),
    };
  }
}

/** The actor of events and history: the caller's most specific role (an employee-manager approving is `employee`). */
function actorOf(principal: Principal): EventActor {
  return { id: principal.id, role: principal.roles.find((r) => r !== 'employee') ?? principal.roles[0] ?? 'employee' };
}
