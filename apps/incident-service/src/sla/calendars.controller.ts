import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { BusinessCalendarListDto, ReplaceCalendarsDto, WorkingWindowDto } from './dto/business-calendar.dto';
import { CalendarHolidayListDto, CalendarHolidaysQueryDto } from './dto/calendar-holidays.dto';
import { SlaAdminService } from './sla-admin.service';
import { SLA_READER_ROLES } from './sla-policies.controller';

@ApiTags('sla')
@ApiBearerAuth()
@ApiExtraModels(WorkingWindowDto)
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly admin: SlaAdminService) {}

  @Get()
  @Roles(...SLA_READER_ROLES)
  @ApiOperation({ summary: 'Business calendars SLA targets are counted on (working hours, holidays)' })
  @ApiOkResponse({ type: BusinessCalendarListDto })
  @ApiErrorResponses(401, 403)
  list(): Promise<BusinessCalendarListDto> {
    return this.admin.listCalendars();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the calendars (admin)',
    description:
      'The full list: listed calendars are created or replaced (send each one’s `version`; a stale one gets 409), ' +
      'the others are deleted, which is refused (409) while a policy or a running timer uses them. Bad fields are ' +
      'named `calendars[i].<field>`. Timers still counting on a changed calendar are re-measured at once.',
  })
  @ApiOkResponse({ type: BusinessCalendarListDto })
  @ApiErrorResponses(400, 401, 403, 409)
  replace(@Body() dto: ReplaceCalendarsDto): Promise<BusinessCalendarListDto> {
    return this.admin.replaceCalendars(dto);
  }

  @Get(':id/holidays')
  @Roles(...SLA_READER_ROLES)
  @ApiOperation({
    summary: 'Closed days of a calendar in a year',
    description: 'Japanese public holidays (if the calendar observes them) and extra closed days; none for 24x7.',
  })
  @ApiParam({ name: 'id', example: 'jp-business' })
  @ApiOkResponse({ type: CalendarHolidayListDto })
  @ApiErrorResponses(400, 401, 403, 404)
  holidays(@Param('id') id: string, @Query() query: CalendarHolidaysQueryDto): Promise<CalendarHolidayListDto> {
    return this.admin.holidays(id, query.year);
  }
}
