import { TimeBucket } from '../domain/report-buckets';
import { isTimeGroupBy, ReportQuery } from '../report-query';
import {
  dimensionSql,
  groupingSql,
  incidentFiltersSql,
  percentilesSql,
  rateSql,
  RESOLVED_SQL,
  SqlParams,
  SqlStatement,
  timeBucketsSql,
} from './report-sql';

export type IncidentReportName = 'mttr' | 'mtta' | 'fcr' | 'flr' | 'sla' | 'reopen' | 'csat' | 'volume';

/** The incidents one anchor time puts in the period, with the columns the aggregates read. */
interface AnchoredPart {
  anchor: 'opened_at' | 'resolved_at' | 'first_response_at' | 'cancelled_at';
  where?: string;
  columns: string;
}

/** A report as anchored parts (UNION ALL when a report counts on two or three times) and its aggregates over x. */
interface IncidentReportSpec {
  parts: AnchoredPart[];
  aggregates: string[];
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const calendar = percentilesSql('x.cal', HOUR_MS);
const business = percentilesSql('x.bus', HOUR_MS);
const response = percentilesSql('x.ms', MINUTE_MS);

const SPECS: Record<IncidentReportName, IncidentReportSpec> = {
  // resolution_calendar_ms is set only for resolved or closed incidents at their final resolution, and
  // never for cancelled ones (incident-classification.ts).
  mttr: {
    parts: [
      {
        anchor: 'resolved_at',
        where: 'f.resolution_calendar_ms IS NOT NULL',
        columns: 'f.resolution_calendar_ms AS cal, f.resolution_business_ms AS bus',
      },
    ],
    aggregates: [
      `count(x.cal)::int AS "count"`,
      `(avg(x.cal) / ${HOUR_MS})::float8 AS "meanHours"`,
      `${calendar.median} AS "medianHours"`,
      `${calendar.p90} AS "p90Hours"`,
      `count(x.bus)::int AS "businessCount"`,
      `(avg(x.bus) / ${HOUR_MS})::float8 AS "businessMeanHours"`,
      `${business.median} AS "businessMedianHours"`,
      `${business.p90} AS "businessP90Hours"`,
    ],
  },
  mtta: {
    parts: [{ anchor: 'first_response_at', where: 'f.response_ms IS NOT NULL', columns: 'f.response_ms AS ms' }],
    aggregates: [
      `count(x.ms)::int AS "count"`,
      `(avg(x.ms) / ${MINUTE_MS})::float8 AS "meanMinutes"`,
      `${response.median} AS "medianMinutes"`,
      `${response.p90} AS "p90Minutes"`,
    ],
  },
  fcr: {
    parts: [
      {
        anchor: 'opened_at',
        columns:
          'f.first_contact_resolved AS fcr, f.first_level_resolvable IS DISTINCT FROM false AS net, f.first_contact_claimed AS claimed',
      },
    ],
    aggregates: [
      `count(*)::int AS "opened"`,
      `count(*) FILTER (WHERE x.fcr)::int AS "firstContactResolved"`,
      `${rateSql('count(*) FILTER (WHERE x.fcr)', 'count(*)')} AS "grossRate"`,
      `count(*) FILTER (WHERE x.net)::int AS "netOpened"`,
      `count(*) FILTER (WHERE x.net AND x.fcr)::int AS "netFirstContactResolved"`,
      `${rateSql('count(*) FILTER (WHERE x.net AND x.fcr)', 'count(*) FILTER (WHERE x.net)')} AS "netRate"`,
      `count(*) FILTER (WHERE x.claimed)::int AS "claimed"`,
      `count(*) FILTER (WHERE x.claimed AND x.fcr)::int AS "claimedHonoured"`,
    ],
  },
  flr: {
    parts: [{ anchor: 'resolved_at', where: RESOLVED_SQL, columns: 'f.first_level_resolved AS flr' }],
    aggregates: [
      `count(*)::int AS "resolved"`,
      `count(*) FILTER (WHERE x.flr)::int AS "firstLevelResolved"`,
      `${rateSql('count(*) FILTER (WHERE x.flr)', 'count(*)')} AS "rate"`,
    ],
  },
  sla: {
    parts: [
      {
        anchor: 'resolved_at',
        where: `${RESOLVED_SQL} AND f.resolution_sla_met IS NOT NULL`,
        columns: 'f.resolution_sla_met AS res_met, NULL::boolean AS resp_met',
      },
      {
        anchor: 'opened_at',
        where: 'f.response_sla_met IS NOT NULL',
        columns: 'NULL::boolean AS res_met, f.response_sla_met AS resp_met',
      },
    ],
    aggregates: [
      `count(x.res_met)::int AS "resolutionCount"`,
      `count(*) FILTER (WHERE x.res_met)::int AS "resolutionMet"`,
      `${rateSql('count(*) FILTER (WHERE x.res_met)', 'count(x.res_met)')} AS "resolutionRate"`,
      `count(x.resp_met)::int AS "responseCount"`,
      `count(*) FILTER (WHERE x.resp_met)::int AS "responseMet"`,
      `${rateSql('count(*) FILTER (WHERE x.resp_met)', 'count(x.resp_met)')} AS "responseRate"`,
    ],
  },
  reopen: {
    parts: [{ anchor: 'resolved_at', where: RESOLVED_SQL, columns: 'f.reopened AS reopened' }],
    aggregates: [
      `count(*)::int AS "resolved"`,
      `count(*) FILTER (WHERE x.reopened)::int AS "reopened"`,
      `${rateSql('count(*) FILTER (WHERE x.reopened)', 'count(*)')} AS "rate"`,
    ],
  },
  // Imported history had no survey: only live incidents were sent one.
  csat: {
    parts: [{ anchor: 'resolved_at', where: `${RESOLVED_SQL} AND f.source = 'live'`, columns: 'f.csat_rating AS rating' }],
    aggregates: [
      `count(*)::int AS "resolved"`,
      `count(x.rating)::int AS "responses"`,
      `${rateSql('count(x.rating)', 'count(*)')} AS "responseRate"`,
      `avg(x.rating)::float8 AS "meanRating"`,
    ],
  },
  volume: {
    parts: [
      { anchor: 'opened_at', columns: '1 AS kind' },
      { anchor: 'resolved_at', where: RESOLVED_SQL, columns: '2 AS kind' },
      { anchor: 'cancelled_at', columns: '3 AS kind' },
    ],
    aggregates: [
      `count(*) FILTER (WHERE x.kind = 1)::int AS "opened"`,
      `count(*) FILTER (WHERE x.kind = 2)::int AS "resolved"`,
      `count(*) FILTER (WHERE x.kind = 3)::int AS "cancelled"`,
    ],
  },
};

/**
 * One statement per report: each part's incidents by its anchor time in [from, to) and the filters, keyed
 * by the groupBy (a time bucket of the part's own anchor), then the rows and the total in one GROUP BY.
 * `buckets`: the time buckets of a day/week/month groupBy.
 */
export function incidentReportStatement(
  name: IncidentReportName,
  query: ReportQuery,
  buckets: readonly TimeBucket[] | null,
): SqlStatement {
  const spec = SPECS[name];
  const params = new SqlParams();
  const from = params.add(query.from, 'timestamptz');
  const to = params.add(query.to, 'timestamptz');
  const times = isTimeGroupBy(query.groupBy) && buckets ? timeBucketsSql(buckets, params) : null;
  const filters = incidentFiltersSql(query.filters, params);
  const parts = spec.parts.map((part) => {
    const anchor = `f.${part.anchor}`;
    const { key, label } = dimensionSql(query.groupBy, anchor, times);
    const where = part.where ? ` AND ${part.where}` : '';
    return (
      `SELECT ${key} AS k, ${label} AS l, ${part.columns} FROM incident_fact f ` +
      `WHERE ${anchor} >= ${from} AND ${anchor} < ${to}${where}${filters}`
    );
  });
  const grouping = groupingSql(dimensionSql(query.groupBy, 'f.opened_at', times));
  return {
    text: `SELECT ${grouping.columns}, ${spec.aggregates.join(', ')} FROM (${parts.join(' UNION ALL ')}) x ${grouping.groupBy}`,
    values: params.values,
  };
}
