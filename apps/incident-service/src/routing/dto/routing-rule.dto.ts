import { ApiProperty } from '@nestjs/swagger';

export class RoutingConditionsDto {
  @ApiProperty({ type: [String], example: ['network'] })
  categories: string[];

  @ApiProperty({ type: [String], example: [] })
  channels: string[];

  @ApiProperty({ type: [String], example: [] })
  callerDepartments: string[];

  @ApiProperty({ type: [String], example: ['VPN', 'リモート接続'] })
  keywords: string[];
}

/** The group a rule's target resolves to right now (null when it resolves to no group). */
export class RoutingTargetGroupDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Network' })
  name: string;

  @ApiProperty({ example: 'ネットワーク', nullable: true, type: String })
  nameJa: string | null;

  @ApiProperty({ enum: [1, 2] })
  tier: number;

  @ApiProperty({ description: 'An inactive group is skipped: the next matching rule, or the service desk, takes the incident' })
  active: boolean;
}

export class RoutingRuleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'VPN trouble → Network' })
  name: string;

  @ApiProperty({ example: 100, description: 'Evaluation order, lower first (ties by id)' })
  order: number;

  @ApiProperty({ description: 'Inactive rules are kept but not evaluated' })
  active: boolean;

  @ApiProperty({ type: RoutingConditionsDto })
  conditions: RoutingConditionsDto;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  assignmentGroupId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Set instead of assignmentGroupId: resolved by name when evaluated' })
  assignmentGroupName: string | null;

  @ApiProperty({ type: RoutingTargetGroupDto, nullable: true })
  assignmentGroup: RoutingTargetGroupDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;

  @ApiProperty({ description: 'Who made the last change (user id, or a system actor)' })
  changedBy: string;

  @ApiProperty({ example: 1, description: 'Optimistic lock: send it back (or as If-Match) when changing the rule' })
  version: number;
}
