import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { IsDefined, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsWeekStart } from './week-start.validator';

export const DIGEST_FORMATS = ['json', 'csv'] as const;

/** GET /reports/digests: newest week first, then by group. */
export class ListDigestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the digests of the week starting on this Monday', example: '2026-03-02' })
  @IsOptional()
  @IsWeekStart()
  weekStart?: string;

  @ApiPropertyOptional({
    description: "Only this assignment group's digests (the group's id; `none`: incidents without a group)",
  })
  @IsOptional()
  @IsString({ message: 'group must be given once, as text' })
  @MaxLength(200)
  @IsSingleLine()
  group?: string;
}

/** GET /reports/digests/{id}: JSON, or the CSV with `?format=csv` (or `Accept: text/csv`). */
export class DigestFormatQueryDto {
  @ApiPropertyOptional({
    enum: DIGEST_FORMATS,
    description: 'csv (or `Accept: text/csv`): the digest as RFC 4180 CSV, UTF-8 with BOM',
  })
  @IsOptional()
  @IsIn(DIGEST_FORMATS, { message: 'format must be json or csv' })
  format?: (typeof DIGEST_FORMATS)[number];
}

/** POST /reports/digests. */
export class ProduceDigestsDto {
  @ApiProperty({ description: 'The Monday of a week that has ended (in REPORT_TIME_ZONE)', example: '2026-03-02' })
  @IsDefined({ message: 'weekStart is required' })
  @IsWeekStart()
  weekStart: string;
}
