import { autumnalEquinoxDay, isJapanesePublicHoliday, japaneseHolidays, vernalEquinoxDay } from './japanese-holidays';

// Written out from the Cabinet Office lists (内閣府「国民の祝日について」); they name substitute and
// citizens' holidays plain 休日, here 振替休日 / 国民の休日 to say which rule made them.
const CABINET_OFFICE: Record<number, string[]> = {
  2019: [
    '01-01 元日',
    '01-14 成人の日',
    '02-11 建国記念の日',
    '03-21 春分の日',
    '04-29 昭和の日',
    '04-30 国民の休日',
    '05-01 天皇の即位の日',
    '05-02 国民の休日',
    '05-03 憲法記念日',
    '05-04 みどりの日',
    '05-05 こどもの日',
    '05-06 振替休日',
    '07-15 海の日',
    '08-11 山の日',
    '08-12 振替休日',
    '09-16 敬老の日',
    '09-23 秋分の日',
    '10-14 体育の日',
    '10-22 即位礼正殿の儀の行われる日',
    '11-03 文化の日',
    '11-04 振替休日',
    '11-23 勤労感謝の日',
  ],
  2020: [
    '01-01 元日',
    '01-13 成人の日',
    '02-11 建国記念の日',
    '02-23 天皇誕生日',
    '02-24 振替休日',
    '03-20 春分の日',
    '04-29 昭和の日',
    '05-03 憲法記念日',
    '05-04 みどりの日',
    '05-05 こどもの日',
    '05-06 振替休日',
    '07-23 海の日',
    '07-24 スポーツの日',
    '08-10 山の日',
    '09-21 敬老の日',
    '09-22 秋分の日',
    '11-03 文化の日',
    '11-23 勤労感謝の日',
  ],
  2021: [
    '01-01 元日',
    '01-11 成人の日',
    '02-11 建国記念の日',
    '02-23 天皇誕生日',
    '03-20 春分の日',
    '04-29 昭和の日',
    '05-03 憲法記念日',
    '05-04 みどりの日',
    '05-05 こどもの日',
    '07-22 海の日',
    '07-23 スポーツの日',
    '08-08 山の日',
    '08-09 振替休日',
    '09-20 敬老の日',
    '09-23 秋分の日',
    '11-03 文化の日',
    '11-23 勤労感謝の日',
  ],
  2024: [
    '01-01 元日',
    '01-08 成人の日',
    '02-11 建国記念の日',
    '02-12 振替休日',
    '02-23 天皇誕生日',
    '03-20 春分の日',
    '04-29 昭和の日',
    '05-03 憲法記念日',
    '05-04 みどりの日',
    '05-05 こどもの日',
    '05-06 振替休日',
    '07-15 海の日',
    '08-11 山の日',
    '08-12 振替休日',
    '09-16 敬老の日',
    '09-22 秋分の日',
    '09-23 振替休日',
    '10-14 スポーツの日',
    '11-03 文化の日',
    '11-04 振替休日',
    '11-23 勤労感謝の日',
  ],
  2025: [
    '01-01 元日',
    '01-13 成人の日',
    '02-11 建国記念の日',
    '02-23 天皇誕生日',
    '02-24 振替休日',
    '03-20 春分の日',
    '04-29 昭和の日',
    '05-03 憲法記念日',
    '05-04 みどりの日',
    '05-05 こどもの日',
    '05-06 振替休日',
    '07-21 海の日',
    '08-11 山の日',
    '09-15 敬老の日',
    '09-23 秋分の日',
    '10-13 スポーツの日',
    '11-03 文化の日',
    '11-23 勤労感謝の日',
    '11-24 振替休日',
  ],
  2026: [
    '01-01 元日',
    '01-12 成人の日',
    '02-11 建国記念の日',
    '02-23 天皇誕生日',
    '03-20 春分の日',
    '04-29 昭和の日',
    '05-03 憲法記念日',
    '05-04 みどりの日',
    '05-05 こどもの日',
    '05-06 振替休日',
    '07-20 海の日',
    '08-11 山の日',
    '09-21 敬老の日',
    '09-22 国民の休日',
    '09-23 秋分の日',
    '10-12 スポーツの日',
    '11-03 文化の日',
    '11-23 勤労感謝の日',
  ],
};

