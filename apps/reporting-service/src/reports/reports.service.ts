import { Injectable } from '@nestjs/common';
import { RequestValidationException } from '@helpdesk/service-runtime';
import { ReportingConfig } from '../config/reporting.config';
import { TimeBucket } from './domain/report-buckets';
import {
  emptyFigures,
  FigureReportName,
  REPORT_FIGURES,
  ROW_ORDER_FIGURE,
  SUMMARY_REPORTS,
  toSummaryFigures,
  unknownFigures,
} from './domain/report-figures';
import { planReport } from './domain/report-query-rules';
import { ReportFigures, ReportFilters, ReportName, ReportQuery, ReportResult, ReportRow } from './report-query';
import { ReportFigureRows, ReportsRepository } from './reports.repository';

/**
 * The reports of the issue "MTTR, MTTA, FCR, FLR, SLA, reopen, backlog, CSAT and self-service, from
 * events", for the HTTP routes and the weekly digest alike. Each report is one SQL statement over the read
 * models; this arranges its rows (every time bucket, empty ones included; else most first).
 */
@Injectable()
export class ReportsService {
  private readonly deflectionWindowMs: number;

  constructor(
    private readonly repository: ReportsRepository,
    config: ReportingConfig,
  ) {
    this.deflectionWindowMs = config.deflectionWindowMs;
  }

  /** A 400 (RequestValidationException, one detail per field) for a query the report cannot take. */
  async run(name: ReportName, query: ReportQuery, now: Date = new Date()): Promise<ReportResult> {
    const planned = planReport(name, query);
    if (!planned.ok) throw new RequestValidationException(planned.problems);
    const { query: q, buckets } = planned.plan;
    let total: ReportFigures;
    let rows: ReportRow[] = [];
    if (name === 'summary') total = await this.summary(q, now);
    else ({ total, rows } = await this.report(name, q, buckets, now));
    return {
      report: name,
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      groupBy: q.groupBy,
      timeZone: q.timeZone,
      generatedAt: now.toISOString(),
      total,
      rows,
    };
  }

  private async report(
    name: FigureReportName,
    query: ReportQuery,
    buckets: TimeBucket[] | null,
    now: Date,
  ): Promise<{ total: ReportFigures; rows: ReportRow[] }> {
    const figures = REPORT_FIGURES[name];
    const found = await this.figureRows(name, query, buckets, now);
    const total = found.total ?? emptyFigures(figures);
    if (name === 'backlog' || !buckets) return { total, rows: sortRows(found.rows, buckets !== null, ROW_ORDER_FIGURE[name]) };
    const byKey = new Map(found.rows.map((r) => [r.key, r]));
    return { total, rows: buckets.map((b) => byKey.get(b.key) ?? { key: b.key, label: b.key, ...emptyFigures(figures) }) };
  }

  private figureRows(
    name: FigureReportName,
    query: ReportQuery,
    buckets: TimeBucket[] | null,
    now: Date,
  ): Promise<ReportFigureRows> {
    if (name === 'backlog') return this.backlog(query, buckets, now);
    if (name === 'deflection') return this.repository.deflection(query, buckets, this.deflectionWindowMs, now);
    return this.repository.incidentReport(name, query, buckets);
  }

  /**
   * Counted at `to` (at most now); by a time groupBy, at the end of each bucket (at most `to`, at most
   * now), buckets starting after now left out. The total is the count at the last instant: the last row's.
   */
  private async backlog(query: ReportQuery, buckets: TimeBucket[] | null, now: Date): Promise<ReportFigureRows> {
    const end = new Date(Math.min(query.to.getTime(), now.getTime()));
    const instants = (buckets ?? [])
      .filter((b) => b.start.getTime() < end.getTime())
      .map((b) => ({ key: b.key, at: new Date(Math.min(b.end.getTime(), end.getTime())) }));
    if (instants.length) {
      const { rows } = await this.repository.backlogSeries(query, instants);
      const { key: _key, label: _label, ...last } = rows[rows.length - 1];
      return { total: last, rows };
    }
    const found = await this.repository.backlogAt(buckets ? { ...query, groupBy: null } : query, end);
    const asOf = end.toISOString();
    return { total: found.total && { ...found.total, asOf }, rows: found.rows.map((r) => ({ ...r, asOf })) };
  }

  /**
   * Every report's total under prefixed names. Two statements at a time, the heaviest first: on two cores
   * all ten at once took twice as long as two at a time (measured over a year of a million incidents).
   */
  private async summary(query: ReportQuery, now: Date): Promise<ReportFigures> {
    const totalsOnly: ReportQuery = { ...query, groupBy: null };
    const totals = new Map<FigureReportName, ReportFigures>();
    const queue = [...SUMMARY_RUN_ORDER];
    const worker = async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        // Help sessions carry no group, category, priority, channel or CI: under such a filter they are unknown.
        const unknown = name === 'deflection' && hasFilters(query.filters);
        totals.set(
          name,
          unknown ? unknownFigures(REPORT_FIGURES.deflection) : (await this.report(name, totalsOnly, null, now)).total,
        );
      }
    };
    await Promise.all(Array.from({ length: SUMMARY_CONCURRENCY }, worker));
    return Object.assign({}, ...SUMMARY_REPORTS.map((name) => toSummaryFigures(name, totals.get(name)!))) as ReportFigures;
  }
}

/** The summary's statements in flight at once (the service runs on two cores). */
const SUMMARY_CONCURRENCY = 2;

/** Percentile sorts and several anchors first, so the two lanes end together. */
const SUMMARY_RUN_ORDER: readonly FigureReportName[] = [
  'mttr',
  'mtta',
  'volume',
  'deflection',
  'sla',
  'flr',
  'fcr',
  'reopen',
  'csat',
  'backlog',
];

function hasFilters(filters: ReportFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}

/** Time rows by key; other rows most first (by the report's count), then by key, the null key last. */
export function sortRows(rows: ReportRow[], byTime: boolean, countFigure: string): ReportRow[] {
  const byKey = (a: ReportRow, b: ReportRow) =>
    a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1;
  const count = (r: ReportRow) => Number(r[countFigure] ?? 0);
  return [...rows].sort(byTime ? byKey : (a, b) => count(b) - count(a) || byKey(a, b));
}
