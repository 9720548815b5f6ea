import { timeBuckets } from '../domain/report-buckets';
import { isTimeGroupBy, REPORT_GROUP_BYS, ReportFilters, ReportGroupBy, ReportQuery } from '../report-query';
import { backlogAtStatement, backlogSeriesStatement } from './backlog-report.sql';
import { deflectionStatement } from './deflection-report.sql';
import { IncidentReportName, incidentReportStatement } from './incident-report.sql';
import { SqlStatement } from './report-sql';

const INCIDENT_REPORTS: IncidentReportName[] = ['mttr', 'mtta', 'fcr', 'flr', 'sla', 'reopen', 'csat', 'volume'];
const FILTERS: ReportFilters[] = [{}, { groupId: 'sd', category: "it's; DROP", priority: 2, channel: 'phone', ciId: 'CI-1' }];

const query = (groupBy: ReportGroupBy | null, filters: ReportFilters): ReportQuery => ({
  from: new Date('2026-03-01T00:00:00Z'),
  to: new Date('2026-04-01T00:00:00Z'),
  groupBy,
  timeZone: 'Asia/Tokyo',
  filters,
});

const bucketsOf = (q: ReportQuery) => (isTimeGroupBy(q.groupBy) ? timeBuckets(q.from, q.to, q.groupBy, q.timeZone) : null);

/** PostgreSQL refuses a parameter no expression types, and a placeholder without a value. */
function expectEveryParameterUsed(s: SqlStatement) {
  const used = new Set([...s.text.matchAll(/\$(\d+)::/g)].map((m) => Number(m[1])));
  expect([...used].sort((a, b) => a - b)).toEqual(s.values.map((_, i) => i + 1));
}

describe('report statements', () => {
  it.each(INCIDENT_REPORTS)('%s: every parameter is used, values never enter the text', (name) => {
    for (const filters of FILTERS) {
      for (const groupBy of [null, ...REPORT_GROUP_BYS]) {
        const q = query(groupBy, filters);
        const s = incidentReportStatement(name, q, bucketsOf(q));
        expectEveryParameterUsed(s);
        expect(s.text).not.toContain('DROP');
        expect(s.text).toContain(groupBy ? 'GROUPING SETS' : 'true AS is_total');
      }
    }
  });

  it('backlog and deflection: every parameter is used', () => {
    for (const filters of FILTERS) {
      for (const groupBy of [null, 'group', 'agent', 'category', 'priority', 'channel', 'ci'] as const) {
        expectEveryParameterUsed(backlogAtStatement(query(groupBy, filters), new Date()));
      }
      const instants = [
        { key: '2026-03-01', at: new Date('2026-03-01T15:00:00Z') },
        { key: '2026-03-02', at: new Date('2026-03-02T15:00:00Z') },
      ];
      expectEveryParameterUsed(backlogSeriesStatement(query('day', filters), instants));
    }
    for (const groupBy of [null, 'day', 'week', 'month'] as const) {
      const q = query(groupBy, {});
      expectEveryParameterUsed(deflectionStatement(q, bucketsOf(q), 86_400_000, new Date()));
    }
  });

  it('buckets each part of a report on its own anchor time, among the starts of the buckets', () => {
    const q = query('day', {});
    const sla = incidentReportStatement('sla', q, bucketsOf(q));
    expect(sla.text).toContain(`width_bucket(f.resolved_at, $3::timestamptz[])`);
    expect(sla.text).toContain(`width_bucket(f.opened_at, $3::timestamptz[])`);
    expect(sla.text).toContain(`($4::text[])[x.k] AS key`);
    // 2026-03-01T00:00Z to 2026-04-01T00:00Z is 09:00 on 1 March to 09:00 on 1 April in Tokyo: 32 days.
    expect(sla.values[2]).toHaveLength(32);
    expect((sla.values[3] as string[])[31]).toBe('2026-04-01');
    const month = query('month', {});
    const volume = incidentReportStatement('volume', month, bucketsOf(month)).text;
    for (const anchor of ['opened_at', 'resolved_at', 'cancelled_at']) {
      expect(volume).toContain(`f.${anchor} >= $1::timestamptz AND f.${anchor} < $2::timestamptz`);
    }
  });
});
