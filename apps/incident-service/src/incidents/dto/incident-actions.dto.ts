import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsMultiLineText, IsNotBlank, IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  CANCEL_REASONS,
  CancelReason,
  HOLD_REASONS,
  HoldReason,
  RESOLUTION_CODES,
  ResolutionCode,
} from '../domain/incident-state';

/** Every lifecycle action takes the version the caller read (or If-Match) and an optional note. */
export class IncidentActionDto {
  @ApiPropertyOptional({ description: 'The version you read (or send If-Match); a stale one is a 409' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  version?: number;

  @ApiPropertyOptional({ description: 'Why (kept in the history)', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsMultiLineText()
  note?: string;
}

export class AssignIncidentDto extends IncidentActionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'assignmentGroupId must be a UUID' })
  assignmentGroupId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A member of the group; omit to leave it in the group queue' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string;
}

export class HoldIncidentDto extends IncidentActionDto {
  @ApiProperty({ enum: HOLD_REASONS, description: 'awaiting_user and awaiting_vendor stop the SLA clock' })
  @IsIn(HOLD_REASONS, { message: `reason must be one of ${HOLD_REASONS.join(', ')}` })
  reason: HoldReason;
}

export class ResolveIncidentDto extends IncidentActionDto {
  @ApiProperty({ enum: RESOLUTION_CODES })
  @IsIn(RESOLUTION_CODES, { message: `resolutionCode must be one of ${RESOLUTION_CODES.join(', ')}` })
  resolutionCode: ResolutionCode;

  @ApiProperty({ maxLength: 10000 })
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

export class CancelIncidentDto extends IncidentActionDto {
  @ApiProperty({ enum: CANCEL_REASONS })
  @IsIn(CANCEL_REASONS, { message: `reason must be one of ${CANCEL_REASONS.join(', ')}` })
  reason: CancelReason;
}

export const ESCALATION_KINDS = ['functional', 'hierarchical'] as const;

export class EscalateIncidentDto extends IncidentActionDto {
  @ApiProperty({
    enum: ESCALATION_KINDS,
    description: 'functional: to a tier 2 group (a reassignment); hierarchical: notify the group supervisor',
  })
  @IsIn(ESCALATION_KINDS, { message: 'kind must be functional or hierarchical' })
  kind: (typeof ESCALATION_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'functional only: the tier 2 group' })
  @IsOptional()
  @IsUUID('all', { message: 'assignmentGroupId must be a UUID' })
  assignmentGroupId?: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  @IsMultiLineText()
  reason: string;
}

export class SatisfactionDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1, { message: 'rating must be a whole number from 1 to 5' })
  @Max(5, { message: 'rating must be a whole number from 1 to 5' })
  rating: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsMultiLineText()
  comment?: string;
}
