import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { REPORT_GROUP_BYS, ReportGroupBy } from '../report-query';
import { IsIanaTimeZone, IsReportInstant } from './report-query.validators';

export const REPORT_FORMATS = ['json', 'csv'] as const;

const INSTANT_DOC =
  'A date (its midnight in `timeZone`) or a date-time: with an offset, that instant; without, that wall-clock time in `timeZone`.';

/** A filter named after the incident field (api.md). */
function TextFilter(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, maxLength: 200 }),
    IsOptional(),
    IsString({ message: ({ property }) => `${property} must be given once, as text` }),
    MaxLength(200, { message: ({ property }) => `${property} must be at most 200 characters` }),
    IsSingleLine(),
  );
}

/** The summary's query: the period, the zone and the filters (no groupBy: it is totals only). */
export class SummaryQueryDto {
  @ApiPropertyOptional({ description: `Start, included; default 30 days before \`to\`. ${INSTANT_DOC}`, example: '2026-03-01' })
  @IsOptional()
  @IsReportInstant()
  from?: string;

  @ApiPropertyOptional({ description: `End, excluded; default now. ${INSTANT_DOC}`, example: '2026-04-01' })
  @IsOptional()
  @IsReportInstant()
  to?: string;

  @ApiPropertyOptional({
    description: 'IANA zone of day/week/month buckets and of dates without an offset; default REPORT_TIME_ZONE (Asia/Tokyo)',
    example: 'Asia/Tokyo',
  })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;

  @TextFilter("Only incidents of this assignment group (the group's id)")
  group?: string;

  @TextFilter('Only incidents of this category')
  category?: string;

  @ApiPropertyOptional({ description: 'Only incidents of this priority (1 critical … 5 planning)', minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'priority must be a whole number from 1 to 5' })
  @Min(1, { message: 'priority must be a whole number from 1 to 5' })
  @Max(5, { message: 'priority must be a whole number from 1 to 5' })
  priority?: number;

  @TextFilter('Only incidents opened on this channel (portal, email, phone, chat, walk_in, …)')
  channel?: string;

  @TextFilter('Only incidents about this configuration item (its id)')
  ci?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'csv (or `Accept: text/csv`): RFC 4180 CSV, UTF-8 with BOM: a header, the rows, then a `total` row',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json or csv' })
  format?: (typeof REPORT_FORMATS)[number];
}

/** A report's query: the summary's, and what to cut it by. */
export class ReportQueryDto extends SummaryQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_GROUP_BYS,
    description:
      'Rows per day, ISO week (from Monday) or month of `timeZone` (every bucket, empty ones included; at most 1000), ' +
      'or per group, agent, category, priority, channel or CI (most first; null key: incidents without one)',
  })
  @IsOptional()
  @IsIn(REPORT_GROUP_BYS, { message: `groupBy must be one of ${REPORT_GROUP_BYS.join(', ')}` })
  groupBy?: ReportGroupBy;
}
