import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CALENDAR_ID_PATTERN } from './business-calendar.dto';

/** A year: no target may be longer (a typo such as 2400000 minutes is refused, not waited for). */
export const MAX_TARGET_MINUTES = 525_600;

export class SlaPolicyDto {
  @ApiProperty({ enum: [1, 2, 3, 4, 5], description: 'P1 critical … P5 planning' })
  priority: number;

  @ApiProperty({ example: 120, description: 'Open → first agent response, in working minutes of the calendar' })
  responseMinutes: number;

  @ApiProperty({ example: 1440, description: 'Open → resolved, in working minutes of the calendar' })
  resolutionMinutes: number;

  @ApiProperty({ example: 'jp-business', description: 'GET /calendars' })
  calendarId: string;

  @ApiProperty({ description: 'An inactive policy gives incidents of its priority no SLA timers' })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SlaPolicyListDto {
  @ApiProperty({ type: [SlaPolicyDto], description: 'P1–P5, in priority order' })
  items: SlaPolicyDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: the five policies fit on one page' })
  nextCursor: string | null;

  @ApiProperty({ example: 1, description: 'Version of the set (also the ETag): send it back (or as If-Match) with PUT' })
  version: number;
}

export class SlaPolicyInputDto {
  @ApiProperty({ enum: [1, 2, 3, 4, 5] })
  @IsIn([1, 2, 3, 4, 5], { message: 'priority must be 1, 2, 3, 4 or 5' })
  priority: number;

  @ApiProperty({ example: 120, minimum: 1, maximum: MAX_TARGET_MINUTES })
  @IsInt({ message: 'responseMinutes must be a whole number of minutes' })
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  responseMinutes: number;

  @ApiProperty({ example: 1440, minimum: 1, maximum: MAX_TARGET_MINUTES })
  @IsInt({ message: 'resolutionMinutes must be a whole number of minutes' })
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  resolutionMinutes: number;

  @ApiProperty({ example: 'jp-business' })
  @IsString()
  @Matches(CALENDAR_ID_PATTERN, { message: 'calendarId must be a calendar id such as jp-business' })
  calendarId: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/**
 * The full set of five policies. A change applies to incidents opened afterwards and to timers re-targeted by a
 * later priority change; running timers keep the targets they started with.
 */
export class ReplaceSlaPoliciesDto {
  @ApiProperty({ type: [SlaPolicyInputDto], description: 'One policy per priority 1–5' })
  @IsArray()
  policies: unknown[];

  @ApiPropertyOptional({ example: 1, description: 'The set version you read (or send If-Match); a stale one gets 409' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
