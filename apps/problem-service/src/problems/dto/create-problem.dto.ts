import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsShortStringList, IsSingleLine } from '@helpdesk/service-runtime';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLongText, IsOptionalUuid, IsPriority, IsProblemTitle, LONG_TEXT_MAX, TITLE_MAX } from './problem-fields';

export const INCIDENT_REFS_MAX = 200;

export class CreateProblemDto {
  @ApiProperty({ example: 'VPN が朝 9 時台に切断される', maxLength: TITLE_MAX })
  @IsProblemTitle()
  title: string;

  @ApiPropertyOptional({ maxLength: LONG_TEXT_MAX })
  @IsOptional()
  @IsLongText('description')
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 3, description: '1 critical … 5 planning' })
  @IsOptional()
  @IsPriority()
  priority?: number;

  @ApiPropertyOptional({ example: 'network', maxLength: 100 })
  @IsOptional()
  @IsString({ message: 'category must be a string' })
  @MaxLength(100)
  @IsSingleLine()
  category?: string;

  @ApiPropertyOptional({ type: [String], example: ['CI-00042'], description: 'Affected configuration items (up to 50)' })
  @IsOptional()
  @IsShortStringList('ciIds', 50, 100)
  ciIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The problem manager who owns it (default: you, if you are one)' })
  @IsOptionalUuid('ownerId')
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The group that works it' })
  @IsOptionalUuid('groupId')
  groupId?: string;

  @ApiPropertyOptional({
    type: [String],
    description: `Incidents to link at once (UUIDs or INC numbers, up to ${INCIDENT_REFS_MAX})`,
  })
  @IsOptional()
  @IsShortStringList('incidents', INCIDENT_REFS_MAX, 40)
  incidents?: string[];
}
