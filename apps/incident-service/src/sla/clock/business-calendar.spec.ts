import fc from 'fast-check';
import {
  BusinessCalendar,
  BusinessCalendarSpec,
  CALENDAR_24X7,
  CALENDAR_JP_BUSINESS,
  InvalidCalendarSpecError,
  validateCalendarSpec,
} from './business-calendar';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

const jst = (local: string) => new Date(`${local}+09:00`);
const jp = new BusinessCalendar(CALENDAR_JP_BUSINESS);
const always = new BusinessCalendar(CALENDAR_24X7);

const spec = (overrides: Partial<BusinessCalendarSpec>): BusinessCalendarSpec => ({ ...CALENDAR_JP_BUSINESS, ...overrides });
const weekdays = (windows: Array<{ start: string; end: string }>) => ({
  0: [],
  1: windows,
  2: windows,
  3: windows,
  4: windows,
  5: windows,
  6: [],
});
const everyDay = (windows: Array<{ start: string; end: string }>) => ({
  0: windows,
  1: windows,
  2: windows,
  3: windows,
  4: windows,
  5: windows,
  6: windows,
});

// Mon–Fri with a lunch break, in a DST zone.
const newYork = new BusinessCalendar(
  spec({
    id: 'ny',
    timeZone: 'America/New_York',
    japaneseHolidaysOff: false,
    workingHours: weekdays([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]),
  }),
);
// Windows around the DST switches (02:00 local in New York), adjacent windows, and a window to midnight.
const newYorkNights = new BusinessCalendar(
  spec({
    id: 'ny-nights',
    timeZone: 'America/New_York',
    japaneseHolidaysOff: false,
    workingHours: everyDay([
      { start: '00:00', end: '01:30' },
      { start: '01:30', end: '03:00' },
      { start: '22:00', end: '24:00' },
    ]),
  }),
);
// Lord Howe Island moves its clocks by 30 minutes; Kathmandu is UTC+05:45.
const lordHowe = new BusinessCalendar(
  spec({
    id: 'lhi',
    timeZone: 'Australia/Lord_Howe',
    japaneseHolidaysOff: false,
    workingHours: everyDay([{ start: '00:00', end: '24:00' }]),
  }),
);
const kathmandu = new BusinessCalendar(
  spec({
    id: 'ktm',
    timeZone: 'Asia/Kathmandu',
    japaneseHolidaysOff: false,
    workingHours: { ...weekdays([{ start: '10:00', end: '17:00' }]), 5: [], 6: [{ start: '10:00', end: '15:00' }] },
    extraHolidays: ['2025-12-31', '2026-01-01'],
  }),
);
// Japanese business hours with a lunch break and the company year-end closure.
const jpCompany = new BusinessCalendar(
  spec({
    id: 'jp-company',
    workingHours: weekdays([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ]),
    extraHolidays: ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02', '2026-01-03'],
  }),
);

