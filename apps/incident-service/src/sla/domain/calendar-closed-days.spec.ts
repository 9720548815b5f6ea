import { CALENDAR_24X7, CALENDAR_JP_BUSINESS } from '../clock';
import { closedDays } from './calendar-closed-days';

describe('closedDays', () => {
  it('lists the Japanese public holidays of the year with substitute days, and company days after them', () => {
    const days = closedDays({ ...CALENDAR_JP_BUSINESS, extraHolidays: ['2026-12-29', '2026-01-01', '2027-01-04'] }, 2026);
    expect(days[0]).toEqual({ date: '2026-01-01', weekday: 4, nameJa: '元日', nameEn: "New Year's Day", kind: 'public_holiday' });
    // 2026-05-03 (Sunday) → 振替休日 on Wednesday 6 May, after みどりの日 and こどもの日.
    expect(days.filter((d) => d.date.startsWith('2026-05')).map((d) => [d.date, d.nameJa])).toEqual([
      ['2026-05-03', '憲法記念日'],
      ['2026-05-04', 'みどりの日'],
      ['2026-05-05', 'こどもの日'],
      ['2026-05-06', '振替休日'],
    ]);
    // 2026-09-22 lies between 敬老の日 (21) and 秋分の日 (23): 国民の休日.
    expect(days.find((d) => d.date === '2026-09-22')?.nameJa).toBe('国民の休日');
    expect(days[days.length - 1]).toEqual({
      date: '2026-12-29',
      weekday: 2,
      nameJa: '会社休日',
      nameEn: 'Company holiday',
      kind: 'company',
    });
    // New Year's Day is listed once, as the public holiday; another year's company day is left out.
    expect(days.filter((d) => d.date === '2026-01-01')).toHaveLength(1);
    expect(days.some((d) => d.date.startsWith('2027'))).toBe(false);
  });

  it('lists only company days when public holidays are worked, and nothing for 24x7', () => {
    expect(closedDays({ ...CALENDAR_JP_BUSINESS, japaneseHolidaysOff: false, extraHolidays: ['2026-08-13'] }, 2026)).toEqual([
      { date: '2026-08-13', weekday: 4, nameJa: '会社休日', nameEn: 'Company holiday', kind: 'company' },
    ]);
    expect(closedDays(CALENDAR_24X7, 2026)).toEqual([]);
  });
});
