import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AssetImportProblemDto {
  @ApiProperty({ description: 'Row of the file (header = row 1)' }) row: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The column as the file names it; null when the whole row is at fault',
  })
  field: string | null;
  @ApiProperty() reason: string;
}

export class AssetImportCountsDto {
  @ApiProperty({ description: 'Data rows (blank lines not counted)' }) rows: number;
  @ApiProperty({ description: 'Rows without a problem' }) valid: number;
  @ApiProperty({ description: 'Rows with at least one problem' }) invalid: number;
}

export class AssetImportDryRunDto {
  @ApiProperty({ enum: [true] }) dryRun: true;
  @ApiProperty({ description: 'True when the file has no problem: importing it would create every row' }) importable: boolean;
  @ApiProperty() fileName: string;
  @ApiProperty({ type: AssetImportCountsDto }) counts: AssetImportCountsDto;
  @ApiProperty({ type: [AssetImportProblemDto], description: 'Every problem, by row (at most 10,000 listed)' })
  problems: AssetImportProblemDto[];
  @ApiProperty({ description: 'All problems found' }) problemCount: number;
}

export class AssetImportJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) state: string;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ description: 'Data rows of the file' }) totalRows: number;
  @ApiProperty({ description: 'Rows written so far in the running transaction (committed only when the job succeeds)' })
  processedRows: number;
  @ApiProperty({ description: 'CIs created: all rows once succeeded, 0 otherwise (all or nothing)' }) createdCount: number;
  @ApiProperty({
    type: [AssetImportProblemDto],
    description: 'Why a failed job refused the file (the CMDB changed since the upload)',
  })
  problems: AssetImportProblemDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the job failed' }) error: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) startedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt: string | null;
}