describe('BusinessCalendar (Japanese business hours)', () => {
  it('carries a Friday-evening ticket over the weekend', () => {
    // Fri 2026-01-16 17:00 + 2 h → 1 h on Friday, 1 h on Monday.
    expect(jp.addWorkingMillis(jst('2026-01-16T17:00'), 2 * HOUR)).toEqual(jst('2026-01-19T10:00'));
    expect(jp.workingMillisBetween(jst('2026-01-16T17:00'), jst('2026-01-19T10:00'))).toBe(2 * HOUR);
  });

  it('skips a Monday holiday (成人の日 2026-01-12)', () => {
    expect(jp.addWorkingMillis(jst('2026-01-09T17:00'), 2 * HOUR)).toEqual(jst('2026-01-13T10:00'));
  });

  it('skips Golden Week', () => {
    // Fri 5/1 17:00: 1 h left that day, then 5/2–5/6 closed (weekend, 5/3–5/5, substitute 5/6).
    expect(jp.addWorkingMillis(jst('2026-05-01T17:00'), 2 * HOUR)).toEqual(jst('2026-05-07T10:00'));
    expect(jp.workingMillisBetween(jst('2026-05-01T18:00'), jst('2026-05-07T09:00'))).toBe(0);
  });

  it('ends exactly at a window end, not the next morning', () => {
    expect(jp.addWorkingMillis(jst('2026-01-16T17:00'), HOUR)).toEqual(jst('2026-01-16T18:00'));
    expect(jp.addWorkingMillis(jst('2026-01-16T09:00'), 9 * HOUR)).toEqual(jst('2026-01-16T18:00'));
    expect(jp.addWorkingMillis(jst('2026-01-16T09:00'), 9 * HOUR + 1)).toEqual(new Date(jst('2026-01-19T09:00').getTime() + 1));
  });

  it('starts counting at the next window when opened outside working hours', () => {
    expect(jp.addWorkingMillis(jst('2026-01-17T11:00'), 30 * MINUTE)).toEqual(jst('2026-01-19T09:30'));
    expect(jp.addWorkingMillis(jst('2026-01-19T07:00'), 30 * MINUTE)).toEqual(jst('2026-01-19T09:30'));
    expect(jp.addWorkingMillis(jst('2026-01-16T18:00'), 30 * MINUTE)).toEqual(jst('2026-01-19T09:30'));
  });

  it('returns `from` itself for 0 ms, even outside working hours', () => {
    const saturday = jst('2026-01-17T11:00');
    expect(jp.addWorkingMillis(saturday, 0)).toEqual(saturday);
  });

  it('counts a whole year: 244 working days of 9 h in 2026', () => {
    expect(jp.workingMillisBetween(jst('2026-01-01T00:00'), jst('2027-01-01T00:00'))).toBe(244 * 9 * HOUR);
  });

  it('tells working instants (window ends excluded)', () => {
    expect(jp.isWorkingInstant(jst('2026-01-19T09:00'))).toBe(true);
    expect(jp.isWorkingInstant(new Date(jst('2026-01-19T18:00').getTime() - 1))).toBe(true);
    expect(jp.isWorkingInstant(jst('2026-01-19T18:00'))).toBe(false);
    expect(jp.isWorkingInstant(jst('2026-01-19T08:59:59.999'))).toBe(false);
    expect(jp.isWorkingInstant(jst('2026-09-22T12:00'))).toBe(false); // 国民の休日
    expect(jp.isWorkingInstant(jst('2026-01-17T12:00'))).toBe(false); // Saturday
  });

  it('handles a lunch break and the company year-end closure', () => {
    expect(jpCompany.addWorkingMillis(jst('2026-01-19T11:00'), HOUR)).toEqual(jst('2026-01-19T12:00'));
    expect(jpCompany.addWorkingMillis(jst('2026-01-19T11:00'), 2 * HOUR)).toEqual(jst('2026-01-19T14:00'));
    expect(jpCompany.workingMillisBetween(jst('2026-01-19T11:30'), jst('2026-01-19T13:30'))).toBe(HOUR);
    expect(jpCompany.isWorkingInstant(jst('2026-01-19T12:30'))).toBe(false);
    // Fri 2025-12-26 17:00 + 2 h: 12/29–1/3 closed (1/1 a public holiday, the rest company days), then the weekend.
    expect(jpCompany.addWorkingMillis(jst('2025-12-26T17:00'), 2 * HOUR)).toEqual(jst('2026-01-05T10:00'));
  });

  it('does not depend on the process time zone (Tokyo has no DST)', () => {
    expect(jp.workingMillisBetween(jst('2026-01-19T00:00'), jst('2026-01-26T00:00'))).toBe(45 * HOUR);
  });
});

describe('BusinessCalendar (24x7)', () => {
  it('counts wall-clock time exactly, holidays included', () => {
    expect(always.addWorkingMillis(jst('2026-01-17T23:00'), 4 * HOUR)).toEqual(jst('2026-01-18T03:00'));
    expect(always.workingMillisBetween(jst('2026-05-03T00:00'), jst('2026-05-06T00:00'))).toBe(3 * DAY);
    expect(always.isWorkingInstant(jst('2026-01-01T03:00'))).toBe(true);
  });
});

