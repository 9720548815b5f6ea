import { parseCsv } from '@helpdesk/csv';
import { DIGEST_FIGURE_COLUMNS, digestCsvFileName, digestCsvText } from './digest-csv';

const figures = {
  opened: 3,
  resolved: 2,
  backlogOpen: 1,
  mttrMeanHours: 1.25,
  mttrMedianHours: null,
  mttrCount: 2,
  flrRate: 0.5,
  flrCount: 2,
  slaResolutionRate: null,
  slaResolutionCount: 0,
  reopenRate: 0,
  csatMeanRating: 4.5,
  csatResponses: 2,
};

describe('digest CSV', () => {
  it('is a header and one record, UTF-8 with BOM, Japanese intact, nulls as empty cells', () => {
    const text = digestCsvText({
      weekStart: '2026-03-02',
      timeZone: 'Asia/Tokyo',
      groupId: 'g1',
      groupName: 'サービスデスク, 東京 🗼',
      figures,
    });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')).toEqual([
      `\uFEFFweekStart,timeZone,groupId,groupName,${DIGEST_FIGURE_COLUMNS.join(',')}`,
      '2026-03-02,Asia/Tokyo,g1,"サービスデスク, 東京 🗼",3,2,1,1.25,,2,0.5,2,,0,0,4.5,2',
      '',
    ]);
    expect(DIGEST_FIGURE_COLUMNS).toEqual(Object.keys(figures));
  });

  it('defuses a group name that a spreadsheet would run as a formula', () => {
    const text = digestCsvText({
      weekStart: '2026-03-02',
      timeZone: 'Asia/Tokyo',
      groupId: null,
      groupName: '=HYPERLINK("x")',
      figures,
    });
    const { records } = parseCsv(text);
    expect(records[0].values).toMatchObject({ groupId: '', groupName: `'=HYPERLINK("x")` });
  });

  it('names the file by week and group key, in ASCII', () => {
    expect(digestCsvFileName('2026-03-02', '0190b7c2-0000-7000-8000-000000000001')).toBe(
      'weekly-digest-2026-03-02-0190b7c2-0000-7000-8000-000000000001.csv',
    );
    expect(digestCsvFileName('2026-03-02', 'グループ"1')).toBe('weekly-digest-2026-03-02-_____1.csv');
  });
});
