import { reportCsvDownload, reportCsvFileName, reportCsvText } from './report-csv';
import { ReportResult } from './report-query';

const result: ReportResult = {
  report: 'flr',
  from: '2026-02-28T15:00:00.000Z',
  to: '2026-03-31T15:00:00.000Z',
  groupBy: 'group',
  timeZone: 'Asia/Tokyo',
  generatedAt: '2026-04-01T00:00:00.000Z',
  total: { resolved: 3, firstLevelResolved: 1, rate: 1 / 3 },
  rows: [
    { key: 'sd', label: 'サービスデスク', resolved: 2, firstLevelResolved: 1, rate: 0.5 },
    { key: 'x', label: '=HYPERLINK("http://evil")', resolved: 1, firstLevelResolved: 0, rate: 0 },
    { key: null, label: null, resolved: 0, firstLevelResolved: 0, rate: null },
  ],
};

describe('report CSV', () => {
  it('is a header, the rows and a total row, Japanese intact, typed text defused, with a BOM', () => {
    expect(reportCsvText(result)).toBe(
      '\uFEFFkey,label,resolved,firstLevelResolved,rate\r\n' +
        'sd,サービスデスク,2,1,0.5\r\n' +
        `x,"'=HYPERLINK(""http://evil"")",1,0,0\r\n` +
        ',,0,0,\r\n' +
        `total,,3,1,${1 / 3}\r\n`,
    );
  });

  it('is named after the report and the dates of the period in its zone', async () => {
    expect(reportCsvFileName(result)).toBe('flr-2026-03-01-2026-04-01.csv');
    expect(reportCsvFileName({ ...result, timeZone: 'UTC' })).toBe('flr-2026-02-28-2026-03-31.csv');
    const file = reportCsvDownload(result);
    expect(file.getHeaders()).toMatchObject({
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="flr-2026-03-01-2026-04-01.csv"',
    });
  });

  it('gives the summary one total row under the prefixed names', () => {
    const text = reportCsvText({
      ...result,
      report: 'summary',
      groupBy: null,
      rows: [],
      total: { volumeOpened: 4, mttrCount: 2 },
    });
    const [header, total] = text.slice(1).split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['key', 'label', 'volumeOpened', 'volumeResolved', 'volumeCancelled']);
    expect(total.split(',').slice(0, 5)).toEqual(['total', '', '4', '', '']);
  });
});