describe('BusinessCalendar (DST zones)', () => {
  it('follows New York business hours across spring-forward (2026-03-08)', () => {
    // Fri 16:00 EST (21:00Z) + 2 h → 1 h Friday, then Monday 09:00–10:00 EDT (14:00Z).
    expect(newYork.addWorkingMillis(new Date('2026-03-06T21:00:00Z'), 2 * HOUR)).toEqual(new Date('2026-03-09T14:00:00Z'));
    // Fri 09:00 EST → Mon 17:00 EDT: two full days of 7 h.
    expect(newYork.workingMillisBetween(new Date('2026-03-06T14:00:00Z'), new Date('2026-03-09T21:00:00Z'))).toBe(14 * HOUR);
    expect(newYork.isWorkingInstant(new Date('2026-03-09T13:00:00Z'))).toBe(true); // 09:00 EDT
    expect(newYork.isWorkingInstant(new Date('2026-03-06T13:30:00Z'))).toBe(false); // 08:30 EST
  });

  it('follows New York business hours across fall-back (2026-11-01)', () => {
    // Fri 2026-10-30 16:00 EDT (20:00Z) + 2 h → Mon 2026-11-02 10:00 EST (15:00Z).
    expect(newYork.addWorkingMillis(new Date('2026-10-30T20:00:00Z'), 2 * HOUR)).toEqual(new Date('2026-11-02T15:00:00Z'));
  });

  it('makes the day of a DST change 23 or 25 hours long', () => {
    const nyDay = (date: string, next: string, offset: string, nextOffset: string) =>
      newYorkNights.workingMillisBetween(new Date(`${date}T00:00:00${offset}`), new Date(`${next}T00:00:00${nextOffset}`));
    // 00:00–03:00 and 22:00–24:00 local: 5 h on an ordinary day.
    expect(nyDay('2026-03-07', '2026-03-08', '-05:00', '-05:00')).toBe(5 * HOUR);
    // 02:00–03:00 does not exist on 3/8: 00:00–03:00 local is 2 h.
    expect(nyDay('2026-03-08', '2026-03-09', '-05:00', '-04:00')).toBe(4 * HOUR);
    // 01:00–02:00 happens twice on 11/1: 00:00–03:00 local is 4 h.
    expect(nyDay('2026-11-01', '2026-11-02', '-04:00', '-05:00')).toBe(6 * HOUR);
    // The window starting at 01:30 on 11/1 starts at the first 01:30 (EDT).
    expect(newYorkNights.addWorkingMillis(new Date('2026-11-01T04:00:00Z'), 90 * MINUTE)).toEqual(
      new Date('2026-11-01T05:30:00Z'),
    );
  });

  it('handles a 30-minute DST shift and a UTC+05:45 zone', () => {
    // Lord Howe: +10:30 → +11:00 on 2026-10-04 at 02:00 local; a 00:00–24:00 day is 23.5 h.
    expect(lordHowe.workingMillisBetween(new Date('2026-10-03T13:30:00Z'), new Date('2026-10-04T13:00:00Z'))).toBe(23.5 * HOUR);
    // Kathmandu: Thu 16:30 (10:45Z) + 1 h → 30 min on Thursday, Friday closed, Saturday 10:30 (04:45Z).
    expect(kathmandu.addWorkingMillis(new Date('2026-01-15T10:45:00Z'), HOUR)).toEqual(new Date('2026-01-17T04:45:00Z'));
    expect(kathmandu.isWorkingInstant(new Date('2026-01-01T06:00:00Z'))).toBe(false); // extra holiday
  });
});

