import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_STATES, ProblemState } from '@helpdesk/contracts';
import { PROBLEM_ACTIONS, ProblemAction } from '../domain/problem-lifecycle';

export class TimelineEntryViewDto {
  @ApiProperty() at: string;
  @ApiProperty() note: string;
}

export class RootCauseAnalysisDto {
  @ApiPropertyOptional({ nullable: true }) symptoms: string | null;
  @ApiProperty({ type: [TimelineEntryViewDto] }) timeline: TimelineEntryViewDto[];
  @ApiPropertyOptional({ nullable: true }) rootCause: string | null;
  @ApiProperty({ type: [String] }) contributingFactors: string[];
  @ApiProperty({ type: [String] }) fiveWhys: string[];
}

export class ProblemSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PRB0000007' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROBLEM_STATES }) state: ProblemState;
  @ApiProperty({ minimum: 1, maximum: 5 }) priority: number;
  @ApiPropertyOptional({ nullable: true }) category: string | null;
  @ApiProperty({ type: [String] }) ciIds: string[];
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) ownerId: string | null;
  @ApiPropertyOptional({ nullable: true }) ownerName: string | null;
  @ApiProperty({ description: 'Incidents linked now' }) linkedIncidentCount: number;
  @ApiProperty({ description: 'Linked incidents not yet resolved, closed or cancelled' }) openIncidentCount: number;
  @ApiProperty({ enum: ['manual', 'candidate', 'import'] }) origin: string;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProblemDto extends ProblemSummaryDto {
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['ja', 'en'] }) language: string;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) groupId: string | null;
  @ApiPropertyOptional({ nullable: true }) groupName: string | null;
  @ApiProperty({ type: RootCauseAnalysisDto }) rca: RootCauseAnalysisDto;
  @ApiPropertyOptional({ nullable: true }) workaround: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'When it was first published as a known error' })
  knownErrorAt: string | null;
  @ApiPropertyOptional({ nullable: true }) resolutionNotes: string | null;
  @ApiPropertyOptional({ nullable: true }) resolveLinkedIncidents: boolean | null;
  @ApiPropertyOptional({ nullable: true }) resolvedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) closeNotes: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) candidateId: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The source system\u2019s reference of an imported problem' })
  externalKey: string | null;
  @ApiProperty({ enum: PROBLEM_ACTIONS, isArray: true, description: 'What a problem manager may do next' })
  allowedActions: ProblemAction[];
}

export class ProblemHistoryEntryDto {
  @ApiProperty() at: string;
  @ApiProperty() actorId: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ example: 'known-error' }) action: string;
  @ApiProperty() problemVersion: number;
  @ApiProperty({ description: '[{ field, from, to }] (long texts show as "…")' }) changes: Array<{
    field: string;
    from: unknown;
    to: unknown;
  }>;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
}
