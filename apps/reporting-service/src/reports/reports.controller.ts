import { applyDecorators, Controller, Get, Headers, Query, StreamableFile, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { wantsCsv } from '@helpdesk/csv';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { ReportingConfig } from '../config/reporting.config';
import { ReportQueryDto, SummaryQueryDto } from './dto/report-query.dto';
import { toReportQuery } from './dto/report-query.mapper';
import { REPORT_DTOS, SUMMARY_REPORT_DTO } from './dto/report-response.dto';
import { reportCsvDownload } from './report-csv';
import { ReportName, ReportResult } from './report-query';
import { REPORT_ROLES } from './report-roles';
import { ReportsService } from './reports.service';

const COMMON =
  'Admins and supervisors. Period `from` (included) to `to` (excluded), default the last 30 days; filters group, category, ' +
  'priority, channel, ci. Rates are unrounded fractions, null over 0, each beside the count it is computed on. ' +
  'CSV with `?format=csv` or `Accept: text/csv`.';

/** One report route: roles, docs, the JSON shape and the CSV alternative. */
function Report(path: string, summary: string, description: string, type: Type<unknown>) {
  return applyDecorators(
    Get(path),
    Roles(...REPORT_ROLES),
    ApiOperation({ summary, description: `${description}\n\n${COMMON}` }),
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({ type }),
    ApiErrorResponses(400, 401, 403),
  );
}

type ReportAnswer = ReportResult | StreamableFile;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly config: ReportingConfig,
  ) {}

  @Report(
    'summary',
    'Every report in one: their totals over the period',
    'One object (`total`; `rows` empty) with the total of each report under prefixed names (volumeOpened, mttrMeanHours, ' +
      'fcrGrossRate, backlogOpen, deflectionRate, …). No groupBy. Under a filter the deflection figures are null: help ' +
      'sessions have no group, category, priority, channel or CI.',
    SUMMARY_REPORT_DTO,
  )
  summary(@Query() query: SummaryQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('summary', query, accept);
  }

  @Report(
    'mttr',
    'Mean time to resolve, with median and 90th percentile, calendar and business hours',
    'Incidents whose final resolution falls in the period (resolved_at; a reopened incident once, at its last resolution; ' +
      'cancelled ones left out): resolved_at − opened_at in calendar hours, and the working time on the SLA calendar ' +
      '(pauses excluded) where known (businessCount). Median and p90 are percentile_cont 0.5 and 0.9.',
    REPORT_DTOS.mttr,
  )
  mttr(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('mttr', query, accept);
  }

  @Report(
    'mtta',
    'Mean time to acknowledge (open → first agent response), with median and 90th percentile',
    'Incidents whose first agent response (assignment to a person, or a public reply) falls in the period; minutes.',
    REPORT_DTOS.mtta,
  )
  mtta(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('mtta', query, accept);
  }

  @Report(
    'fcr',
    'First-contact resolution, gross and net',
    'Incidents opened in the period. Resolved at first contact: opened by an agent on a live channel (phone, chat, ' +
      'walk-in) or by the employee in a chat, resolved by that agent without reassignment, hold or reopen within ' +
      'FCR_CONTACT_WINDOW (30 min). Gross divides by every incident opened; net leaves out categories not resolvable at ' +
      "first level. `claimed`: the agent's tick; `claimedHonoured`: ticked and the rules hold.",
    REPORT_DTOS.fcr,
  )
  fcr(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('fcr', query, accept);
  }

  @Report(
    'flr',
    'First-level resolution',
    'Incidents resolved or closed, resolved_at in the period: the share resolved by the service desk (tier 1) with ' +
      'no reassignment and no reopen.',
    REPORT_DTOS.flr,
  )
  flr(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('flr', query, accept);
  }

  @Report(
    'sla',
    'SLA compliance: resolution and response targets met',
    'Resolution: incidents resolved in the period (resolved_at) with a verdict. Response: incidents opened in the period ' +
      '(opened_at) with a verdict (met, or breached; not yet settled ones are left out). By a time groupBy each part ' +
      'is bucketed by its own time.',
    REPORT_DTOS.sla,
  )
  sla(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('sla', query, accept);
  }

  @Report(
    'reopen',
    'Reopen rate',
    'Incidents resolved or closed, resolved_at in the period: the share reopened at least once.',
    REPORT_DTOS.reopen,
  )
  reopen(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('reopen', query, accept);
  }

  @Report(
    'backlog',
    'Open incidents by age (<1 d, 1–3 d, 3–7 d, 7–30 d, >30 d)',
    'Incidents open at an instant: opened by then, and not resolved, closed or cancelled by then. The instant is `to` ' +
      '(at most now); by day, week or month, the end of each bucket (buckets after now are left out) and the total is ' +
      'the last. Default groupBy: priority. A reopened incident counts as open from its opening until its last ' +
      'resolution (the read model keeps only that one), also while it was resolved in between.',
    REPORT_DTOS.backlog,
  )
  backlog(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('backlog', query, accept);
  }

  @Report(
    'csat',
    'Customer satisfaction: mean rating and response rate',
    'Live incidents resolved in the period (imported history had no survey): surveys sent, answered (the latest answer ' +
      'of each incident), response rate and mean rating 1–5.',
    REPORT_DTOS.csat,
  )
  csat(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('csat', query, accept);
  }

  @Report(
    'deflection',
    'Self-service (deflection) rate of portal help sessions',
    'Employees\' help sessions started in the period. Deflected: ended by "this solved my problem" (byClick), or a ' +
      'suggested article viewed with no incident opened by the employee within DEFLECTION_WINDOW (24 h) of the last ' +
      'such view (byNoIncident); pending: that window still running with no incident so far. groupBy: day, week or ' +
      'month only; the incident filters do not apply.',
    REPORT_DTOS.deflection,
  )
  deflection(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('deflection', query, accept);
  }

  @Report(
    'volume',
    'Incidents opened, resolved and cancelled',
    'Each counted in the period (or bucket) of its own time: opened_at; resolved_at of incidents resolved or closed; ' +
      'cancelled_at.',
    REPORT_DTOS.volume,
  )
  volume(@Query() query: ReportQueryDto, @Headers('accept') accept?: string): Promise<ReportAnswer> {
    return this.answer('volume', query, accept);
  }

  private async answer(
    name: ReportName,
    dto: ReportQueryDto | SummaryQueryDto,
    accept: string | undefined,
  ): Promise<ReportAnswer> {
    const now = new Date();
    const result = await this.reports.run(name, toReportQuery(dto, this.config.REPORT_TIME_ZONE, now), now);
    return wantsCsv(dto.format, accept) ? reportCsvDownload(result) : result;
  }
}
