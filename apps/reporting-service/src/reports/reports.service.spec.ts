import { RequestValidationException } from '@helpdesk/service-runtime';
import { ReportingConfig } from '../config/reporting.config';
import { ReportQuery, ReportRow } from './report-query';
import { ReportFigureRows, ReportsRepository } from './reports.repository';
import { ReportsService, sortRows } from './reports.service';

const NOW = new Date('2026-03-10T03:00:00Z');

function setup() {
  const repository = {
    incidentReport: jest.fn(async (): Promise<ReportFigureRows> => ({ total: null, rows: [] })),
    backlogAt: jest.fn(async (): Promise<ReportFigureRows> => ({ total: { open: 0 }, rows: [] })),
    backlogSeries: jest.fn(),
    deflection: jest.fn(async (): Promise<ReportFigureRows> => ({ total: null, rows: [] })),
  };
  const config = Object.assign(new ReportingConfig(), { DEFLECTION_WINDOW: '2h' });
  return { repository, service: new ReportsService(repository as unknown as ReportsRepository, config) };
}

const query = (overrides: Partial<ReportQuery> = {}): ReportQuery => ({
  from: new Date('2026-03-01T00:00:00+09:00'),
  to: new Date('2026-03-04T00:00:00+09:00'),
  groupBy: null,
  timeZone: 'Asia/Tokyo',
  filters: {},
  ...overrides,
});

describe('ReportsService', () => {
  it('answers every day bucket, empty ones as counts 0 and figures null', async () => {
    const { repository, service } = setup();
    repository.incidentReport.mockResolvedValue({
      total: { resolved: 2, firstLevelResolved: 1, rate: 0.5 },
      rows: [{ key: '2026-03-02', label: '2026-03-02', resolved: 2, firstLevelResolved: 1, rate: 0.5 }],
    });
    const result = await service.run('flr', query({ groupBy: 'day' }), NOW);
    expect((repository.incidentReport.mock.calls[0] as unknown[])[2]).toHaveLength(3);
    expect(result).toMatchObject({
      report: 'flr',
      from: '2026-02-28T15:00:00.000Z',
      to: '2026-03-03T15:00:00.000Z',
      groupBy: 'day',
      timeZone: 'Asia/Tokyo',
      generatedAt: NOW.toISOString(),
      total: { resolved: 2, firstLevelResolved: 1, rate: 0.5 },
    });
    expect(result.rows).toEqual([
      { key: '2026-03-01', label: '2026-03-01', resolved: 0, firstLevelResolved: 0, rate: null },
      { key: '2026-03-02', label: '2026-03-02', resolved: 2, firstLevelResolved: 1, rate: 0.5 },
      { key: '2026-03-03', label: '2026-03-03', resolved: 0, firstLevelResolved: 0, rate: null },
    ]);
  });

  it('gives the total over nothing as counts 0 when SQL has no total row', async () => {
    const { service } = setup();
    expect((await service.run('mtta', query(), NOW)).total).toEqual({
      count: 0,
      meanMinutes: null,
      medianMinutes: null,
      p90Minutes: null,
    });
  });

  it('counts the backlog at the end of each bucket up to now, buckets after now left out, total the last', async () => {
    const { repository, service } = setup();
    repository.backlogSeries.mockImplementation(async (_q, instants: Array<{ key: string; at: Date }>) => ({
      total: null,
      rows: instants.map((i, n) => ({ key: i.key, label: i.key, open: n, asOf: i.at.toISOString() })),
    }));
    const result = await service.run('backlog', query({ to: new Date('2026-03-20T00:00:00+09:00'), groupBy: 'week' }), NOW);
    const [, instants] = repository.backlogSeries.mock.calls[0];
    expect(instants).toEqual([
      { key: '2026-02-23', at: new Date('2026-03-01T15:00:00Z') },
      { key: '2026-03-02', at: new Date('2026-03-08T15:00:00Z') },
      { key: '2026-03-09', at: NOW },
    ]);
    expect(result.total).toEqual({ open: 2, asOf: NOW.toISOString() });
  });

  it('counts the backlog at to (at most now) by priority by default', async () => {
    const { repository, service } = setup();
    const result = await service.run('backlog', query(), NOW);
    expect(repository.backlogAt).toHaveBeenCalledWith(
      expect.objectContaining({ groupBy: 'priority' }),
      new Date('2026-03-03T15:00:00Z'),
    );
    expect(result).toMatchObject({ groupBy: 'priority', total: { open: 0, asOf: '2026-03-03T15:00:00.000Z' } });
  });

  it('passes the deflection window from config', async () => {
    const { repository, service } = setup();
    await service.run('deflection', query(), NOW);
    expect(repository.deflection).toHaveBeenCalledWith(expect.anything(), null, 2 * 3_600_000, NOW);
  });

  it('sums every report up in the summary; under a filter deflection is unknown', async () => {
    const { repository, service } = setup();
    repository.deflection.mockResolvedValue({ total: { sessions: 4, deflected: 1, rate: 0.25 }, rows: [] });
    const plain = await service.run('summary', query(), NOW);
    expect(plain.rows).toEqual([]);
    expect(plain.total).toMatchObject({
      volumeOpened: 0,
      mttrMeanHours: null,
      backlogOpen: 0,
      deflectionSessions: 4,
      deflectionRate: 0.25,
    });
    expect(repository.incidentReport).toHaveBeenCalledWith('mttr', expect.objectContaining({ groupBy: null }), null);
    const filtered = await service.run('summary', query({ filters: { groupId: 'sd' } }), NOW);
    expect(filtered.total).toMatchObject({ deflectionSessions: null, deflectionRate: null, fcrOpened: 0 });
  });

  it('refuses a bad query with a 400 naming the field', async () => {
    const { service } = setup();
    const refusal = service.run('deflection', query({ groupBy: 'agent' }), NOW);
    await expect(refusal).rejects.toBeInstanceOf(RequestValidationException);
    await expect(refusal).rejects.toMatchObject({ details: [{ field: 'groupBy', reason: expect.any(String) }] });
  });

  it('sorts rows most first then by key, the null key last; time rows by key', () => {
    const row = (key: string | null, n: number): ReportRow => ({ key, label: key, n });
    expect(sortRows([row('b', 1), row(null, 5), row('a', 1), row('c', 3)], false, 'n').map((r) => r.key)).toEqual([
      null,
      'c',
      'a',
      'b',
    ]);
    expect(sortRows([row('b', 1), row(null, 1), row('a', 1)], false, 'n').map((r) => r.key)).toEqual(['a', 'b', null]);
    expect(sortRows([row('2026-03-02', 9), row('2026-03-01', 1)], true, 'n').map((r) => r.key)).toEqual([
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});
