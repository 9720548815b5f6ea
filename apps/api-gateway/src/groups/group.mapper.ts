import { GroupSnapshot } from '@helpdesk/contracts';
import { GroupDto } from './dto/group.dto';
import { GroupEntity } from './entities/group.entity';

export function toGroupDto(group: GroupEntity, memberIds: string[]): GroupDto {
  return {
    id: group.id,
    name: group.name,
    nameJa: group.nameJa,
    description: group.description,
    tier: group.tier,
    supervisorId: group.supervisorId,
    memberIds: [...memberIds],
    active: group.active,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
    version: group.version,
  };
}

export function toGroupSnapshot(group: GroupEntity, memberIds: string[]): GroupSnapshot {
  return {
    id: group.id,
    name: group.name,
    nameJa: group.nameJa,
    tier: group.tier,
    supervisorId: group.supervisorId,
    memberIds: [...memberIds],
    active: group.active,
  };
}