describe('validateCalendarSpec', () => {
  it('accepts the built-in calendars', () => {
    expect(validateCalendarSpec(CALENDAR_24X7)).toEqual([]);
    expect(validateCalendarSpec(CALENDAR_JP_BUSINESS)).toEqual([]);
  });

  it('reports every problem in words', () => {
    const problems = validateCalendarSpec(
      spec({
        id: '',
        timeZone: 'Asia/Osaka',
        workingHours: {
          ...weekdays([{ start: '09:00', end: '18:00' }]),
          1: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '18:00' },
          ],
          2: [{ start: '18:00', end: '09:00' }],
          3: [{ start: '9:00', end: '24:30' }],
        },
        extraHolidays: ['2026-02-30', '2026-12-29', '29/12/2026'],
      }),
    );
    expect(problems).toEqual([
      'id must be a non-empty string',
      'timeZone "Asia/Osaka" is not a known IANA time zone (e.g. Asia/Tokyo)',
      'workingHours[1] has overlapping windows 09:00–12:00 and 11:00–18:00',
      'workingHours[2][0] ends (09:00) at or before it starts (18:00)',
      'workingHours[3][0].start "9:00" is not a time HH:MM (00:00–23:59)',
      'workingHours[3][0].end "24:30" is not a time HH:MM (00:01–24:00)',
      'extraHolidays[0] "2026-02-30" is not a real date YYYY-MM-DD',
      'extraHolidays[2] "29/12/2026" is not a real date YYYY-MM-DD',
    ]);
  });

  it('refuses an empty business week, holidays on a 24x7 calendar and unknown weekdays', () => {
    expect(validateCalendarSpec(spec({ workingHours: everyDay([]) }))).toEqual([
      'a business calendar needs at least one working window',
    ]);
    expect(validateCalendarSpec({ ...CALENDAR_24X7, japaneseHolidaysOff: true })).toEqual([
      'a 24x7 calendar has no holidays: set japaneseHolidaysOff to false and extraHolidays to []',
    ]);
    const withDay7 = { ...CALENDAR_JP_BUSINESS, workingHours: { ...CALENDAR_JP_BUSINESS.workingHours, 7: [] } };
    expect(validateCalendarSpec(withDay7)).toEqual(['workingHours has an unknown weekday "7" (use 0 = Sunday … 6 = Saturday)']);
  });

  it('survives a request body of the wrong shape', () => {
    const body = {
      id: 'x',
      name: 'x',
      timeZone: 42,
      mode: 'weekdays',
      workingHours: { 1: 'nine to six' },
      extraHolidays: 'none',
    };
    expect(validateCalendarSpec(body as unknown as BusinessCalendarSpec).length).toBeGreaterThanOrEqual(5);
    expect(validateCalendarSpec(null as unknown as BusinessCalendarSpec)).toEqual(['the calendar must be an object']);
  });

  it('makes the constructor throw with the problems', () => {
    expect(() => new BusinessCalendar(spec({ timeZone: 'Mars/Olympus' }))).toThrow(InvalidCalendarSpecError);
    expect(() => new BusinessCalendar(spec({ timeZone: 'Mars/Olympus' }))).toThrow(/Mars\/Olympus/);
  });

  it('keeps its own frozen copy of the spec', () => {
    const windows = [{ start: '09:00', end: '18:00' }];
    const calendar = new BusinessCalendar(spec({ workingHours: weekdays(windows) }));
    windows[0] = { start: '00:00', end: '24:00' };
    expect(calendar.spec.workingHours[1]).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(Object.isFrozen(calendar.spec.workingHours[1][0])).toBe(true);
  });
});

describe('BusinessCalendar arguments', () => {
  it('refuses negative, fractional and unsafe amounts and invalid dates', () => {
    const from = jst('2026-01-19T09:00');
    expect(() => jp.addWorkingMillis(from, -1)).toThrow(RangeError);
    expect(() => jp.addWorkingMillis(from, 0.5)).toThrow(RangeError);
    expect(() => jp.addWorkingMillis(from, Infinity)).toThrow(RangeError);
    expect(() => jp.workingMillisBetween(new Date(NaN), from)).toThrow(RangeError);
  });

  it('returns 0 for an empty or reversed range', () => {
    expect(jp.workingMillisBetween(jst('2026-01-19T12:00'), jst('2026-01-19T12:00'))).toBe(0);
    expect(jp.workingMillisBetween(jst('2026-01-19T12:00'), jst('2026-01-19T10:00'))).toBe(0);
  });
});

describe('BusinessCalendar speed', () => {});

// ---- properties -------------------------------------------------------------------------------------------

const CALENDARS = { jp, jpCompany, newYork, newYorkNights, lordHowe, kathmandu, always };
const MIN = Date.UTC(2019, 0, 1);
const MAX = Date.UTC(2030, 0, 1);

/** Instants anywhere, or close to a half-hour boundary (where windows start and end in these zones). */
/** New York's DST changes 2019–2029: 02:00 local on the second Sunday of March and the first Sunday of November. */
const NEW_YORK_DST_CHANGES = Array.from({ length: 11 }, (_, i) => 2019 + i).flatMap((year) => {
  const sunday = (month: number, nth: number) => {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return Date.UTC(year, month, 1 + ((7 - first) % 7) + (nth - 1) * 7);
  };
  return [sunday(2, 2) + 7 * HOUR, sunday(10, 1) + 6 * HOUR];
});
const nearQuarterHour = (t: number) => fc.constantFrom(0, 0, 0, 1, -1, 999).map((jitter) => t - (t % (15 * MINUTE)) + jitter);

