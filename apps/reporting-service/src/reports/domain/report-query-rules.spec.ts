import { ReportName, ReportQuery } from '../report-query';
import { planReport } from './report-query-rules';

const query = (overrides: Partial<ReportQuery> = {}): ReportQuery => ({
  from: new Date('2026-03-01T00:00:00+09:00'),
  to: new Date('2026-04-01T00:00:00+09:00'),
  groupBy: null,
  timeZone: 'Asia/Tokyo',
  filters: {},
  ...overrides,
});

const problems = (name: ReportName, q: ReportQuery) => {
  const plan = planReport(name, q);
  return plan.ok ? [] : plan.problems;
};

describe('what a report may be asked', () => {
  it('plans a day groupBy with every bucket of the period, in the canonical zone', () => {
    const plan = planReport('mttr', query({ groupBy: 'day', timeZone: 'asia/tokyo' }));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.plan.query.timeZone).toBe('Asia/Tokyo');
    expect(plan.plan.buckets).toHaveLength(31);
    expect(plan.plan.buckets![0].key).toBe('2026-03-01');
    expect(planReport('mttr', query({ groupBy: 'group' }))).toMatchObject({ ok: true, plan: { buckets: null } });
  });

  it('cuts the backlog by priority unless told otherwise', () => {
    expect(planReport('backlog', query())).toMatchObject({ ok: true, plan: { query: { groupBy: 'priority' } } });
    expect(planReport('backlog', query({ groupBy: 'week' }))).toMatchObject({ ok: true, plan: { query: { groupBy: 'week' } } });
    expect(planReport('mttr', query())).toMatchObject({ ok: true, plan: { query: { groupBy: null } } });
  });

  it('refuses from at or after to, naming from', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    expect(problems('fcr', query({ from: at, to: at }))).toEqual([{ field: 'from', reason: expect.stringMatching(/before to/) }]);
    expect(problems('fcr', query({ from: new Date('2026-05-01'), to: at }))).toEqual([
      { field: 'from', reason: expect.any(String) },
    ]);
    expect(problems('fcr', query({ from: new Date('nonsense') }))).toEqual([{ field: 'from', reason: expect.any(String) }]);
  });

  it('refuses more than 1000 time buckets on groupBy', () => {
    const long = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') };
    expect(problems('volume', query({ ...long, groupBy: 'day' }))).toEqual([
      { field: 'groupBy', reason: expect.stringMatching(/more than 1000 buckets/) },
    ]);
    expect(problems('volume', query({ ...long, groupBy: 'week' }))).toEqual([]);
    expect(problems('volume', query({ ...long, groupBy: 'agent' }))).toEqual([]);
  });

  it('gives deflection time buckets only and no incident filters, one problem per field', () => {
    expect(problems('deflection', query({ groupBy: 'group' }))).toEqual([{ field: 'groupBy', reason: expect.any(String) }]);
    expect(problems('deflection', query({ groupBy: 'month' }))).toEqual([]);
    expect(problems('deflection', query({ filters: { groupId: 'g', priority: 1 } })).map((p) => p.field)).toEqual([
      'group',
      'priority',
    ]);
  });

  it('gives the summary no groupBy but the filters', () => {
    expect(problems('summary', query({ groupBy: 'day' }))).toEqual([{ field: 'groupBy', reason: expect.any(String) }]);
    expect(problems('summary', query({ filters: { groupId: 'sd', ciId: 'CI-1' } }))).toEqual([]);
  });

  it('checks what a programmatic caller passes: zone, groupBy and priority', () => {
    expect(problems('mttr', query({ timeZone: 'Mars/Olympus' })).map((p) => p.field)).toEqual(['timeZone']);
    expect(problems('mttr', query({ groupBy: 'year' as never })).map((p) => p.field)).toEqual(['groupBy']);
    expect(problems('mttr', query({ filters: { priority: 7 } })).map((p) => p.field)).toEqual(['priority']);
  });
});
