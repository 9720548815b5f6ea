import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalButNotNull, IsShortStringList, IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsLongText, IsOptionalUuid, IsPriority, IsProblemTitle, IsRequiredText, VersionedDto } from './problem-fields';

export class TimelineEntryDto {
  @ApiPropertyOptional({ example: '2026-11-30T09:05:00+09:00' })
  @IsISO8601({ strict: true }, { message: 'timeline[].at must be an ISO 8601 time' })
  at: string;

  @ApiPropertyOptional({ example: 'VPN ゲートウェイの証明書が更新された' })
  @IsRequiredText('timeline[].note', 2000)
  note: string;
}

/** Fields and the root-cause analysis record; what is left out stays as it is, null clears. */
export class UpdateProblemDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsProblemTitle()
  title?: string;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsLongText('description')
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptionalButNotNull()
  @IsPriority()
  priority?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'category must be a string' })
  @MaxLength(100)
  @IsSingleLine()
  category?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalButNotNull()
  @IsShortStringList('ciIds', 50, 100)
  ciIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptionalUuid('ownerId')
  ownerId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptionalUuid('groupId')
  groupId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'RCA: what users and monitoring saw' })
  @IsOptional()
  @IsLongText('symptoms')
  symptoms?: string | null;

  @ApiPropertyOptional({ type: [TimelineEntryDto], description: 'RCA: what happened when (replaces the list)' })
  @IsOptionalButNotNull()
  @IsArray({ message: 'timeline must be an array of { at, note }' })
  @ArrayMaxSize(200, { message: 'timeline may hold at most 200 entries' })
  @ValidateNested({ each: true })
  @Type(() => TimelineEntryDto)
  timeline?: TimelineEntryDto[];

  @ApiPropertyOptional({ nullable: true, description: 'RCA: the root cause' })
  @IsOptional()
  @IsLongText('rootCause')
  rootCause?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'RCA: contributing factors (up to 20)' })
  @IsOptionalButNotNull()
  @IsShortStringList('contributingFactors', 20, 1000)
  contributingFactors?: string[];

  @ApiPropertyOptional({ type: [String], description: 'RCA: the "5 whys", in order (up to 10)' })
  @IsOptionalButNotNull()
  @IsShortStringList('fiveWhys', 10, 1000)
  fiveWhys?: string[];

  @ApiPropertyOptional({ nullable: true, description: 'How users get going again until the fix (published with known-error)' })
  @IsOptional()
  @IsLongText('workaround')
  workaround?: string | null;
}
