import { Principal } from '@helpdesk/auth';
import { buildOpenApiDocument } from '@helpdesk/service-runtime';
import { useControllerTestApp } from '@helpdesk/testing';
import { ReportingConfig } from '../config/reporting.config';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Authentication, roles, query validation and the CSV form; the SQL is a stub (the integration spec runs it). */
describe('ReportsController (auth, validation, CSV)', () => {
  const repository = {
    incidentReport: jest.fn(async () => ({
      total: { resolved: 1, firstLevelResolved: 1, rate: 1 },
      rows: [{ key: 'sd', label: 'サービスデスク', resolved: 1, firstLevelResolved: 1, rate: 1 }],
    })),
    backlogAt: jest.fn(async () => ({ total: { open: 0 }, rows: [] })),
    backlogSeries: jest.fn(),
    deflection: jest.fn(async () => ({ total: null, rows: [] })),
  };
  const api = useControllerTestApp({
    controllers: [ReportsController],
    providers: [
      ReportsService,
      { provide: ReportsRepository, useValue: repository },
      { provide: ReportingConfig, useValue: new ReportingConfig() },
    ],
  });
  const as = (...roles: Principal['roles']) => api.as(roles);

  it('answers admins and supervisors; 403 for agents and employees; 401 without a token', async () => {
    await api.http().get('/reports/flr').expect(401);
    for (const path of ['/reports/summary', '/reports/flr', '/reports/backlog', '/reports/deflection']) {
      expect((await as('employee').get(path)).status).toBe(403);
      expect((await as('agent', 'specialist').get(path)).status).toBe(403);
      expect((await as('supervisor').get(path)).status).toBe(200);
    }
    const res = await as('admin').get('/reports/flr?groupBy=group');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      report: 'flr',
      groupBy: 'group',
      timeZone: 'Asia/Tokyo',
      total: { resolved: 1, rate: 1 },
      rows: [{ key: 'sd', label: 'サービスデスク' }],
    });
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(30 * 86_400_000);
  });

  it('passes the period, zone and filters on', async () => {
    const res = await as('admin').get(
      '/reports/mttr?from=2026-03-01&to=2026-03-08T00:00:00Z&timeZone=UTC&group=sd&category=network&priority=2&channel=phone&ci=CI-9',
    );
    expect(res.status).toBe(200);
    expect(repository.incidentReport).toHaveBeenCalledWith(
      'mttr',
      {
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-03-08T00:00:00Z'),
        groupBy: null,
        timeZone: 'UTC',
        filters: { groupId: 'sd', category: 'network', priority: 2, channel: 'phone', ciId: 'CI-9' },
      },
      null,
    );
  });

  it.each([
    ['an unknown parameter', '/reports/mttr?sort=asc', ['sort']],
    ['a bad from', '/reports/mttr?from=yesterday', ['from']],
    ['an impossible date', '/reports/mttr?to=2026-02-30', ['to']],
    ['from after to', '/reports/mttr?from=2026-03-02&to=2026-03-01', ['from']],
    ['from equal to to', '/reports/fcr?from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z', ['from']],
    ['an unknown groupBy', '/reports/mttr?groupBy=year', ['groupBy']],
    ['too many buckets', '/reports/volume?from=2020-01-01&to=2026-01-01&groupBy=day', ['groupBy']],
    ['a groupBy on the summary', '/reports/summary?groupBy=day', ['groupBy']],
    ['a non-time groupBy on deflection', '/reports/deflection?groupBy=agent', ['groupBy']],
    ['an incident filter on deflection', '/reports/deflection?group=sd&ci=CI-1', ['group', 'ci']],
    ['priority 6', '/reports/flr?priority=6', ['priority']],
    ['priority text', '/reports/flr?priority=high', ['priority']],
    ['an unknown zone', '/reports/flr?timeZone=Mars/Olympus', ['timeZone']],
    ['a control character', '/reports/flr?category=a%00b', ['category']],
    ['a repeated filter', '/reports/flr?group=a&group=b', ['group']],
    ['an unknown format', '/reports/flr?format=xlsx', ['format']],
    ['two bad fields', '/reports/flr?from=x&priority=0', ['from', 'priority']],
  ])('400 for %s, one detail per field', async (_case, path, fields) => {
    const res = await as('admin').get(path);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
  });

  it('answers CSV for ?format=csv or Accept: text/csv, with a total row, UTF-8 with BOM', async () => {
    const byParam = await as('supervisor').get('/reports/flr?groupBy=group&from=2026-03-01&to=2026-04-01&format=csv');
    expect(byParam.status).toBe(200);
    expect(byParam.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(byParam.headers['content-disposition']).toBe('attachment; filename="flr-2026-03-01-2026-04-01.csv"');
    expect(byParam.text).toBe('\uFEFFkey,label,resolved,firstLevelResolved,rate\r\nsd,サービスデスク,1,1,1\r\ntotal,,1,1,1\r\n');
    const token = await api.bearer(['admin']);
    const byAccept = await api.http().get('/reports/flr').set('Authorization', token).set('Accept', 'text/csv');
    expect(byAccept.headers['content-type']).toBe('text/csv; charset=utf-8');
    const jsonWins = await api.http().get('/reports/flr?format=json').set('Authorization', token).set('Accept', 'text/csv');
    expect(jsonWins.headers['content-type']).toMatch(/^application\/json/);
  });

  it('documents each route: summary, description, the query and a response shape with every figure described', () => {
    const doc = buildOpenApiDocument(api.app, { title: 'reporting', publicPrefix: 'reports' });
    const reports = ['summary', 'mttr', 'mtta', 'fcr', 'flr', 'sla', 'reopen', 'backlog', 'csat', 'deflection', 'volume'];
    expect(Object.keys(doc.paths).sort()).toEqual(reports.map((r) => `/reports/${r}`).sort());
    const schemas = doc.components!.schemas as Record<string, { properties: Record<string, { description?: string }> }>;
    for (const report of reports) {
      const get = doc.paths[`/reports/${report}`].get!;
      expect(get.summary).toBeTruthy();
      expect(get.description).toContain('Admins and supervisors');
      const params = (get.parameters as Array<{ name: string }>).map((p) => p.name);
      expect(params).toEqual(
        expect.arrayContaining(['from', 'to', 'timeZone', 'group', 'category', 'priority', 'channel', 'ci', 'format']),
      );
      expect(params.includes('groupBy')).toBe(report !== 'summary');
      expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
      const name = `${report[0].toUpperCase()}${report.slice(1)}`;
      expect(JSON.stringify(get.responses['200'])).toContain(`#/components/schemas/${name}ReportDto`);
      const figures = schemas[`${name}FiguresDto`].properties;
      expect(Object.keys(figures).length).toBeGreaterThan(2);
      for (const figure of Object.values(figures)) expect(figure.description).toBeTruthy();
    }
    expect(Object.keys(schemas.MttrRowDto.properties)).toEqual(expect.arrayContaining(['key', 'label', 'count', 'p90Hours']));
  });
});
