import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, HOLD_REASONS, INCIDENT_STATES } from '../domain/incident-state';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true }) name: string | null;
}

export class GroupRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true }) name: string | null;
  @ApiPropertyOptional({ nullable: true, description: '1 service desk, 2 specialists' }) tier: number | null;
}

export class SlaTimerDto {
  @ApiProperty({ enum: ['response', 'resolution'] }) timer: 'response' | 'resolution';
  @ApiProperty({ enum: ['running', 'paused', 'met', 'breached'] }) status: string;
  @ApiProperty() targetMinutes: number;
  @ApiProperty() calendarId: string;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ nullable: true }) dueAt: string | null;
  @ApiProperty() elapsedMs: number;
  @ApiProperty() remainingMs: number;
  @ApiProperty() percent: number;
  @ApiPropertyOptional({ nullable: true }) warningRaisedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) breachedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) stoppedAt: string | null;
}

/** IncidentSourceRecord of @helpdesk/contracts, for the OpenAPI document. */
export class IncidentSourceRecordDto {
  @ApiProperty({ example: 'servicenow' }) system: string;
  @ApiProperty({ example: 'servicenow:INC0000045' }) externalKey: string;
  @ApiProperty() reassignmentCount: number;
  @ApiProperty() reopenCount: number;
  @ApiPropertyOptional({ nullable: true, description: 'The source’s verdict on the resolution SLA (ServiceNow made_sla)' })
  resolutionSlaMet: boolean | null;
  @ApiPropertyOptional({ nullable: true, description: 'The source’s resolved_at; null when it recorded none' })
  resolvedAt: string | null;
}

export class IncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INC0001234' }) number: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: INCIDENT_STATES }) state: string;
  @ApiPropertyOptional({ enum: HOLD_REASONS, nullable: true }) holdReason: string | null;
  @ApiProperty({ type: PersonRefDto }) caller: PersonRefDto & { department: string | null };
  @ApiProperty({ format: 'uuid' }) openedById: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiPropertyOptional({ nullable: true }) category: string | null;
  @ApiPropertyOptional({ nullable: true }) subcategory: string | null;
  @ApiProperty() shortDescription: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: [1, 2, 3] }) impact: number;
  @ApiProperty({ enum: [1, 2, 3] }) urgency: number;
  @ApiProperty({ enum: [1, 2, 3, 4, 5], description: 'Derived from impact × urgency (1 critical … 5 planning)' })
  priority: number;
  @ApiPropertyOptional({ nullable: true }) ciId: string | null;
  @ApiPropertyOptional({ type: GroupRefDto, nullable: true }) assignmentGroup: GroupRefDto | null;
  @ApiPropertyOptional({ type: PersonRefDto, nullable: true }) assignee: PersonRefDto | null;
  @ApiPropertyOptional({ nullable: true }) resolutionCode: string | null;
  @ApiPropertyOptional({ nullable: true }) resolutionNotes: string | null;
  @ApiPropertyOptional({ nullable: true }) knowledgeArticleId: string | null;
  @ApiPropertyOptional({ nullable: true }) problemId: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Workaround from the linked known error' })
  workaround: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Set when the linked problem was resolved: confirm the resolution' })
  problemResolutionProposedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) resolvedById: string | null;
  @ApiPropertyOptional({ nullable: true }) cancelReason: string | null;
  @ApiProperty() reassignmentCount: number;
  @ApiProperty() reopenCount: number;
  @ApiProperty() firstContactClaimed: boolean;
  @ApiProperty() openedAt: string;
  @ApiPropertyOptional({ nullable: true }) firstResponseAt: string | null;
  @ApiPropertyOptional({ nullable: true }) assignedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) resolvedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) cancelledAt: string | null;
  @ApiPropertyOptional({ nullable: true }) responseDueAt: string | null;
  @ApiPropertyOptional({ nullable: true }) resolutionDueAt: string | null;
  @ApiProperty() responseBreached: boolean;
  @ApiProperty() resolutionBreached: boolean;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'live, or the system the history was imported from' }) source: string;
  @ApiPropertyOptional({
    type: IncidentSourceRecordDto,
    nullable: true,
    description: 'Imported incidents only: the source system’s own final record, which reports prefer over the replay',
  })
  sourceRecord: IncidentSourceRecordDto | null;
  @ApiProperty({ type: [String], description: 'Actions the state allows (the caller’s role may still refuse some)' })
  allowedActions: string[];
  @ApiPropertyOptional({ type: [SlaTimerDto], description: 'On GET /incidents/{id} only' })
  sla?: SlaTimerDto[];
}

export class IncidentHistoryEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiPropertyOptional({ nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ description: '[{ field, from, to }]' }) changes: Array<{ field: string; from: unknown; to: unknown }>;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiProperty() version: number;
}
