import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ServiceRequestApprovalEntity } from './entities/service-request-approval.entity';
import { ServiceRequestCommentEntity } from './entities/service-request-comment.entity';
import { ServiceRequestHistoryEntity } from './entities/service-request-history.entity';
import { ServiceRequestTaskEntity } from './entities/service-request-task.entity';
import { ServiceRequestEntity } from './entities/service-request.entity';
import { UUID_PATTERN as UUID } from '@helpdesk/contracts';

const NUMBER = /^REQ\d{7,12}$/i;

/** Who the list is for: staff see every request, everyone else only their own and their approvals. */
export type RequestScope = { kind: 'all' } | { kind: 'own'; userId: string; approverGroupIds: string[] };

export interface RequestFilter {
  scope: RequestScope;
  state?: string;
  catalogItemId?: string;
  category?: string;
  requesterId?: string;
  requestedForId?: string;
  fulfilmentGroupId?: string;
  fulfilmentGroupIds?: string[];
  taskAssigneeId?: string;
  /** Requests submitted by or for this person. */
  involving?: string;
  /** Requests awaiting this person's decision (as manager, or a member of one of the groups). */
  awaitingApprovalBy?: { userId: string; groupIds: string[] };
  q?: string;
  after?: { at: string; id: string };
  limit: number;
}

export interface RequestAggregate {
  request: ServiceRequestEntity;
  tasks: ServiceRequestTaskEntity[];
  approval: ServiceRequestApprovalEntity | null;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function formatRequestNumber(n: number): string {
  return `REQ${String(n).padStart(7, '0')}`;
}

/** The only code that touches the service_request tables. */
@Injectable()
export class ServiceRequestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async nextNumber(manager: EntityManager): Promise<string> {
    const [row] = (await manager.query(`SELECT nextval('service_request_number_seq') AS n`)) as Array<{ n: string }>;
    return formatRequestNumber(Number(row.n));
  }

