import { TimeBucket } from '../domain/report-buckets';
import { ReportQuery } from '../report-query';
import { dimensionSql, groupingSql, rateSql, SqlParams, SqlStatement, timeBucketsSql } from './report-sql';

/**
 * itil.md self-service rate over employees' help sessions started in the period: deflected by a click on
 * "this solved my problem", or by a suggested article viewed with no incident opened by the employee in
 * (view, view + window]; pending while that window runs and no incident came. The view is the session's
 * last suggested one. Sessions whose start event has not arrived (views only) are not counted yet.
 */
export function deflectionStatement(
  query: ReportQuery,
  buckets: readonly TimeBucket[] | null,
  windowMs: number,
  now: Date,
): SqlStatement {
  const params = new SqlParams();
  const from = params.add(query.from, 'timestamptz');
  const to = params.add(query.to, 'timestamptz');
  const times = buckets ? timeBucketsSql(buckets, params) : null;
  const window = `(${params.add(windowMs, 'bigint')} * interval '1 millisecond')`;
  const nowAt = params.add(now, 'timestamptz');
  const dimension = dimensionSql(query.groupBy, 's.started_at', times);
  const grouping = groupingSql(dimension);
  const { key, label } = dimension;
  const view = 's.last_suggestion_view_at';
  // Looked up once per undecided session (a LATERAL join, not a subquery the aggregates would each repeat).
  const followed =
    `LEFT JOIN LATERAL (SELECT true AS found FROM incident_fact i WHERE s.deflected_at IS NULL AND ${view} IS NOT NULL ` +
    `AND i.caller_id = s.user_id AND i.opened_at > ${view} AND i.opened_at <= ${view} + ${window} LIMIT 1) n ON true`;
  const outcome =
    `CASE WHEN s.deflected_at IS NOT NULL THEN 'click' WHEN ${view} IS NULL THEN NULL WHEN n.found THEN 'incident' ` +
    `WHEN ${view} + ${window} <= ${nowAt} THEN 'no_incident' ELSE 'pending' END`;
  const deflected = `count(*) FILTER (WHERE x.outcome IN ('click', 'no_incident'))`;
  return {
    text:
      `SELECT ${grouping.columns}, count(*)::int AS "sessions", ${deflected}::int AS "deflected", ` +
      `count(*) FILTER (WHERE x.outcome = 'click')::int AS "byClick", ` +
      `count(*) FILTER (WHERE x.outcome = 'no_incident')::int AS "byNoIncident", ` +
      `count(*) FILTER (WHERE x.outcome = 'pending')::int AS "pending", ` +
      `${rateSql(deflected, 'count(*)')} AS "rate" ` +
      `FROM (SELECT ${key} AS k, ${label} AS l, ${outcome} AS outcome FROM help_session_fact s ${followed} ` +
      `WHERE s.started_at >= ${from} AND s.started_at < ${to} AND s.user_is_staff = false) x ${grouping.groupBy}`,
    values: params.values,
  };
}
