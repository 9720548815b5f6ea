import type { ApiErrorDetail } from '@helpdesk/service-runtime';
import { isTimeGroupBy, REPORT_GROUP_BYS, ReportFilters, ReportGroupBy, ReportName, ReportQuery } from '../report-query';
import { MAX_REPORT_BUCKETS, TimeBucket, timeBuckets } from './report-buckets';
import { canonicalTimeZone } from './zoned-time';

/** The query parameter of each filter (api.md: filters are named after fields). */
export const FILTER_PARAMS: Record<keyof ReportFilters, string> = {
  groupId: 'group',
  category: 'category',
  priority: 'priority',
  channel: 'channel',
  ciId: 'ci',
};

/** The backlog is a snapshot of open incidents: without a groupBy it is cut by priority (itil.md). */
export const DEFAULT_BACKLOG_GROUP_BY: ReportGroupBy = 'priority';

/** A query the reports can run: the zone's canonical name, the effective groupBy and its time buckets. */
export interface PlannedReport {
  query: ReportQuery;
  /** The time buckets of a day/week/month groupBy (rows for each, empty ones included), else null. */
  buckets: TimeBucket[] | null;
}

export type ReportPlan = { ok: true; plan: PlannedReport } | { ok: false; problems: ApiErrorDetail[] };

/**
 * Checks what a DTO cannot check alone (the order of from and to, how many buckets, which groupBy and
 * filters a report takes) for the HTTP routes and the digest alike: one problem per bad field.
 */
export function planReport(name: ReportName, query: ReportQuery): ReportPlan {
  const problems: ApiErrorDetail[] = [];
  const timeZone = canonicalTimeZone(query.timeZone);
  if (!timeZone) problems.push({ field: 'timeZone', reason: 'timeZone must be an IANA time zone such as Asia/Tokyo' });
  const validDate = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime());
  if (!validDate(query.from)) problems.push({ field: 'from', reason: 'from must be a date or date-time' });
  if (!validDate(query.to)) problems.push({ field: 'to', reason: 'to must be a date or date-time' });
  else if (validDate(query.from) && query.from.getTime() >= query.to.getTime()) {
    problems.push({ field: 'from', reason: 'from must be before to (from is included, to is not)' });
  }

  const groupBy = name === 'backlog' ? (query.groupBy ?? DEFAULT_BACKLOG_GROUP_BY) : query.groupBy;
  if (groupBy !== null && !REPORT_GROUP_BYS.includes(groupBy)) {
    problems.push({ field: 'groupBy', reason: `groupBy must be one of ${REPORT_GROUP_BYS.join(', ')}` });
  } else if (name === 'summary' && groupBy !== null) {
    problems.push({ field: 'groupBy', reason: 'the summary takes no groupBy: it is the totals of every report' });
  } else if (name === 'deflection' && groupBy !== null && !isTimeGroupBy(groupBy)) {
    problems.push({
      field: 'groupBy',
      reason:
        'deflection groups by day, week or month only: help sessions have no group, agent, category, priority, channel or CI',
    });
  }
  problems.push(...filterProblems(name, query.filters));

  let buckets: TimeBucket[] | null = null;
  if (problems.length === 0 && isTimeGroupBy(groupBy)) {
    buckets = timeBuckets(query.from, query.to, groupBy, timeZone!);
    if (!buckets) {
      problems.push({
        field: 'groupBy',
        reason: `groupBy ${groupBy} gives more than ${MAX_REPORT_BUCKETS} buckets over this period: narrow from/to or group by a longer unit`,
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, plan: { query: { ...query, groupBy, timeZone: timeZone! }, buckets } };
}

function filterProblems(name: ReportName, filters: ReportFilters): ApiErrorDetail[] {
  const problems: ApiErrorDetail[] = [];
  for (const field of Object.keys(FILTER_PARAMS) as Array<keyof ReportFilters>) {
    const value = filters[field];
    if (value === undefined) continue;
    const param = FILTER_PARAMS[field];
    if (name === 'deflection') {
      problems.push({ field: param, reason: `${param} does not apply to deflection: help sessions are not incidents` });
    } else if (
      field === 'priority' ? !(Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 5) : typeof value !== 'string'
    ) {
      problems.push({
        field: param,
        reason: field === 'priority' ? 'priority must be a whole number from 1 to 5' : `${param} must be text`,
      });
    }
  }
  return problems;
}
