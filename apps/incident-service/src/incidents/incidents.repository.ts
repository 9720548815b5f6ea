import { Injectable } from '@nestjs/common';
import { EntityRows } from '@helpdesk/database';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ListScope } from './incident-access.policy';
import { IncidentAttachmentContentEntity, IncidentAttachmentEntity } from './entities/incident-attachment.entity';
import { IncidentCommentEntity } from './entities/incident-comment.entity';
import { IncidentHistoryEntity } from './entities/incident-history.entity';
import { IncidentSatisfactionEntity } from './entities/incident-satisfaction.entity';
import { IncidentEntity } from './entities/incident.entity';

export interface IncidentListFilter {
  states?: string[];
  priorities?: number[];
  groupIds?: string[];
  assignee?: string | 'none';
  callerId?: string;
  category?: string;
  channel?: string;
  q?: string;
  breached?: boolean;
  slaDueBefore?: Date;
  problemId?: string;
  /** Open incidents with a resolution proposed by their problem (true), or all others (false). */
  problemResolutionProposed?: boolean;
  sort: 'opened' | 'slaDue';
}

export type IncidentRef = { id: string } | { number: string };

/** The only code that touches the incident tables. */
@Injectable()
export class IncidentsRepository {
  private readonly rows: EntityRows<IncidentEntity>;
  private readonly historyRows: EntityRows<IncidentHistoryEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new EntityRows(dataSource, IncidentEntity);
    this.historyRows = new EntityRows(dataSource, IncidentHistoryEntity);
  }

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  insert(manager: EntityManager, incident: IncidentEntity): Promise<void> {
    return this.rows.insert(incident, manager);
  }

  /** Writes every column of the row; the caller holds its lock (findForUpdate) and bumped version. */
  async update(manager: EntityManager, incident: IncidentEntity): Promise<void> {
    const { id, ...columns } = incident;
    await manager.update(IncidentEntity, { id }, columns);
  }

  find(ref: IncidentRef, manager?: EntityManager): Promise<IncidentEntity | null> {
    return 'id' in ref ? this.rows.findOneBy('id', ref.id, manager) : this.rows.findOneBy('number', ref.number, manager);
  }

  /** Locks the row for the rest of the transaction, so concurrent changes apply one after the other. */
  findForUpdate(manager: EntityManager, ref: IncidentRef): Promise<IncidentEntity | null> {
    return manager
      .createQueryBuilder(IncidentEntity, 'i')
      .setLock('pessimistic_write')
      .where('id' in ref ? 'i.id = :id' : 'i.number = :number', ref)
      .getOne();
  }

  findByExternalKey(manager: EntityManager, source: string, externalKey: string): Promise<IncidentEntity | null> {
    return manager.findOneBy(IncidentEntity, { source, externalKey });
  }

  async list(
    filter: IncidentListFilter,
    scope: ListScope,
    after: { key: string; id: string } | null,
    limit: number,
  ): Promise<IncidentEntity[]> {
    const qb = this.dataSource.manager.createQueryBuilder(IncidentEntity, 'i');
    this.applyScope(qb, scope);
    this.applyFilter(qb, filter);
    if (filter.sort === 'slaDue') {
      const key = `COALESCE(i.resolution_due_at, 'infinity'::timestamptz)`;
      if (after) qb.andWhere(`(${key}, i.id) > (:afterKey::timestamptz, :afterId)`, { afterKey: after.key, afterId: after.id });
      qb.orderBy(key, 'ASC').addOrderBy('i.id', 'ASC');
    } else {
      if (after)
        qb.andWhere('(i.opened_at, i.id) < (:afterKey::timestamptz, :afterId)', { afterKey: after.key, afterId: after.id });
      qb.orderBy('i.opened_at', 'DESC').addOrderBy('i.id', 'DESC');
    }
    return qb.limit(limit + 1).getMany();
  }

  private applyScope(qb: SelectQueryBuilder<IncidentEntity>, scope: ListScope): void {
    if (scope.kind === 'caller') qb.andWhere('i.caller_id = :scopeCaller', { scopeCaller: scope.callerId });
    if (scope.kind === 'queue') {
      const breached = scope.includeBreached ? ' OR i.response_breached OR i.resolution_breached' : '';
      qb.andWhere(`(i.assignment_group_id = ANY(:scopeGroups) OR i.assignee_id = :scopeAssignee${breached})`, {
        scopeGroups: scope.groupIds,
        scopeAssignee: scope.assigneeId,
      });
    }
  }

  private applyFilter(qb: SelectQueryBuilder<IncidentEntity>, f: IncidentListFilter): void {
    if (f.states?.length) qb.andWhere('i.state = ANY(:states)', { states: f.states });
    if (f.priorities?.length) qb.andWhere('i.priority = ANY(:priorities)', { priorities: f.priorities });
    if (f.groupIds?.length) qb.andWhere('i.assignment_group_id = ANY(:groupIds)', { groupIds: f.groupIds });
    if (f.assignee === 'none') qb.andWhere('i.assignee_id IS NULL');
    else if (f.assignee) qb.andWhere('i.assignee_id = :assignee', { assignee: f.assignee });
    if (f.callerId) qb.andWhere('i.caller_id = :callerId', { callerId: f.callerId });
    if (f.category) qb.andWhere('(i.category = :category OR i.subcategory = :category)', { category: f.category });
    if (f.channel) qb.andWhere('i.channel = :channel', { channel: f.channel });
    if (f.problemId) qb.andWhere('i.problem_id = :problemId', { problemId: f.problemId });
    if (f.problemResolutionProposed !== undefined) {
      const proposed = `(i.problem_resolution_proposed_at IS NOT NULL AND i.state IN ('new','assigned','in_progress','on_hold'))`;
      qb.andWhere(f.problemResolutionProposed ? proposed : `NOT ${proposed}`);
    }
    if (f.breached !== undefined) {
      qb.andWhere(
        f.breached ? '(i.response_breached OR i.resolution_breached)' : 'NOT (i.response_breached OR i.resolution_breached)',
      );
    }
    if (f.slaDueBefore) {
      qb.andWhere(`i.state IN ('new','assigned','in_progress','on_hold') AND i.resolution_due_at < :due`, {
        due: f.slaDueBefore,
      });
    }
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(i.short_description ILIKE :like OR i.description ILIKE :like OR i.number = :qUpper)', {
        like,
        qUpper: f.q.toUpperCase(),
      });
    }
  }

  addHistory(manager: EntityManager, entry: Omit<IncidentHistoryEntity, 'id'>): Promise<void> {
    return this.historyRows.insert(Object.assign(new IncidentHistoryEntity(), entry), manager);
  }

  history(incidentId: string, afterId: string | null, limit: number, includeWorkNotes: boolean) {
    const qb = this.dataSource.manager
      .createQueryBuilder(IncidentHistoryEntity, 'h')
      .where('h.incident_id = :incidentId', { incidentId });
    if (!includeWorkNotes) qb.andWhere(`h.action <> 'work_note'`);
    if (afterId) qb.andWhere('h.id > :afterId', { afterId });
    return qb
      .orderBy('h.id', 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  async addComment(manager: EntityManager, comment: IncidentCommentEntity): Promise<void> {
    await manager.insert(IncidentCommentEntity, comment);
  }

  findComment(incidentId: string, id: string, manager?: EntityManager): Promise<IncidentCommentEntity | null> {
    return this.m(manager).findOneBy(IncidentCommentEntity, { incidentId, id });
  }

  comments(incidentId: string, includeWorkNotes: boolean, after: { at: string; id: string } | null, limit: number) {
    const qb = this.dataSource.manager
      .createQueryBuilder(IncidentCommentEntity, 'c')
      .where('c.incident_id = :incidentId', { incidentId });
    if (!includeWorkNotes) qb.andWhere(`c.visibility = 'public'`);
    if (after) qb.andWhere('(c.created_at, c.id) > (:at::timestamptz, :id)', after);
    return qb
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  async addAttachment(manager: EntityManager, meta: IncidentAttachmentEntity, content: Buffer): Promise<void> {
    await manager.insert(IncidentAttachmentEntity, meta);
    await manager.insert(IncidentAttachmentContentEntity, { attachmentId: meta.id, content });
  }

  attachments(incidentId: string, includeWorkNotes: boolean): Promise<IncidentAttachmentEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(IncidentAttachmentEntity, 'a')
      .where('a.incident_id = :incidentId', { incidentId });
    if (!includeWorkNotes) qb.andWhere(`a.visibility = 'public'`);
    return qb.orderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').getMany();
  }

  findAttachment(incidentId: string, id: string): Promise<IncidentAttachmentEntity | null> {
    return this.dataSource.manager.findOneBy(IncidentAttachmentEntity, { incidentId, id });
  }

  async attachmentContent(id: string): Promise<Buffer | null> {
    const row = await this.dataSource.manager.findOneBy(IncidentAttachmentContentEntity, { attachmentId: id });
    return row?.content ?? null;
  }

  async addSatisfaction(manager: EntityManager, answer: IncidentSatisfactionEntity): Promise<void> {
    await manager.insert(IncidentSatisfactionEntity, answer);
  }

  satisfaction(incidentId: string): Promise<IncidentSatisfactionEntity | null> {
    return this.dataSource.manager.findOneBy(IncidentSatisfactionEntity, { incidentId });
  }

  /** Resolved incidents past the auto-close period, locked for this replica only (SKIP LOCKED). */
  claimAutoClosable(manager: EntityManager, resolvedBefore: Date, limit: number): Promise<IncidentEntity[]> {
    return manager
      .createQueryBuilder(IncidentEntity, 'i')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`i.state = 'resolved' AND i.resolved_at < :before`, { before: resolvedBefore })
      .orderBy('i.resolved_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  openByProblem(manager: EntityManager, problemId: string): Promise<IncidentEntity[]> {
    return manager
      .createQueryBuilder(IncidentEntity, 'i')
      .setLock('pessimistic_write')
      .where(`i.problem_id = :problemId AND i.state IN ('new','assigned','in_progress','on_hold')`, { problemId })
      .getMany();
  }
}
