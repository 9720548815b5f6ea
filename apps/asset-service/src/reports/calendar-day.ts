/** Warranty ends and licence expiries are calendar dates: they are compared with the caller's today. */
export const DEFAULT_CALENDAR_TIME_ZONE = 'Asia/Tokyo';

const DAY_MS = 86_400_000;

/** Today (YYYY-MM-DD) in an IANA time zone; an unknown zone falls back to the company's (Asia/Tokyo). */
export function calendarToday(timeZone: string | undefined, now = new Date()): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(timeZone || DEFAULT_CALENDAR_TIME_ZONE);
  } catch {
    return format(DEFAULT_CALENDAR_TIME_ZONE);
  }
}

/** The date `days` after a YYYY-MM-DD date (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A real YYYY-MM-DD date (not 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}
