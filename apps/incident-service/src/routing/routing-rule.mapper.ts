import { DirectoryGroupEntity } from '../directory/entities/directory-group.entity';
import { RoutingRuleDto } from './dto/routing-rule.dto';
import { RoutingRuleEntity } from './entities/routing-rule.entity';

export function toRoutingRuleDto(rule: RoutingRuleEntity, group: DirectoryGroupEntity | null): RoutingRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    order: rule.order,
    active: rule.active,
    conditions: {
      categories: rule.categories,
      channels: rule.channels,
      callerDepartments: rule.callerDepartments,
      keywords: rule.keywords,
    },
    assignmentGroupId: rule.assignmentGroupId,
    assignmentGroupName: rule.assignmentGroupName,
    assignmentGroup: group
      ? { id: group.id, name: group.name, nameJa: group.nameJa, tier: group.tier, active: group.active }
      : null,
    createdAt: rule.createdAt.toISOString(),
    changedAt: rule.changedAt.toISOString(),
    changedBy: rule.changedBy,
    version: rule.version,
  };
}
