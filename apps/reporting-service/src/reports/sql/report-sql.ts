import { TimeBucket } from '../domain/report-buckets';
import { isTimeGroupBy, ReportFilters, ReportGroupBy } from '../report-query';

/** One statement and its parameters, for DataSource.query. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

/** Numbered parameters ($1, $2, ...) as a statement is built; values never enter the text. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** Resolved or closed (a reopened incident is neither until resolved again). */
export const RESOLVED_SQL = `f.state IN ('resolved', 'closed')`;

/**
 * When an incident stopped being open: its resolution (the last one: a reopen clears it), closure or
 * cancellation, else never. Migration 1798000000001 indexes this very expression for the backlog.
 */
export const OPEN_UNTIL_SQL = `coalesce(least(f.resolved_at, f.closed_at, f.cancelled_at), 'infinity'::timestamptz)`;

/**
 * The time buckets of a day/week/month groupBy as parameters: their starts (ascending instants, cut in the
 * report's zone by report-buckets.ts) and keys. A row's bucket is width_bucket(anchor, starts), a binary
 * search on an integer key, rather than converting every row to local time in SQL: cheaper, and the keys are
 * exactly the buckets the service answers.
 */
export interface TimeBucketsSql {
  starts: string;
  keys: string;
}

export function timeBucketsSql(buckets: readonly TimeBucket[], params: SqlParams): TimeBucketsSql {
  return {
    starts: params.add(
      buckets.map((b) => b.start),
      'timestamptz[]',
    ),
    keys: params.add(
      buckets.map((b) => b.key),
      'text[]',
    ),
  };
}

/**
 * A groupBy over incident_fact f (or a time over another table): what the inner select groups on (k, l)
 * and how the outer select shows it; names are carried only for group and agent.
 */
export interface DimensionSql {
  /** False without a groupBy: the answer is the total alone. */
  grouped: boolean;
  key: string;
  label: string;
  keyOut: string;
  labelOut: string;
}

export function dimensionSql(groupBy: ReportGroupBy | null, anchor: string, buckets: TimeBucketsSql | null): DimensionSql {
  if (groupBy === null)
    return { grouped: false, key: 'NULL::text', label: 'NULL::text', keyOut: 'NULL::text', labelOut: 'NULL::text' };
  if (isTimeGroupBy(groupBy)) {
    if (!buckets) throw new Error(`groupBy ${groupBy} needs its time buckets`);
    const key = `(${buckets.keys})[x.k]`;
    return { grouped: true, key: `width_bucket(${anchor}, ${buckets.starts})`, label: 'NULL::text', keyOut: key, labelOut: key };
  }
  const named = (key: string, label: string) => ({ grouped: true, key, label, keyOut: 'x.k', labelOut: 'max(x.l)' });
  const plain = (key: string, keyOut = 'x.k') => ({ grouped: true, key, label: 'NULL::text', keyOut, labelOut: keyOut });
  switch (groupBy) {
    case 'group':
      return named('f.group_id', 'f.group_name');
    case 'agent':
      return named('f.assignee_id', 'f.assignee_name');
    case 'category':
      return plain('f.category');
    case 'priority':
      return plain('f.priority', 'x.k::text');
    case 'channel':
      return plain('f.channel');
    case 'ci':
      return plain('f.ci_id');
  }
}

/** ` AND ...` for each filter given, over incident_fact f. */
export function incidentFiltersSql(filters: ReportFilters, params: SqlParams): string {
  const clauses: string[] = [];
  if (filters.groupId !== undefined) clauses.push(`f.group_id = ${params.add(filters.groupId, 'text')}`);
  if (filters.category !== undefined) clauses.push(`f.category = ${params.add(filters.category, 'text')}`);
  if (filters.priority !== undefined) clauses.push(`f.priority = ${params.add(filters.priority, 'smallint')}`);
  if (filters.channel !== undefined) clauses.push(`f.channel = ${params.add(filters.channel, 'text')}`);
  if (filters.ciId !== undefined) clauses.push(`f.ci_id = ${params.add(filters.ciId, 'text')}`);
  return clauses.map((c) => ` AND ${c}`).join('');
}

/**
 * The key, label and total-marker columns over a subquery x holding k and l, and the GROUP BY that gives
 * the rows and the total in one pass (the empty grouping set is the total, also over no rows).
 */
export function groupingSql(dimension: DimensionSql): { columns: string; groupBy: string } {
  if (!dimension.grouped) return { columns: 'NULL::text AS key, NULL::text AS label, true AS is_total', groupBy: '' };
  return {
    columns: `${dimension.keyOut} AS key, ${dimension.labelOut} AS label, GROUPING(x.k) = 1 AS is_total`,
    groupBy: 'GROUP BY GROUPING SETS ((x.k), ())',
  };
}

/** numerator / denominator as float8, null over 0. */
export const rateSql = (numerator: string, denominator: string) => `(${numerator})::float8 / NULLIF(${denominator}, 0)`;

/** Median and 90th percentile from one sort: percentile_cont over ARRAY[0.5, 0.9], each divided into a unit. */
export function percentilesSql(column: string, divisor: number): { median: string; p90: string } {
  const both = `percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${column})`;
  return { median: `((${both})[1] / ${divisor})`, p90: `((${both})[2] / ${divisor})` };
}
