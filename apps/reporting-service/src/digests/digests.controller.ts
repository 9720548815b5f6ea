import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { wantsCsv } from '@helpdesk/csv';
import { ApiErrorResponses, Page, PageOf } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { REPORT_ROLES } from '../reports/report-roles';
import { digestCsvDownload } from './digest-csv';
import { DigestFormatQueryDto, ListDigestsQueryDto, ProduceDigestsDto } from './dto/digest-queries.dto';
import { WeeklyDigestDto, WeeklyDigestsOfWeekDto } from './dto/weekly-digest.dto';
import { toDigestDto, WeeklyDigestsService } from './weekly-digests.service';

// A malformed id names no digest: 404 like an unknown one.
const DIGEST_ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/digests')
export class DigestsController {
  constructor(private readonly digests: WeeklyDigestsService) {}

  @Get()
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary: 'List weekly digests, newest week first',
    description:
      'Admins and supervisors. One digest per assignment group and finished week (Monday to Monday in REPORT_TIME_ZONE), ' +
      'made every week shortly after Monday 00:00 and published as reporting.weekly-digest-published. Filters: weekStart, group.',
  })
  @ApiOkResponse({ type: PageOf(WeeklyDigestDto) })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: ListDigestsQueryDto): Promise<Page<WeeklyDigestDto>> {
    return this.digests.list(query);
  }

  @Get(':id')
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary: 'Get a weekly digest, as JSON or as its CSV download',
    description:
      'Admins and supervisors. CSV with `?format=csv` or `Accept: text/csv`: a header and one record (weekStart, timeZone, ' +
      'groupId, groupName, then the figures), UTF-8 with BOM, as it was when published.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: WeeklyDigestDto })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(
    @Param('id', DIGEST_ID) id: string,
    @Query() query: DigestFormatQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<WeeklyDigestDto | StreamableFile> {
    const digest = await this.digests.get(id);
    return wantsCsv(query.format, accept)
      ? digestCsvDownload(digest.csv, digest.weekStart, digest.groupKey)
      : toDigestDto(digest);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: "Make a finished week's digests now",
    description:
      'Admins. The digests of the week starting on `weekStart` (a Monday in REPORT_TIME_ZONE; the week must have ended), ' +
      'one per group with incidents that week, each published once. 201 with the digests made; 200 with the existing ' +
      'ones when the week was done already (by the schedule or an earlier request).',
  })
  @ApiCreatedResponse({ type: WeeklyDigestsOfWeekDto, description: 'Made now' })
  @ApiOkResponse({ type: WeeklyDigestsOfWeekDto, description: 'Made before: nothing new was published' })
  @ApiErrorResponses(400, 401, 403)
  async produce(@Body() dto: ProduceDigestsDto, @Res({ passthrough: true }) res: Response): Promise<WeeklyDigestsOfWeekDto> {
    const result = await this.digests.produce(dto.weekStart);
    res.status(result.created ? 201 : 200);
    return result;
  }
}
