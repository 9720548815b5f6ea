import { Injectable } from '@nestjs/common';
import { RequestContext } from '@helpdesk/observability';
import { decodeCursor, Page, toPage } from '@helpdesk/service-runtime';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Actor } from './actor';
import { AuditAction, AuditEntityType } from './audit-action';
import { AuditRepository } from './audit.repository';
import { AuditEntryDto } from './dto/audit-entry.dto';
import { ListAuditQueryDto } from './dto/list-audit.query.dto';
import { AuditLogEntity, FieldChange } from './entities/audit-log.entity';

export interface AuditRecord {
  action: AuditAction;
  /** null for an anonymous caller (e.g. a failed login). */
  actor: Actor | null;
  entityType: AuditEntityType;
  entityId: string | null;
  changes?: FieldChange[];
  context?: Record<string, unknown>;
}

const DEFAULT_LIMIT = 50;

/** Writes audit rows inside the caller's transaction, and lists them for admins. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Call inside the transaction of the change, so the change and its audit row commit together. */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const row = Object.assign(new AuditLogEntity(), {
      id: uuidv7(),
      occurredAt: new Date(),
      actorId: record.actor?.id ?? null,
      actorRole: record.actor?.role ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      changes: record.changes ?? [],
      context: record.context ?? {},
      correlationId: RequestContext.correlationId() ?? null,
    });
    await this.repository.insert(manager, row);
  }

  async list(query: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const cursor = decodeCursor(query.cursor, { at: 'timestamp', id: 'uuid' });
    const rows = await this.repository.find({
      entityType: query.entityType,
      entityId: query.entityId,
      action: query.action,
      actorId: query.actorId,
      before: cursor ? { occurredAt: new Date(String(cursor.at)), id: String(cursor.id) } : undefined,
      limit,
    });
    return toPage(rows, limit, (r) => ({ at: r.occurredAt.toISOString(), id: r.id }), toAuditEntryDto);
  }
}

export function toAuditEntryDto(row: AuditLogEntity): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: row.changes,
    context: row.context,
    correlationId: row.correlationId,
  };
}