describe('japaneseHolidays', () => {
  it.each(Object.keys(CABINET_OFFICE).map(Number))('%i matches the Cabinet Office list', (year) => {
    expect(japaneseHolidays(year).map((h) => `${h.date.slice(5)} ${h.nameJa}`)).toEqual(CABINET_OFFICE[year]);
    expect(japaneseHolidays(year).every((h) => h.date.startsWith(`${year}-`) && h.nameEn.length > 0)).toBe(true);
  });

  it('follows the rules in force before the 2007 reform', () => {
    // 2006: 1/1 on a Sunday → 1/2; 4/29 was みどりの日 and 5/4 a citizens' holiday; 天皇誕生日 12/23.
    expect(japaneseHolidays(2006).map((h) => `${h.date.slice(5)} ${h.nameJa}`)).toEqual([
      '01-01 元日',
      '01-02 振替休日',
      '01-09 成人の日',
      '02-11 建国記念の日',
      '03-21 春分の日',
      '04-29 みどりの日',
      '05-03 憲法記念日',
      '05-04 国民の休日',
      '05-05 こどもの日',
      '07-17 海の日',
      '09-18 敬老の日',
      '09-23 秋分の日',
      '10-09 体育の日',
      '11-03 文化の日',
      '11-23 勤労感謝の日',
      '12-23 天皇誕生日',
    ]);
    // Fixed 海の日 (7/20) and 敬老の日 (9/15) until 2002; no 山の日 before 2016.
    expect(isJapanesePublicHoliday('2002-07-20')).toBe(true);
    expect(isJapanesePublicHoliday('2002-09-15')).toBe(true);
    expect(isJapanesePublicHoliday('2003-07-21')).toBe(true);
    expect(isJapanesePublicHoliday('2015-08-11')).toBe(false);
    expect(isJapanesePublicHoliday('2016-08-11')).toBe(true);
  });

  it('has the Silver Week citizens’ holiday whenever 敬老の日 and 秋分の日 are two days apart', () => {
    expect(isJapanesePublicHoliday('2009-09-22')).toBe(true);
    expect(isJapanesePublicHoliday('2015-09-22')).toBe(true);
    expect(isJapanesePublicHoliday('2032-09-21')).toBe(true);
  });

  it('gives the equinoxes by the astronomical approximation', () => {
    expect([2019, 2020, 2024, 2025, 2026, 2030].map(vernalEquinoxDay)).toEqual([21, 20, 20, 20, 20, 20]);
    expect([2019, 2020, 2024, 2025, 2026, 2030].map(autumnalEquinoxDay)).toEqual([23, 22, 22, 23, 23, 23]);
  });

  it('keeps every year 2000–2099 consistent', () => {
    for (let year = 2000; year <= 2099; year++) {
      const list = japaneseHolidays(year);
      const dates = list.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      expect(list.length).toBeGreaterThanOrEqual(15);
      expect(list.length).toBeLessThanOrEqual(24);
      for (const h of list) {
        const weekday = new Date(`${h.date}T00:00:00Z`).getUTCDay();
        // A substitute holiday is never a Sunday and always follows a run of holidays that starts on a Sunday.
        if (h.nameJa === '振替休日') {
          expect(weekday).not.toBe(0);
          expect(isJapanesePublicHoliday(shift(h.date, -1))).toBe(true);
        }
        if (h.nameJa === '国民の休日') {
          expect(isJapanesePublicHoliday(shift(h.date, -1)) && isJapanesePublicHoliday(shift(h.date, 1))).toBe(true);
        }
      }
    }
  });

  it('refuses years it cannot compute and malformed dates', () => {
    expect(() => japaneseHolidays(1999)).toThrow(RangeError);
    expect(() => japaneseHolidays(2100)).toThrow(RangeError);
    expect(() => isJapanesePublicHoliday('2026/01/01')).toThrow(RangeError);
  });

  it('answers from the cache', () => {
    expect(japaneseHolidays(2026)).toBe(japaneseHolidays(2026));
    expect(isJapanesePublicHoliday('2026-09-22')).toBe(true);
    expect(isJapanesePublicHoliday('2026-09-24')).toBe(false);
  });
});

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
