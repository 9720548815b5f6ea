import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalButNotNull } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsLabelText, TrimText } from '../../categories/dto/label-text.validator';
import { MAX_RULE_ORDER } from './create-routing-rule.dto';
import { RoutingConditionsInputDto } from './routing-conditions-input.dto';

/**
 * Only the fields sent change. Inside `conditions`, each list sent replaces that list (null or [] clears
 * it); lists not sent stay. Sending assignmentGroupId or assignmentGroupName replaces the target.
 */
export class UpdateRoutingRuleDto {
  @ApiPropertyOptional({ example: 1, description: 'The version you read (or send If-Match); a stale one gets 409' })
  @IsOptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_RULE_ORDER)
  order?: number;

  @ApiPropertyOptional({ description: 'False retires the rule (it stays listed but is not evaluated)' })
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: RoutingConditionsInputDto })
  @IsOptionalButNotNull()
  @IsObject({ message: 'conditions must be an object' })
  @ValidateNested()
  @Type(() => RoutingConditionsInputDto)
  conditions?: RoutingConditionsInputDto;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalButNotNull()
  @IsUUID('all')
  assignmentGroupId?: string;

  @ApiPropertyOptional({ example: 'Network' })
  @IsOptionalButNotNull()
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  assignmentGroupName?: string;
}