/** Instants anywhere, near a quarter-hour (where windows start and end in these zones), or near a DST change. */
const anInstant = fc.oneof(
  fc.integer({ min: MIN, max: MAX }),
  fc.integer({ min: MIN, max: MAX }).chain(nearQuarterHour),
  fc
    .tuple(fc.constantFrom(...NEW_YORK_DST_CHANGES), fc.integer({ min: -2 * DAY, max: 2 * DAY }))
    .chain(([change, offset]) => nearQuarterHour(change + offset)),
);
const aDuration = fc.oneof(
  fc.integer({ min: 0, max: 200 * HOUR }),
  fc.integer({ min: 0, max: 400 }).map((quarters) => quarters * 15 * MINUTE),
  fc.integer({ min: 0, max: 5 * MINUTE }),
);
const aCalendar = fc.constantFrom(...(Object.keys(CALENDARS) as Array<keyof typeof CALENDARS>));
const RUNS = { numRuns: 400 };

describe('BusinessCalendar properties', () => {
  it('addWorkingMillis and workingMillisBetween are inverse', () => {
    fc.assert(
      fc.property(aCalendar, anInstant, aDuration, (name, a, ms) => {
        const cal = CALENDARS[name];
        expect(cal.workingMillisBetween(new Date(a), cal.addWorkingMillis(new Date(a), ms))).toBe(ms);
      }),
      RUNS,
    );
  });

  it('addWorkingMillis gives the earliest such instant: a working instant or a window end', () => {
    fc.assert(
      fc.property(aCalendar, anInstant, aDuration, (name, a, ms) => {
        fc.pre(ms > 0);
        const cal = CALENDARS[name];
        const due = cal.addWorkingMillis(new Date(a), ms).getTime();
        const justBefore = new Date(due - 1);
        expect(cal.isWorkingInstant(new Date(due)) || cal.isWorkingInstant(justBefore)).toBe(true);
        expect(cal.isWorkingInstant(justBefore)).toBe(true);
        expect(cal.workingMillisBetween(new Date(a), justBefore)).toBe(ms - 1);
      }),
      RUNS,
    );
  });

  it('is monotonic in both arguments', () => {
    fc.assert(
      fc.property(aCalendar, anInstant, anInstant, aDuration, aDuration, (name, x, y, m, n) => {
        const cal = CALENDARS[name];
        const [a, b] = x <= y ? [x, y] : [y, x];
        const [p, q] = m <= n ? [m, n] : [n, m];
        expect(cal.addWorkingMillis(new Date(a), p).getTime()).toBeLessThanOrEqual(
          cal.addWorkingMillis(new Date(a), q).getTime(),
        );
        expect(cal.addWorkingMillis(new Date(a), p).getTime()).toBeLessThanOrEqual(
          cal.addWorkingMillis(new Date(b), p).getTime(),
        );
        const c = b + q;
        expect(cal.workingMillisBetween(new Date(a), new Date(b))).toBeLessThanOrEqual(
          cal.workingMillisBetween(new Date(a), new Date(c)),
        );
        expect(cal.workingMillisBetween(new Date(b), new Date(c))).toBeLessThanOrEqual(
          cal.workingMillisBetween(new Date(a), new Date(c)),
        );
      }),
      RUNS,
    );
  });

  it('is additive and never exceeds wall time', () => {
    fc.assert(
      fc.property(aCalendar, anInstant, aDuration, aDuration, (name, a, m, n) => {
        const cal = CALENDARS[name];
        const [b, c] = [new Date(a + m), new Date(a + m + n)];
        const whole = cal.workingMillisBetween(new Date(a), c);
        expect(whole).toBe(cal.workingMillisBetween(new Date(a), b) + cal.workingMillisBetween(b, c));
        expect(whole).toBeLessThanOrEqual(m + n);
      }),
      RUNS,
    );
  });

  it('agrees with isWorkingInstant at millisecond scale', () => {
    fc.assert(
      fc.property(aCalendar, anInstant, (name, t) => {
        const cal = CALENDARS[name];
        expect(cal.workingMillisBetween(new Date(t), new Date(t + 1))).toBe(cal.isWorkingInstant(new Date(t)) ? 1 : 0);
      }),
      RUNS,
    );
  });
});
