import { ReportQuery } from '../report-query';
import { dimensionSql, groupingSql, incidentFiltersSql, OPEN_UNTIL_SQL, SqlParams, SqlStatement } from './report-sql';

/** One instant the backlog is counted at: the end of a time bucket (its key). */
export interface BacklogInstant {
  key: string;
  at: Date;
}

/** itil.md's age buckets: lower bound included (exactly 1 day old is 1–3 d). */
function ageAggregates(age: string, open: string): string[] {
  const between = (lo: number | null, hi: number | null) =>
    [lo !== null ? `${age} >= interval '${lo} hours'` : null, hi !== null ? `${age} < interval '${hi} hours'` : null]
      .filter(Boolean)
      .join(' AND ');
  return [
    `count(${open})::int AS "open"`,
    `count(*) FILTER (WHERE ${between(null, 24)})::int AS "under1d"`,
    `count(*) FILTER (WHERE ${between(24, 72)})::int AS "d1to3"`,
    `count(*) FILTER (WHERE ${between(72, 168)})::int AS "d3to7"`,
    `count(*) FILTER (WHERE ${between(168, 720)})::int AS "d7to30"`,
    `count(*) FILTER (WHERE ${between(720, null)})::int AS "over30"`,
  ];
}

/**
 * Open at one instant T (opened by T, and neither resolved, closed nor cancelled by T), by a groupBy that
 * is not a time, plus the total. The range on OPEN_UNTIL reads only incidents still open at T or ended
 * after it (its index).
 */
export function backlogAtStatement(query: ReportQuery, at: Date): SqlStatement {
  const params = new SqlParams();
  const t = params.add(at, 'timestamptz');
  const filters = incidentFiltersSql(query.filters, params);
  const dimension = dimensionSql(query.groupBy, 'f.opened_at', null);
  const grouping = groupingSql(dimension);
  const { key, label } = dimension;
  return {
    text:
      `SELECT ${grouping.columns}, ${ageAggregates('x.age', '*').join(', ')} FROM (` +
      `SELECT ${key} AS k, ${label} AS l, ${t} - f.opened_at AS age FROM incident_fact f ` +
      `WHERE ${OPEN_UNTIL_SQL} > ${t} AND f.opened_at <= ${t}${filters}) x ${grouping.groupBy}`,
    values: params.values,
  };
}

/** The age thresholds of the buckets, in hours: age ≥ AGE_HOURS[k] is bucket k or older. */
const AGE_HOURS = [0, 24, 72, 168, 720];
const BUCKET_FIGURES = ['under1d', 'd1to3', 'd3to7', 'd7to30', 'over30'];

/**
 * Open at each of ascending instants t1 < … < tn (the ends of time buckets), in one pass over the incidents
 * open at some time between t1 and tn, however many instants: an incident is open and at least
 * AGE_HOURS[k] old exactly at the instants from p_k = #{t < opened_at + AGE_HOURS[k]} + 1 to before
 * q = #{t < open until} + 1 (width_bucket finds both in the sorted instants). Counting, for each k, the
 * incidents whose p_k is i and those whose q is i (with p_k < q) and summing those counts up to i gives
 * A_k(i), the incidents open and at least that old at ti; each age bucket is A_k − A_k+1. (c is
 * materialized so that the planner, which cannot know that the indexes take at most n + 1 values, hashes
 * the six histograms instead of sorting the incidents four more times.)
 */
export function backlogSeriesStatement(query: ReportQuery, instants: BacklogInstant[]): SqlStatement {
  const params = new SqlParams();
  const keys = params.add(
    instants.map((i) => i.key),
    'text[]',
  );
  const ats = params.add(
    instants.map((i) => i.at),
    'timestamptz[]',
  );
  const first = params.add(instants[0].at, 'timestamptz');
  const last = params.add(instants[instants.length - 1].at, 'timestamptz');
  const count = params.add(instants.length, 'int');
  const filters = incidentFiltersSql(query.filters, params);
  const ks = AGE_HOURS.map((_, k) => k);
  // #{t < x} + 1: timestamps are whole microseconds, so "< x" is "≤ x − 1 µs", which width_bucket counts.
  const index = (x: string) => `width_bucket(${x} - interval '1 microsecond', t.ats) + 1`;
  // An incident closed before reaching an age never counts at it: no search (most close within a day).
  const starts = ks.map((k) => {
    const reached = `f.opened_at + interval '${AGE_HOURS[k]} hours'`;
    return k === 0 ? `${index(reached)} AS p0` : `CASE WHEN ${reached} < ${OPEN_UNTIL_SQL} THEN ${index(reached)} END AS p${k}`;
  });
  const sets = [...ks.map((k) => `(c.p${k})`), '(c.q)'].join(', ');
  const column = `CASE ${ks.map((k) => `WHEN GROUPING(c.p${k}) = 0 THEN ${k}`).join(' ')} ELSE -1 END`;
  const counts = ks.map((k) => `count(*) FILTER (WHERE c.p${k} < c.q) AS n${k}`);
  const deltas = ks.map((k) => `sum(CASE h.col WHEN ${k} THEN h.n${k} WHEN -1 THEN -h.n${k} END) AS d${k}`);
  const sums = ks.map((k) => `sum(coalesce(d.d${k}, 0)) OVER w AS a${k}`);
  const figures = ks.map((k) => `(a.a${k}${k < 4 ? ` - a.a${k + 1}` : ''})::int AS "${BUCKET_FIGURES[k]}"`);
  return {
    text:
      `WITH t AS (SELECT ${keys} AS keys, ${ats} AS ats), ` +
      `c AS MATERIALIZED (SELECT ${starts.join(', ')}, ${index(OPEN_UNTIL_SQL)} AS q FROM incident_fact f, t ` +
      `WHERE ${OPEN_UNTIL_SQL} > ${first} AND f.opened_at <= ${last}${filters}), ` +
      `h AS (SELECT ${column} AS col, coalesce(${[...ks.map((k) => `c.p${k}`), 'c.q'].join(', ')}) AS i, ${counts.join(', ')} ` +
      `FROM c GROUP BY GROUPING SETS (${sets})), ` +
      `d AS (SELECT h.i, ${deltas.join(', ')} FROM h WHERE h.i <= ${count} GROUP BY h.i), ` +
      `a AS (SELECT s.i, ${sums.join(', ')} FROM generate_series(1, ${count}) s(i) LEFT JOIN d ON d.i = s.i ` +
      `WINDOW w AS (ORDER BY s.i)) ` +
      `SELECT t.keys[a.i] AS key, t.keys[a.i] AS label, false AS is_total, t.ats[a.i] AS "asOf", a.a0::int AS "open", ` +
      `${figures.join(', ')} FROM a, t ORDER BY a.i`,
    values: params.values,
  };
}
