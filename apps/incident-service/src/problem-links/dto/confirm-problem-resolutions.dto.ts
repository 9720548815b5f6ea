import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UUID_PATTERN } from '@helpdesk/contracts';
import { IsMultiLineText } from '@helpdesk/service-runtime';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** How many incidents one confirmation may name (each is its own transaction). */
export const MAX_CONFIRMED_INCIDENTS = 200;

const INCIDENT_REF = new RegExp(`^(${UUID_PATTERN.source.slice(1, -1)}|INC\\d{7,})$`, 'i');
const INCIDENT_REFS_MESSAGE = 'each of incidentIds must be an incident id (UUID) or number (INC0001234)';

export class ConfirmProblemResolutionsDto {
  @ApiProperty({
    type: [String],
    maxItems: MAX_CONFIRMED_INCIDENTS,
    description: 'Incidents whose proposed resolution you confirm: UUIDs or numbers (INC0001234)',
    example: ['INC0001234'],
  })
  @IsArray({ message: 'incidentIds must be an array of incident ids or numbers' })
  @ArrayNotEmpty({ message: 'incidentIds must name at least one incident' })
  @ArrayMaxSize(MAX_CONFIRMED_INCIDENTS, { message: `incidentIds may name at most ${MAX_CONFIRMED_INCIDENTS} incidents` })
  @IsString({ each: true, message: INCIDENT_REFS_MESSAGE })
  @Matches(INCIDENT_REF, { each: true, message: INCIDENT_REFS_MESSAGE })
  incidentIds: string[];

  @ApiPropertyOptional({
    maxLength: 10000,
    description: 'Resolution notes for every incident; default "Resolved by problem PRB…: <title>"',
  })
  @IsOptional()
  @IsString({ message: 'notes must be text' })
  @MaxLength(10_000)
  @IsMultiLineText()
  notes?: string;
}

export class ConfirmedIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INC0001234' }) number: string;
}

export class SkippedIncidentDto {
  @ApiProperty({ description: 'The incident id, or the value sent when no such incident was found' }) id: string;
  @ApiProperty({ nullable: true, type: String, description: 'Its number; null when not found' }) number: string | null;
  @ApiProperty({
    description:
      'Why it was left as it is: not proposed for resolution, already resolved, already closed, cancelled, not found, ' +
      'or what the incident rules refused',
    example: 'not proposed for resolution',
  })
  reason: string;
}

export class ProblemResolutionConfirmationDto {
  @ApiProperty({ type: [ConfirmedIncidentDto], description: 'Resolved now with code resolved_by_problem' })
  resolved: ConfirmedIncidentDto[];
  @ApiProperty({ type: [SkippedIncidentDto] })
  skipped: SkippedIncidentDto[];
}
