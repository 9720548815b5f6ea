import { CategoryDto, CategoryTreeDto } from './dto/category.dto';
import { HistoryEntryDto } from './dto/history-entry.dto';
import { CategoryEntity } from './entities/category.entity';
import { FieldChange } from './reference-change';

export function toCategoryDto(c: CategoryEntity): CategoryDto {
  const dot = c.code.indexOf('.');
  return {
    id: c.id,
    code: c.code,
    parentCode: dot < 0 ? null : c.code.slice(0, dot),
    nameJa: c.nameJa,
    nameEn: c.nameEn,
    active: c.active,
    firstLevelResolvable: c.firstLevelResolvable,
    sortOrder: c.sortOrder,
    createdAt: c.createdAt.toISOString(),
    changedAt: c.changedAt.toISOString(),
    changedBy: c.changedBy,
    version: c.version,
  };
}

export function toCategoryTreeDto(c: CategoryEntity, children: CategoryEntity[]): CategoryTreeDto {
  return { ...toCategoryDto(c), subcategories: children.map(toCategoryDto) };
}

/** A history row of either kind of reference data. */
export function toHistoryEntryDto(h: {
  id: string;
  at: Date;
  actorId: string;
  actorRole: string;
  action: string;
  changes: FieldChange[];
  version: number;
}): HistoryEntryDto {
  return {
    id: String(h.id),
    at: h.at.toISOString(),
    actorId: h.actorId,
    actorRole: h.actorRole,
    action: h.action,
    changes: h.changes,
    version: h.version,
  };
}
