import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportProblemDto {
  @ApiProperty({ description: 'CSV row (header = row 1)' }) row: number;
  @ApiPropertyOptional({ description: 'The column, when one is at fault' }) field?: string;
  @ApiProperty() reason: string;
}

export class ImportProgressDto {
  @ApiProperty() incidentsDone: number;
  @ApiProperty() incidentsTotal: number;
  @ApiProperty({ description: 'Whole percent; 100 once the job succeeded' }) percent: number;
}

export class ImportCountsDto {
  @ApiProperty({ description: 'Data rows of the file' }) rows: number;
  @ApiProperty({ description: 'Incidents in the file (distinct numbers)' }) incidentsTotal: number;
  @ApiProperty() incidentsCreated: number;
  @ApiProperty({ description: 'Already imported before: left as they are' }) incidentsUnchanged: number;
  @ApiProperty({ description: 'Left out: each has a problem saying why' }) incidentsSkipped: number;
  @ApiProperty({ description: 'incident.* events written (through the outbox)' }) eventsWritten: number;
  @ApiProperty({ description: 'Lifecycle steps replayed' }) steps: number;
}

export class ImportJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['servicenow-incidents'] }) kind: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) state: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty() fileName: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) sha256: string;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({
    description: 'Where the replay could not follow the file, by kind (priority_differs, reassignment_count_differs, …)',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  deviations: Record<string, number>;
  @ApiProperty({ type: [ImportProblemDto], description: 'The first 1000 problems' }) problems: ImportProblemDto[];
  @ApiProperty({ description: 'All problems found' }) problemCount: number;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true }) startedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) finishedAt: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Why the job failed' }) error: string | null;
}

export class ImportDryRunCountsDto {
  @ApiProperty() rows: number;
  @ApiProperty() incidentsTotal: number;
  @ApiProperty({ description: 'Would be created' }) incidentsToCreate: number;
  @ApiProperty({ description: 'Already imported: would be left as they are' }) incidentsUnchanged: number;
  @ApiProperty({ description: 'Would be left out (each has a problem)' }) incidentsSkipped: number;
  @ApiProperty({ description: 'Lifecycle steps of the incidents to create' }) steps: number;
  @ApiProperty({ description: 'Events the incidents to create would write' }) events: number;
}

export class ImportDryRunDto {
  @ApiProperty({ enum: [true] }) dryRun: true;
  @ApiProperty({ description: 'False when the file does not parse: a real import would be refused with 400' })
  importable: boolean;
  @ApiProperty() fileName: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: ImportDryRunCountsDto }) counts: ImportDryRunCountsDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) deviations: Record<string, number>;
  @ApiProperty({ type: [ImportProblemDto], description: 'Every problem (up to 10,000)' }) problems: ImportProblemDto[];
  @ApiProperty() problemCount: number;
}
