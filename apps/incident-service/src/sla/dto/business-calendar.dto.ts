import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank, IsSingleLine } from '@helpdesk/service-runtime';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { MaxCodePoints } from './code-point-length.validator';

/** Lower-case letters, digits, `-` and `_`, as stored (business_calendar.id). */
export const CALENDAR_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const MAX_CALENDARS = 50;
export const MAX_EXTRA_HOLIDAYS = 1000;

export class WorkingWindowDto {
  @ApiProperty({ example: '09:00', description: 'Local time HH:MM' })
  start: string;

  @ApiProperty({ example: '18:00', description: 'Local time HH:MM, 24:00 for midnight at the end of the day' })
  end: string;
}

const WORKING_HOURS_DOC = {
  type: 'object',
  description: 'Windows per weekday, keys 0 (Sunday) … 6 (Saturday); an empty list is a closed day',
  additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/WorkingWindowDto' } },
  example: { 0: [], 1: [{ start: '09:00', end: '18:00' }], 2: [{ start: '09:00', end: '18:00' }] },
} as const;

export class BusinessCalendarDto {
  @ApiProperty({ example: 'jp-business' })
  id: string;

  @ApiProperty({ example: '営業時間（日本）' })
  name: string;

  @ApiProperty({ example: 'Asia/Tokyo' })
  timeZone: string;

  @ApiProperty({ enum: ['24x7', 'business'] })
  mode: '24x7' | 'business';

  @ApiProperty(WORKING_HOURS_DOC)
  workingHours: Record<string, WorkingWindowDto[]>;

  @ApiProperty({ description: 'Japanese public holidays (振替休日 and 国民の休日 included) are closed days' })
  japaneseHolidaysOff: boolean;

  @ApiProperty({ type: [String], example: ['2026-12-29', '2026-12-30'], description: 'Extra closed local dates' })
  extraHolidays: string[];

  @ApiProperty({ type: [Number], example: [3, 4, 5], description: 'Priorities whose policy counts on this calendar' })
  usedByPriorities: number[];

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1, description: 'Optimistic lock: send it back with PUT /calendars' })
  version: number;
}

export class BusinessCalendarListDto {
  @ApiProperty({ type: [BusinessCalendarDto] })
  items: BusinessCalendarDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: calendars fit on one page' })
  nextCursor: string | null;
}

export class BusinessCalendarInputDto {
  @ApiProperty({ example: 'jp-business', pattern: CALENDAR_ID_PATTERN.source })
  @IsString()
  @Matches(CALENDAR_ID_PATTERN, { message: 'id must be 1–64 lower-case letters, digits, - or _ (e.g. jp-business)' })
  id: string;

  @ApiProperty({ example: '営業時間（日本）', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxCodePoints(100)
  @IsSingleLine()
  name: string;

  @ApiProperty({ example: 'Asia/Tokyo' })
  @IsString()
  @MaxLength(64)
  timeZone: string;

  @ApiProperty({ enum: ['24x7', 'business'] })
  @IsIn(['24x7', 'business'], { message: 'mode must be 24x7 or business' })
  mode: '24x7' | 'business';

  @ApiProperty(WORKING_HOURS_DOC)
  @IsObject({ message: 'workingHours must be an object keyed by weekday 0 (Sunday) … 6 (Saturday)' })
  workingHours: Record<string, WorkingWindowDto[]>;

  @ApiProperty()
  @IsBoolean({ message: 'japaneseHolidaysOff must be true or false' })
  japaneseHolidaysOff: boolean;

  @ApiProperty({ type: [String], example: ['2026-12-29'] })
  @IsArray({ message: 'extraHolidays must be a list of YYYY-MM-DD dates' })
  @ArrayMaxSize(MAX_EXTRA_HOLIDAYS)
  extraHolidays: string[];

  @ApiPropertyOptional({ example: 1, description: 'The version you read; omit for a new calendar. A stale one gets 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/**
 * The full list of calendars: listed ones are created or replaced, the others deleted (refused while a policy or
 * a running timer uses them). A changed calendar applies at once to the timers that count on it.
 */
export class ReplaceCalendarsDto {
  @ApiProperty({ type: [BusinessCalendarInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_CALENDARS)
  calendars: unknown[];
}
