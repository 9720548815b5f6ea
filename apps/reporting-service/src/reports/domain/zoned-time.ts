/**
 * Wall-clock time in an IANA zone, with Intl only (no date library): what a local date is at an instant,
 * and the instant of a local date and time. Day, week and month buckets of the reports are cut with it.
 */

/** A calendar date and wall-clock time in some zone (month 1-12). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export type LocalDate = Pick<LocalDateTime, 'year' | 'month' | 'day'>;

const formatters = new Map<string, Intl.DateTimeFormat>();
const DAY_MS = 86_400_000;
const IANA_NAME = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    // Bounded: zone names come from requests.
    if (formatters.size < 500) formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's canonical name (asia/tokyo → Asia/Tokyo), or null when it is not an IANA zone Intl knows. */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64 || !IANA_NAME.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The wall-clock date and time at an instant in the zone. */
export function localDateTimeAt(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Tokyo: +9 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const l = localDateTimeAt(instant, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.millisecond) - instant.getTime();
}

/**
 * The instant at which the zone's clocks show this date and time. A time skipped by a DST change maps to
 * the instant the change happened plus the skipped part; a repeated time maps to its first occurrence.
 */
export function zonedInstant(local: LocalDateTime, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  const before = zoneOffsetMs(new Date(wall - DAY_MS), timeZone);
  const after = zoneOffsetMs(new Date(wall + DAY_MS), timeZone);
  if (before === after) return new Date(wall - before);
  // A change of offset nearby: of the readings with either offset, those the zone agrees with are real
  // (two in a repeated hour: the earlier); none in a skipped hour, read it with the offset before the change.
  const real = [wall - before, wall - after].filter((t) => zoneOffsetMs(new Date(t), timeZone) === wall - t);
  return new Date(real.length ? Math.min(...real) : wall - before);
}

/** Midnight at the start of a local date. */
export function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  return zonedInstant({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** The local date `days` after (negative: before) this one. */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return fromUtcDate(new Date(Date.UTC(date.year, date.month - 1, date.day + days)));
}

/** The first day of the month `months` after this date's month. */
export function addLocalMonths(date: LocalDate, months: number): LocalDate {
  return fromUtcDate(new Date(Date.UTC(date.year, date.month - 1 + months, 1)));
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** YYYY-MM-DD. */
export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

function fromUtcDate(d: Date): LocalDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
