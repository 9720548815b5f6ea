import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TimeBucket } from './domain/report-buckets';
import { FigureDefinition, REPORT_FIGURES } from './domain/report-figures';
import { ReportFigures, ReportQuery, ReportRow } from './report-query';
import { BacklogInstant, backlogAtStatement, backlogSeriesStatement } from './sql/backlog-report.sql';
import { deflectionStatement } from './sql/deflection-report.sql';
import { IncidentReportName, incidentReportStatement } from './sql/incident-report.sql';
import { SqlStatement } from './sql/report-sql';

/** A report's rows as SQL gave them (no empty buckets, unsorted) and its total. */
export interface ReportFigureRows {
  total: ReportFigures | null;
  rows: ReportRow[];
}

/**
 * For the report's transaction only. Percentiles sort a whole period's values, which spills to disk at the
 * default 4 MB work_mem for a year of incidents. JIT compiling (about 40 ms a statement) costs more than these statements
 * run. Parallel workers made them slower on two cores (volume over 30 days 90 ms instead of 20, FLR over a
 * year 280 ms instead of 100), so each report runs in one process.
 * random_page_cost 1.1 (the usual value for data in memory or on SSD, as the read models are) instead of 4:
 * at 4 the planner read a year's rows by groupBy from the narrow measures index plus the table (rows are
 * stored roughly in time order, which makes the table look cheap) rather than from the covering index
 * alone: FLR by group over a year of a million incidents took 1.1 s instead of 0.26 s.
 */
const REPORT_SETTINGS: Record<string, string> = {
  work_mem: '32MB',
  jit: 'off',
  max_parallel_workers_per_gather: '0',
  random_page_cost: '1.1',
};

const SETTINGS_SQL = `SELECT ${Object.keys(REPORT_SETTINGS)
  .map((name, i) => `set_config('${name}', $${i + 1}, true)`)
  .join(', ')}`;

/** The reports' read-only SQL over the read models: one statement per report. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  incidentReport(name: IncidentReportName, query: ReportQuery, buckets: readonly TimeBucket[] | null): Promise<ReportFigureRows> {
    return this.run(incidentReportStatement(name, query, buckets), REPORT_FIGURES[name]);
  }

  backlogAt(query: ReportQuery, at: Date): Promise<ReportFigureRows> {
    return this.run(backlogAtStatement(query, at), REPORT_FIGURES.backlog);
  }

  backlogSeries(query: ReportQuery, instants: BacklogInstant[]): Promise<ReportFigureRows> {
    return this.run(backlogSeriesStatement(query, instants), REPORT_FIGURES.backlog);
  }

  deflection(query: ReportQuery, buckets: readonly TimeBucket[] | null, windowMs: number, now: Date): Promise<ReportFigureRows> {
    return this.run(deflectionStatement(query, buckets, windowMs, now), REPORT_FIGURES.deflection);
  }

  private async run(statement: SqlStatement, figures: readonly FigureDefinition[]): Promise<ReportFigureRows> {
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query(SETTINGS_SQL, Object.values(REPORT_SETTINGS));
      return manager.query(statement.text, statement.values) as Promise<Array<Record<string, unknown>>>;
    });
    let total: ReportFigures | null = null;
    const rows: ReportRow[] = [];
    for (const row of result) {
      const values = toFigures(row, figures);
      if (row.is_total) total = values;
      else rows.push({ key: textOrNull(row.key), label: textOrNull(row.label), ...values });
    }
    return { total, rows };
  }
}

const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function toFigures(row: Record<string, unknown>, figures: readonly FigureDefinition[]): ReportFigures {
  const out: ReportFigures = {};
  for (const f of figures) {
    const value = row[f.name];
    if (value === null || value === undefined) out[f.name] = null;
    else if (f.kind === 'instant')
      out[f.name] = value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
    else out[f.name] = Number(value);
  }
  return out;
}
