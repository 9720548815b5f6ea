import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMultiLineText, IsNotBlank, IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CHANNELS, Channel, RESOLUTION_CODES, ResolutionCode } from '../domain/incident-state';

export class FirstContactResolutionDto {
  @ApiProperty({ enum: RESOLUTION_CODES })
  @IsIn(RESOLUTION_CODES, { message: `resolutionCode must be one of ${RESOLUTION_CODES.join(', ')}` })
  resolutionCode: ResolutionCode;

  @ApiProperty({ example: 'Reset the password with the caller on the phone' })
  @IsString()
  @IsNotBlank()
  @MaxLength(10_000)
  @IsMultiLineText()
  resolutionNotes: string;

  @ApiPropertyOptional({ description: 'Knowledge article that solved it (KB number or id)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsSingleLine()
  knowledgeArticleId?: string;
}

export class CreateIncidentDto {
  @ApiProperty({ example: 'VPNに接続できない', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  @IsSingleLine()
  shortDescription: string;

  @ApiPropertyOptional({ example: '自宅から VPN に接続すると「認証に失敗しました」と表示されます。', maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  @IsMultiLineText()
  description?: string;

  @ApiPropertyOptional({ description: 'Category code (GET /categories)', example: 'network' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  category?: string;

  @ApiPropertyOptional({ example: 'network.vpn' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  subcategory?: string;

  @ApiPropertyOptional({ enum: [1, 2, 3], description: '1 high (many users), 2 medium (a team), 3 low (one person); default 3' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'impact must be 1, 2 or 3' })
  @Min(1, { message: 'impact must be 1, 2 or 3' })
  @Max(3, { message: 'impact must be 1, 2 or 3' })
  impact?: 1 | 2 | 3;

  @ApiPropertyOptional({ enum: [1, 2, 3], description: '1 high (work stopped), 2 medium (degraded), 3 low; default 3' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'urgency must be 1, 2 or 3' })
  @Min(1, { message: 'urgency must be 1, 2 or 3' })
  @Max(3, { message: 'urgency must be 1, 2 or 3' })
  urgency?: 1 | 2 | 3;

  @ApiPropertyOptional({ description: 'Configuration item (CI id or CI-00042)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsSingleLine()
  ciId?: string;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'Employees always open on the portal; staff default to phone' })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: the person with the problem (default: yourself)' })
  @IsOptional()
  @IsUUID('all', { message: 'callerId must be a UUID' })
  callerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: overrides routing' })
  @IsOptional()
  @IsUUID('all', { message: 'assignmentGroupId must be a UUID' })
  assignmentGroupId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: a member of the assignment group' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string;

  @ApiPropertyOptional({
    type: FirstContactResolutionDto,
    description: 'Agents logging a live contact (phone, chat, walk-in): resolve it at once and tick "resolved at first contact"',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FirstContactResolutionDto)
  resolveAtFirstContact?: FirstContactResolutionDto;

  @ApiPropertyOptional({ description: 'Set by the portal when the employee saw knowledge suggestions first' })
  @IsOptional()
  @IsBoolean()
  suggestionsShown?: boolean;
}
