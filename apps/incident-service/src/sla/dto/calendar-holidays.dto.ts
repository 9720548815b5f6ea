import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { JAPANESE_HOLIDAYS_FIRST_YEAR, JAPANESE_HOLIDAYS_LAST_YEAR } from '../clock';

export class CalendarHolidaysQueryDto {
  @ApiPropertyOptional({
    example: 2026,
    minimum: JAPANESE_HOLIDAYS_FIRST_YEAR,
    maximum: JAPANESE_HOLIDAYS_LAST_YEAR,
    description: "Default: this year in the calendar's time zone",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(JAPANESE_HOLIDAYS_FIRST_YEAR)
  @Max(JAPANESE_HOLIDAYS_LAST_YEAR)
  year?: number;
}

export class CalendarHolidayDto {
  @ApiProperty({ example: '2026-01-01', description: 'Local date' })
  date: string;

  @ApiProperty({ example: 4, description: '0 = Sunday … 6 = Saturday' })
  weekday: number;

  @ApiProperty({ example: '元日' })
  nameJa: string;

  @ApiProperty({ example: "New Year's Day" })
  nameEn: string;

  @ApiProperty({ enum: ['public_holiday', 'company'], description: 'A Japanese public holiday, or an extra closed day' })
  kind: 'public_holiday' | 'company';
}

export class CalendarHolidayListDto {
  @ApiProperty({ example: 'jp-business' })
  calendarId: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ type: [CalendarHolidayDto], description: 'Closed days besides the weekly closed days, by date' })
  items: CalendarHolidayDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: one year fits on one page' })
  nextCursor: string | null;
}
