import { BusinessCalendarSpec, CALENDAR_24X7, CALENDAR_JP_BUSINESS } from '../clock';
import { calendarSpecProblems } from './calendar-spec-problems';

const fields = (spec: unknown) => calendarSpecProblems(spec as BusinessCalendarSpec, 'calendars[2]').map((d) => d.field);

describe('calendarSpecProblems', () => {
  it('is empty for the default calendars', () => {
    expect(fields(CALENDAR_JP_BUSINESS)).toEqual([]);
    expect(fields(CALENDAR_24X7)).toEqual([]);
  });

  it('names the field of each problem under the prefix, down to a window bound', () => {
    const spec = {
      ...CALENDAR_JP_BUSINESS,
      timeZone: 'Asia/Nowhere',
      workingHours: {
        ...CALENDAR_JP_BUSINESS.workingHours,
        1: [{ start: '9:00', end: '18:00' }],
        2: [{ start: '12:00', end: '10:00' }],
        3: [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '18:00' },
        ],
        4: 'all day',
      },
      extraHolidays: ['2026-02-30'],
    };
    expect(fields(spec)).toEqual([
      'calendars[2].timeZone',
      'calendars[2].workingHours[1][0].start',
      'calendars[2].workingHours[2][0]',
      'calendars[2].workingHours[3]',
      'calendars[2].workingHours[4]',
      'calendars[2].extraHolidays[0]',
    ]);
  });

  it('points sentences without a leading field at the field to change', () => {
    const closed = { ...CALENDAR_JP_BUSINESS, workingHours: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } };
    expect(fields(closed)).toEqual(['calendars[2].workingHours']);
    expect(fields({ ...CALENDAR_24X7, japaneseHolidaysOff: true })).toEqual(['calendars[2].japaneseHolidaysOff']);
    expect(fields({ ...CALENDAR_24X7, extraHolidays: ['2026-12-31'] })).toEqual(['calendars[2].extraHolidays']);
    expect(fields({ ...CALENDAR_24X7, mode: 'sometimes' })).toEqual(['calendars[2].mode']);
  });
});
