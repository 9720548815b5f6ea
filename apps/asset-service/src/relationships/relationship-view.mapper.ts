import { CiEntity } from '../cis/entities/ci.entity';
import { ImpactItemDto } from './dto/impact.dto';
import { RelatedCiDto, RelationshipDto } from './dto/relationship.dto';
import { ImpactRow } from './impact.repository';
import { RelationshipRow } from './relationships.repository';

export function toRelatedCiDto(ci: Pick<CiEntity, 'id' | 'number' | 'name' | 'type' | 'state'>): RelatedCiDto {
  return { id: ci.id, number: ci.number, name: ci.name, type: ci.type, state: ci.state };
}

export function toRelationshipDto(row: RelationshipRow): RelationshipDto {
  return {
    id: row.id,
    type: row.type,
    direction: row.direction,
    sourceId: row.sourceId,
    targetId: row.targetId,
    ci: { id: row.otherId, number: row.otherNumber, name: row.otherName, type: row.otherType, state: row.otherState },
    createdAt: row.createdAt.toISOString(),
    createdById: row.createdById,
  };
}

export function toImpactItemDto(row: ImpactRow): ImpactItemDto {
  return { ...toRelatedCiDto(row), depth: row.depth, path: row.path.split(' ') };
}
