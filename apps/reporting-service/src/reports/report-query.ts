/**
 * What a report is asked and what it answers: the contract of ReportsService.run, shared by the HTTP
 * routes and the weekly digest. Figures are flat (CSV-friendly); every figure comes with the count it was
 * computed on; rates are unrounded fractions 0..1, null when their count is 0.
 */
export type ReportName =
  'summary' | 'mttr' | 'mtta' | 'fcr' | 'flr' | 'sla' | 'reopen' | 'backlog' | 'csat' | 'deflection' | 'volume';
export type ReportGroupBy = 'day' | 'week' | 'month' | 'group' | 'agent' | 'category' | 'priority' | 'channel' | 'ci';

export interface ReportFilters {
  groupId?: string;
  category?: string;
  priority?: number;
  channel?: string;
  ciId?: string;
}

export interface ReportQuery {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  groupBy: ReportGroupBy | null;
  /** IANA name: day, week (ISO, Monday) and month buckets are cut in it. */
  timeZone: string;
  filters: ReportFilters;
}

export type ReportFigures = Record<string, number | string | null>;

export interface ReportRow extends ReportFigures {
  key: string | null;
  label: string | null;
}

export interface ReportResult {
  report: ReportName;
  from: string;
  to: string;
  groupBy: ReportGroupBy | null;
  timeZone: string;
  generatedAt: string;
  total: ReportFigures;
  rows: ReportRow[];
}

export const REPORT_NAMES: readonly ReportName[] = [
  'summary',
  'mttr',
  'mtta',
  'fcr',
  'flr',
  'sla',
  'reopen',
  'backlog',
  'csat',
  'deflection',
  'volume',
];

export const REPORT_GROUP_BYS: readonly ReportGroupBy[] = [
  'day',
  'week',
  'month',
  'group',
  'agent',
  'category',
  'priority',
  'channel',
  'ci',
];

export type TimeGroupBy = Extract<ReportGroupBy, 'day' | 'week' | 'month'>;
export const TIME_GROUP_BYS: readonly TimeGroupBy[] = ['day', 'week', 'month'];

export function isTimeGroupBy(groupBy: ReportGroupBy | null): groupBy is TimeGroupBy {
  return groupBy !== null && (TIME_GROUP_BYS as readonly string[]).includes(groupBy);
}
