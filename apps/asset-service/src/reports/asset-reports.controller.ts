import { wantsCsv } from '@helpdesk/csv';
import { applyDecorators, Controller, Get, Headers, Query, StreamableFile, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { Role } from '@helpdesk/contracts';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { AssetReportsService } from './asset-reports.service';
import { calendarToday } from './calendar-day';
import { csvDownload } from './csv/csv-response';
import {
  DistributionReportDto,
  IdleStockReportDto,
  LeaversReportDto,
  ProblematicReportDto,
  WarrantyReportDto,
} from './dto/report.dto';
import {
  DistributionReportQueryDto,
  IdleStockReportQueryDto,
  ListReportQueryDto,
  ProblematicReportQueryDto,
  WarrantyReportQueryDto,
} from './dto/report-query.dto';
import {
  DISTRIBUTION_CSV,
  IDLE_STOCK_CSV,
  LEAVERS_CSV,
  leaverAssetLines,
  PROBLEMATIC_CSV,
  WARRANTY_CSV,
} from './report-csv.columns';
import { ASSET_REPORT_ROLES, PROBLEMATIC_REPORT_ROLES } from './report-roles';

const ROLE_NOTE = 'Asset managers, admins and supervisors.';

/** One report route: its roles, docs, JSON type and the CSV alternative. */
function Report(path: string, roles: readonly Role[], summary: string, description: string, type: Type<unknown>) {
  return applyDecorators(
    Get(path),
    Roles(...roles),
    ApiOperation({ summary, description: `${description} CSV with \`?format=csv\` or \`Accept: text/csv\`.` }),
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({ type }),
    ApiErrorResponses(400, 401, 403),
  );
}

@ApiTags('asset reports')
@ApiBearerAuth()
@Controller('assets/reports')
export class AssetReportsController {
  constructor(private readonly reports: AssetReportsService) {}

  @Report(
    'warranties',
    ASSET_REPORT_ROLES,
    'Hardware whose warranty ends within N days, soonest first',
    `${ROLE_NOTE} Hardware not retired or disposed, warranty ending from your today (your time zone) to \`days\` (default 30) later.`,
    WarrantyReportDto,
  )
  async warranties(
    @Query() query: WarrantyReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() principal: Principal,
  ): Promise<WarrantyReportDto | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    const report = await this.reports.warranties(query, principal.timeZone, csv);
    return csv ? csvDownload('warranties', WARRANTY_CSV, report.items, report.from) : report;
  }

  @Report(
    'distribution',
    ASSET_REPORT_ROLES,
    'CIs per user, department or location, with a count per CI type',
    `${ROLE_NOTE} CIs not retired or disposed; those without the key (unassigned, no department or location) under key null.`,
    DistributionReportDto,
  )
  async distribution(
    @Query() query: DistributionReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() principal: Principal,
  ): Promise<DistributionReportDto | StreamableFile> {
    const report = await this.reports.distribution(query.by ?? 'user');
    return wantsCsv(query.format, accept)
      ? csvDownload(`distribution-by-${report.by}`, DISTRIBUTION_CSV, report.items, calendarToday(principal.timeZone))
      : report;
  }

  @Report(
    'idle-stock',
    ASSET_REPORT_ROLES,
    'CIs in stock for more than N days, longest first',
    `${ROLE_NOTE} In stock since they last entered in_stock (their history), or since their creation if their state never ` +
      'changed; `days` default 90.',
    IdleStockReportDto,
  )
  async idleStock(
    @Query() query: IdleStockReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() principal: Principal,
  ): Promise<IdleStockReportDto | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    const report = await this.reports.idleStock(query, csv);
    return csv ? csvDownload('idle-stock', IDLE_STOCK_CSV, report.items, calendarToday(principal.timeZone)) : report;
  }

  @Report(
    'problematic',
    PROBLEMATIC_REPORT_ROLES,
    'CIs with the most incidents in the window, flagging the problematic ones',
    'Asset managers, admins, supervisors and problem managers. Incidents (not cancelled) opened within ' +
      'PROBLEMATIC_CI_WINDOW (default 30d) per CI, most first; `problematic` from PROBLEMATIC_CI_INCIDENTS (default 3) on. ' +
      '`?problematic=true`: only those.',
    ProblematicReportDto,
  )
  async problematic(
    @Query() query: ProblematicReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() principal: Principal,
  ): Promise<ProblematicReportDto | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    const report = await this.reports.problematic(query, csv);
    return csv ? csvDownload('problematic-cis', PROBLEMATIC_CSV, report.items, calendarToday(principal.timeZone)) : report;
  }

  @Report(
    'leavers',
    ASSET_REPORT_ROLES,
    "Leavers' assets to reclaim: deactivated people with CIs still assigned",
    `${ROLE_NOTE} From identity.user.deactivated; each person with when they left and their CIs (not disposed of), ` +
      'longest gone first. CSV: one row per CI.',
    LeaversReportDto,
  )
  async leavers(
    @Query() query: ListReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() principal: Principal,
  ): Promise<LeaversReportDto | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    const report = await this.reports.leavers(query, csv);
    return csv ? csvDownload('leavers', LEAVERS_CSV, leaverAssetLines(report.items), calendarToday(principal.timeZone)) : report;
  }
}
