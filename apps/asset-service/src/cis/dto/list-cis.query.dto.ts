import { ApiPropertyOptional } from '@nestjs/swagger';
import { CI_STATES, CI_TYPES, CiState, CiType } from '@helpdesk/contracts';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const UUID_OR_ME = /^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export class ListCisQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CI_TYPES })
  @IsOptional()
  @IsIn(CI_TYPES, { message: `type must be one of ${CI_TYPES.join(', ')}` })
  type?: CiType;

  @ApiPropertyOptional({ enum: CI_STATES })
  @IsOptional()
  @IsIn(CI_STATES, { message: `state must be one of ${CI_STATES.join(', ')}` })
  state?: CiState;

  @ApiPropertyOptional({ description: 'The assignee: a user UUID or `me`' })
  @IsOptional()
  @Matches(UUID_OR_ME, { message: 'assignedTo must be a user UUID or me' })
  assignedTo?: string;

  @ApiPropertyOptional({ description: 'The assignee\u2019s department (exact)', example: '営業部' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsSingleLine()
  department?: string;

  @ApiPropertyOptional({ description: 'Location (exact)', example: '東京本社 3F' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsSingleLine()
  location?: string;

  @ApiPropertyOptional({ description: 'Part of the name, number, asset tag or serial number (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsSingleLine()
  q?: string;

  @ApiPropertyOptional({ description: 'Warranty ends before this date (YYYY-MM-DD)', example: '2026-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'warrantyBefore must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'warrantyBefore must be a real date YYYY-MM-DD' })
  warrantyBefore?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the whole filtered list as CSV (as Accept: text/csv)' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
