import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsLabelText, TrimText } from '../../categories/dto/label-text.validator';
import { RoutingConditionsInputDto } from './routing-conditions-input.dto';

export const MAX_RULE_ORDER = 1_000_000;

export class CreateRoutingRuleDto {
  @ApiProperty({ example: 'VPN trouble → Network' })
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  name: string;

  @ApiPropertyOptional({ example: 100, description: 'Evaluation order, lower first; default: after the last rule' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_RULE_ORDER)
  order?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ type: RoutingConditionsInputDto, description: 'At least one condition' })
  @IsObject({ message: 'conditions must be an object' })
  @ValidateNested()
  @Type(() => RoutingConditionsInputDto)
  conditions: RoutingConditionsInputDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'The target group (or give assignmentGroupName)' })
  @IsOptional()
  @IsUUID('all')
  assignmentGroupId?: string;

  @ApiPropertyOptional({
    example: 'Network',
    description: 'The target group by name, resolved in the directory when the rule is evaluated',
  })
  @IsOptional()
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  assignmentGroupName?: string;
}
