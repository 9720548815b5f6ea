import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from './entities/audit-log.entity';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  /** Keyset: rows strictly older than this (occurredAt, id). */
  before?: { occurredAt: Date; id: string };
  limit: number;
}

/** The only code that touches audit_log. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: AuditLogEntity): Promise<void> {
    // jsonb columns typed as unknown trip QueryDeepPartialEntity; the entity is complete.
    await manager.insert(AuditLogEntity, row as never);
  }

  /** Newest first; fetches limit + 1 rows so the caller knows whether there is more. */
  find(filter: AuditFilter): Promise<AuditLogEntity[]> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.before) {
      qb.andWhere('(a.occurred_at, a.id) < (:beforeAt, :beforeId)', {
        beforeAt: filter.before.occurredAt,
        beforeId: filter.before.id,
      });
    }
    return qb
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
  }
}
