import { Injectable } from '@nestjs/common';
import type { CiState, CiType } from '@helpdesk/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CiRefKey, parseCiRef } from './ci-number';
import { CiHistoryEntity } from './entities/ci-history.entity';
import { CiEntity } from './entities/ci.entity';

/** The filters of GET /assets (and of the people's views, which fix the assignee). */
export interface CiListFilter {
  type?: CiType;
  state?: CiState;
  assignedToId?: string;
  department?: string;
  location?: string;
  /** Part of the name, number, asset tag or serial number (case-insensitive). */
  text?: string;
  /** YYYY-MM-DD: warranty ends before it. */
  warrantyBefore?: string;
}

/** Where a list page ends: the sort key (updatedAt, id) of its last CI. */
export interface CiListPosition {
  at: string;
  id: string;
}

/** The only place that reads and writes CI rows (CiWriter writes them on change). */
@Injectable()
export class CisRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By UUID or CI number; null for what cannot be or does not exist. */
  find(ref: string | CiRefKey, manager: EntityManager = this.dataSource.manager): Promise<CiEntity | null> {
    const key = typeof ref === 'string' ? parseCiRef(ref) : ref;
    return key ? manager.getRepository(CiEntity).findOneBy(key) : Promise.resolve(null);
  }

  /** The licence a licenceId names (UUID or CI number), or why it cannot be one (checkCiInput leaves this to callers). */
  async resolveLicence(ref: string, manager?: EntityManager): Promise<{ licence: CiEntity } | { reason: string }> {
    const ci = await this.find(ref, manager);
    if (!ci) return { reason: `does not name an existing CI (${ref})` };
    if (ci.type !== 'licence') return { reason: `must name a licence; ${ci.number} is a ${ci.type}` };
    return { licence: ci };
  }

  /** Locked for the rest of the transaction: concurrent changes of one CI queue up. */
  findForUpdate(manager: EntityManager, ref: string | CiRefKey): Promise<CiEntity | null> {
    const key = typeof ref === 'string' ? parseCiRef(ref) : ref;
    return key
      ? manager.getRepository(CiEntity).findOne({ where: key, lock: { mode: 'pessimistic_write' } })
      : Promise.resolve(null);
  }

  /** One page, latest change first, fetched with one extra row (toPage). */
  list(
    filter: CiListFilter,
    after: CiListPosition | null,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CiEntity[]> {
    const qb = this.filtered(manager, filter);
    if (after) qb.andWhere('(c.updated_at, c.id) < (:at, :id)', { at: after.at, id: after.id });
    return qb
      .orderBy('c.updated_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  /**
   * Opens a server-side cursor over the filtered list in list order, at most `max` CIs, in the caller's
   * transaction: sorted once however many batches are read (fetchFromCursor). Rows come back shaped as
   * CiEntity (dates as YYYY-MM-DD text, as the entity has them), without the cost of hydrating entities.
   */
  async openListCursor(manager: EntityManager, name: string, filter: CiListFilter, max: number): Promise<void> {
    const qb = this.filtered(manager, filter);
    qb.select([]);
    for (const column of manager.connection.getMetadata(CiEntity).columns) {
      qb.addSelect(`c.${column.databaseName}${column.type === 'date' ? '::text' : ''}`, column.propertyName);
    }
    const [sql, parameters] = qb.orderBy('c.updated_at', 'DESC').addOrderBy('c.id', 'DESC').limit(max).getQueryAndParameters();
    await manager.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, parameters);
  }

  /** The next CIs of a cursor opened by openListCursor, in its order; empty at its end. */
  async fetchFromCursor(manager: EntityManager, name: string, count: number): Promise<CiEntity[]> {
    const rows: object[] = await manager.query(`FETCH ${Math.trunc(count)} FROM ${name}`);
    return rows.map((row) => Object.assign(new CiEntity(), row));
  }

  count(filter: CiListFilter, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return this.filtered(manager, filter).getCount();
  }

  /** A CI's history, newest first, fetched with one extra row (toPage). */
  history(ciId: string, beforeId: string | null, limit: number): Promise<CiHistoryEntity[]> {
    const qb = this.dataSource.getRepository(CiHistoryEntity).createQueryBuilder('h').where('h.ci_id = :ciId', { ciId });
    if (beforeId) qb.andWhere('h.id < :beforeId', { beforeId });
    return qb
      .orderBy('h.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  private filtered(manager: EntityManager, filter: CiListFilter): SelectQueryBuilder<CiEntity> {
    const qb = manager.getRepository(CiEntity).createQueryBuilder('c');
    if (filter.type) qb.andWhere('c.type = :type', { type: filter.type });
    if (filter.state) qb.andWhere('c.state = :state', { state: filter.state });
    if (filter.assignedToId) qb.andWhere('c.assigned_to_id = :assignedToId', { assignedToId: filter.assignedToId });
    if (filter.department) qb.andWhere('c.department = :department', { department: filter.department });
    if (filter.location) qb.andWhere('c.location = :location', { location: filter.location });
    if (filter.warrantyBefore) qb.andWhere('c.warranty_end < :warrantyBefore', { warrantyBefore: filter.warrantyBefore });
    if (filter.text) {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        '(c.name ILIKE :pattern OR c.number ILIKE :pattern OR c.asset_tag ILIKE :pattern OR c.serial_number ILIKE :pattern)',
        { pattern },
      );
    }
    return qb;
  }
}
