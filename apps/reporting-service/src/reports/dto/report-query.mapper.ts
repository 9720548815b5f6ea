import { resolveReportPeriod } from '../domain/report-period';
import { canonicalTimeZone } from '../domain/zoned-time';
import { ReportFilters, ReportQuery } from '../report-query';
import { ReportQueryDto, SummaryQueryDto } from './report-query.dto';

/** A validated query DTO as the service's ReportQuery: defaults applied, dates read in the zone. */
export function toReportQuery(dto: ReportQueryDto | SummaryQueryDto, defaultTimeZone: string, now: Date): ReportQuery {
  const timeZone = canonicalTimeZone(dto.timeZone ?? defaultTimeZone) ?? defaultTimeZone;
  const filters: ReportFilters = {};
  if (dto.group !== undefined) filters.groupId = dto.group;
  if (dto.category !== undefined) filters.category = dto.category;
  if (dto.priority !== undefined) filters.priority = dto.priority;
  if (dto.channel !== undefined) filters.channel = dto.channel;
  if (dto.ci !== undefined) filters.ciId = dto.ci;
  return {
    ...resolveReportPeriod(dto.from, dto.to, timeZone, now),
    groupBy: 'groupBy' in dto && dto.groupBy !== undefined ? dto.groupBy : null,
    timeZone,
    filters,
  };
}
