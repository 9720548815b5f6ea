import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { toBoolean } from '@helpdesk/config';
import { PageQueryDto } from '@helpdesk/service-runtime';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv'] as const;

const FORMAT_DOC = {
  enum: REPORT_FORMATS,
  description: 'csv (or `Accept: text/csv`): the whole report as RFC 4180 CSV, UTF-8 with BOM; limit and cursor do not apply',
};

/** A list report: a page of JSON, or all of it as CSV. */
export class ListReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional(FORMAT_DOC)
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json or csv' })
  format?: (typeof REPORT_FORMATS)[number];
}

/** `?days=N`: a whole number of days, 0 to 3650. */
function DaysParam(fallback: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, minimum: 0, maximum: 3650, default: fallback }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'days must be a whole number' }),
    Min(0, { message: 'days must be at least 0' }),
    Max(3650, { message: 'days must be at most 3650' }),
  );
}

export class WarrantyReportQueryDto extends ListReportQueryDto {
  @DaysParam(30, 'Warranties ending from your today to this many days later (both included)')
  days?: number;
}

export class IdleStockReportQueryDto extends ListReportQueryDto {
  @DaysParam(90, 'In stock for more than this many days since it last entered in_stock')
  days?: number;
}

export class ProblematicReportQueryDto extends ListReportQueryDto {
  @ApiPropertyOptional({
    description: 'Only the CIs flagged problematic (true); default every CI with an incident in the window',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'problematic must be true or false' })
  problematic?: boolean;
}

export const DISTRIBUTION_KEYS = ['user', 'department', 'location'] as const;

export class DistributionReportQueryDto {
  @ApiPropertyOptional({ enum: DISTRIBUTION_KEYS, default: 'user', description: 'What to count CIs per' })
  @IsOptional()
  @IsIn(DISTRIBUTION_KEYS, { message: 'by must be user, department or location' })
  by?: (typeof DISTRIBUTION_KEYS)[number];

  @ApiPropertyOptional({ ...FORMAT_DOC, description: 'csv (or `Accept: text/csv`): RFC 4180 CSV, UTF-8 with BOM' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json or csv' })
  format?: (typeof REPORT_FORMATS)[number];
}