  /** By UUID or REQ number; null for anything else (a 404, never a 400 or a 500). */
  async findRequest(idOrNumber: string, manager?: EntityManager, lock = false): Promise<ServiceRequestEntity | null> {
    let where: { id: string } | { number: string };
    if (UUID.test(idOrNumber)) where = { id: idOrNumber.toLowerCase() };
    else if (NUMBER.test(idOrNumber)) where = { number: idOrNumber.toUpperCase() };
    else return null;
    return this.m(manager)
      .getRepository(ServiceRequestEntity)
      .findOne({ where, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async loadAggregate(request: ServiceRequestEntity, manager?: EntityManager): Promise<RequestAggregate> {
    const tasks = await this.m(manager)
      .getRepository(ServiceRequestTaskEntity)
      .find({ where: { requestId: request.id }, order: { seq: 'ASC' } });
    const approval = await this.m(manager).getRepository(ServiceRequestApprovalEntity).findOneBy({ requestId: request.id });
    return { request, tasks, approval };
  }

  /** Tasks and decisions of a page of requests, in two queries. */
  async loadAggregates(requests: ServiceRequestEntity[]): Promise<RequestAggregate[]> {
    if (requests.length === 0) return [];
    const ids = requests.map((r) => r.id);
    const tasks = await this.dataSource
      .getRepository(ServiceRequestTaskEntity)
      .createQueryBuilder('t')
      .where('t.request_id IN (:...ids)', { ids })
      .orderBy('t.seq', 'ASC')
      .getMany();
    const approvals = await this.dataSource
      .getRepository(ServiceRequestApprovalEntity)
      .createQueryBuilder('a')
      .where('a.request_id IN (:...ids)', { ids })
      .getMany();
    return requests.map((request) => ({
      request,
      tasks: tasks.filter((t) => t.requestId === request.id),
      approval: approvals.find((a) => a.requestId === request.id) ?? null,
    }));
  }

  async insertRequest(request: ServiceRequestEntity, manager: EntityManager): Promise<void> {
    // jsonb columns typed as `unknown` values defeat TypeORM's deep-partial type, not its behaviour.
    await manager.getRepository(ServiceRequestEntity).insert(request as QueryDeepPartialEntity<ServiceRequestEntity>);
  }

  async updateRequest(request: ServiceRequestEntity, manager: EntityManager): Promise<void> {
    const { id, ...fields } = request;
    await manager.getRepository(ServiceRequestEntity).update({ id }, fields as QueryDeepPartialEntity<ServiceRequestEntity>);
  }

  async saveTasks(tasks: ServiceRequestTaskEntity[], manager: EntityManager): Promise<void> {
    if (tasks.length) await manager.getRepository(ServiceRequestTaskEntity).save(tasks);
  }

  async insertApproval(approval: ServiceRequestApprovalEntity, manager: EntityManager): Promise<void> {
    await manager.getRepository(ServiceRequestApprovalEntity).insert(approval);
  }

  async insertComment(comment: ServiceRequestCommentEntity, manager: EntityManager): Promise<void> {
    await manager.getRepository(ServiceRequestCommentEntity).insert(comment);
  }

  async insertHistory(rows: Array<Omit<ServiceRequestHistoryEntity, 'id'>>, manager: EntityManager): Promise<void> {
    if (rows.length)
      await manager
        .getRepository(ServiceRequestHistoryEntity)
        .insert(rows as QueryDeepPartialEntity<ServiceRequestHistoryEntity>[]);
  }

  /** Comments in the order written; work notes only when asked for. Fetches limit + 1. */
  comments(
    requestId: string,
    opts: { withWorkNotes: boolean; after?: { at: string; id: string }; limit: number },
  ): Promise<ServiceRequestCommentEntity[]> {
    const qb = this.dataSource
      .getRepository(ServiceRequestCommentEntity)
      .createQueryBuilder('c')
      .where('c.request_id = :requestId', { requestId });
    if (!opts.withWorkNotes) qb.andWhere(`c.visibility = 'public'`);
    if (opts.after) qb.andWhere('(c.created_at, c.id) > (:at, :id)', opts.after);
    return qb
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(opts.limit + 1)
      .getMany();
  }

  /** History oldest first; `hideActions` leaves out entries the caller may not see. Fetches limit + 1. */
  history(
    requestId: string,
    opts: { hideActions: string[]; afterId?: number; limit: number },
  ): Promise<ServiceRequestHistoryEntity[]> {
    const qb = this.dataSource
      .getRepository(ServiceRequestHistoryEntity)
      .createQueryBuilder('h')
      .where('h.request_id = :requestId', { requestId });
    if (opts.hideActions.length) qb.andWhere('h.action NOT IN (:...hidden)', { hidden: opts.hideActions });
    if (opts.afterId !== undefined) qb.andWhere('h.id > :afterId', { afterId: opts.afterId });
    return qb
      .orderBy('h.id', 'ASC')
      .limit(opts.limit + 1)
      .getMany();
  }

  /** Newest first (submittedAt, id); fetches limit + 1 rows. */
  find(filter: RequestFilter): Promise<ServiceRequestEntity[]> {
    const qb = this.dataSource.getRepository(ServiceRequestEntity).createQueryBuilder('r');
    if (filter.scope.kind === 'own') {
      qb.andWhere(
        `(r.requester_id = :me OR r.requested_for_id = :me
          OR (r.approval_policy = 'manager' AND r.approver_id = :me)
          OR (r.approval_policy = 'group' AND r.approval_group_id = ANY(CAST(:myGroups AS uuid[]))))`,
        { me: filter.scope.userId, myGroups: filter.scope.approverGroupIds },
      );
    }
    if (filter.state) qb.andWhere('r.state = :state', { state: filter.state });
    if (filter.catalogItemId) qb.andWhere('r.catalog_item_id = :itemId', { itemId: filter.catalogItemId });
    if (filter.category) qb.andWhere('lower(r.category) = lower(:category)', { category: filter.category });
    if (filter.requesterId) qb.andWhere('r.requester_id = :requesterId', { requesterId: filter.requesterId });
    if (filter.requestedForId) qb.andWhere('r.requested_for_id = :forId', { forId: filter.requestedForId });
    if (filter.fulfilmentGroupId) qb.andWhere('r.fulfilment_group_id = :groupId', { groupId: filter.fulfilmentGroupId });
    if (filter.fulfilmentGroupIds)
      qb.andWhere('r.fulfilment_group_id = ANY(CAST(:groupIds AS uuid[]))', { groupIds: filter.fulfilmentGroupIds });
    if (filter.taskAssigneeId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM service_request_task t WHERE t.request_id = r.id AND t.state = 'open' AND t.assignee_id = :assignee)`,
        { assignee: filter.taskAssigneeId },
      );
    }
    if (filter.involving)
      qb.andWhere('(r.requester_id = :involving OR r.requested_for_id = :involving)', { involving: filter.involving });
    if (filter.awaitingApprovalBy) {
      // The same rule as approvalCapacity(): the named manager or a group member, never the requester side.
      qb.andWhere(
        `r.state = 'awaiting_approval' AND r.requester_id <> :approver AND r.requested_for_id <> :approver
         AND ((r.approval_policy = 'manager' AND r.approver_id = :approver)
           OR (r.approval_policy = 'group' AND r.approval_group_id = ANY(CAST(:approverGroups AS uuid[]))))`,
        { approver: filter.awaitingApprovalBy.userId, approverGroups: filter.awaitingApprovalBy.groupIds },
      );
    }
    if (filter.q) {
      const number = /^REQ\d+$/i.test(filter.q.trim());
      if (number) qb.andWhere('r.number LIKE :number', { number: `${filter.q.trim().toUpperCase()}%` });
      else
        qb.andWhere(`(r.catalog_item_name_ja || ' ' || r.catalog_item_name_en || ' ' || r.catalog_item_code) ILIKE :q`, {
          q: likePattern(filter.q.trim()),
        });
    }
    if (filter.after)
      qb.andWhere('(r.submitted_at, r.id) < (:afterAt, :afterId)', { afterAt: filter.after.at, afterId: filter.after.id });
    return qb
      .orderBy('r.submitted_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
  }
}
