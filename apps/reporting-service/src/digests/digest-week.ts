import {
  addLocalDays,
  formatLocalDate,
  isoWeekday,
  LocalDate,
  localDateTimeAt,
  startOfLocalDate,
} from '../reports/domain/zoned-time';

/** One digest week: Monday 00:00 (included) to the next Monday 00:00 (excluded) in the zone. */
export interface DigestWeek {
  /** The Monday, YYYY-MM-DD. */
  weekStart: string;
  timeZone: string;
  from: Date;
  to: Date;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD that names a real Monday, else null. */
export function parseWeekStart(value: unknown): LocalDate | null {
  const m = typeof value === 'string' ? DATE_TEXT.exec(value) : null;
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.year < 1900 || formatLocalDate(addLocalDays(date, 0)) !== value) return null;
  return isoWeekday(date) === 1 ? date : null;
}

/** The week that starts on this Monday (a caller that has not checked it gets an Error). */
export function digestWeek(weekStart: string, timeZone: string): DigestWeek {
  const monday = parseWeekStart(weekStart);
  if (!monday) throw new Error(`${weekStart} is not a Monday (YYYY-MM-DD)`);
  return {
    weekStart,
    timeZone,
    from: startOfLocalDate(monday, timeZone),
    to: startOfLocalDate(addLocalDays(monday, 7), timeZone),
  };
}

/** The last week that had ended at `now` in the zone: from Monday 00:00 on, the week before. */
export function latestCompletedWeek(now: Date, timeZone: string): DigestWeek {
  const l = localDateTimeAt(now, timeZone);
  const today = { year: l.year, month: l.month, day: l.day };
  const thisMonday = addLocalDays(today, 1 - isoWeekday(today));
  return digestWeek(formatLocalDate(addLocalDays(thisMonday, -7)), timeZone);
}
