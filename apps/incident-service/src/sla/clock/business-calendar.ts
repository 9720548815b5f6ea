import { isJapanesePublicHoliday } from './japanese-holidays';

/** Day of the week as `Date#getDay()`: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A working window in local wall-clock time; `end` may be `24:00` (midnight at the end of the day). */
export interface WorkingWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * `24x7`: every instant is working time (working hours and holidays are ignored).
 * `business`: only the weekly working windows, minus Japanese public holidays (if asked) and extra closed days.
 */
export type CalendarMode = '24x7' | 'business';

export interface BusinessCalendarSpec {
  readonly id: string;
  readonly name: string;
  /** IANA time zone in which working hours and holiday dates are read, e.g. `Asia/Tokyo`. */
  readonly timeZone: string;
  readonly mode: CalendarMode;
  readonly workingHours: Readonly<Record<Weekday, readonly WorkingWindow[]>>;
  readonly japaneseHolidaysOff: boolean;
  /** Extra closed local dates `YYYY-MM-DD`, e.g. the company year-end 12/29–1/3. */
  readonly extraHolidays: readonly string[];
}

export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

const ALL_DAY: readonly WorkingWindow[] = [{ start: '00:00', end: '24:00' }];
const OFFICE_DAY: readonly WorkingWindow[] = [{ start: '09:00', end: '18:00' }];

export const CALENDAR_24X7: BusinessCalendarSpec = deepFreeze({
  id: '24x7',
  name: '24×7',
  timeZone: 'Asia/Tokyo',
  mode: '24x7',
  workingHours: { 0: ALL_DAY, 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY },
  japaneseHolidaysOff: false,
  extraHolidays: [],
});

/** The default business calendar of itil.md: Mon–Fri 09:00–18:00 Asia/Tokyo, Japanese public holidays off. */
export const CALENDAR_JP_BUSINESS: BusinessCalendarSpec = deepFreeze({
  id: 'jp-business',
  name: 'Business hours (Japan)',
  timeZone: 'Asia/Tokyo',
  mode: 'business',
  workingHours: { 0: [], 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY, 4: OFFICE_DAY, 5: OFFICE_DAY, 6: [] },
  japaneseHolidaysOff: true,
  extraHolidays: [],
});

/** Thrown by the `BusinessCalendar` constructor; `problems` are the messages of {@link validateCalendarSpec}. */
export class InvalidCalendarSpecError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid business calendar: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarSpecError';
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A business calendar with no working time for this long is a configuration error, not a long wait. */
const MAX_CLOSED_DAYS = 3_660;
/** Bounds the per-calendar day cache (about 137 years of days) so a long-lived process cannot grow without limit. */
const MAX_CACHED_DAYS = 50_000;

/**
 * Problems with a calendar spec, as human-readable sentences (empty when valid), so the admin API can
 * answer 400 with all of them at once. Written defensively: the spec may come straight from a request body.
 */
export function validateCalendarSpec(spec: BusinessCalendarSpec): string[] {
  const problems: string[] = [];
  if (typeof spec !== 'object' || spec === null) return ['the calendar must be an object'];
  if (typeof spec.id !== 'string' || spec.id.trim() === '') problems.push('id must be a non-empty string');
  if (typeof spec.name !== 'string' || spec.name.trim() === '') problems.push('name must be a non-empty string');
  if (typeof spec.timeZone !== 'string' || !isValidTimeZone(spec.timeZone)) {
    problems.push(`timeZone "${String(spec.timeZone)}" is not a known IANA time zone (e.g. Asia/Tokyo)`);
  }
  if (spec.mode !== '24x7' && spec.mode !== 'business')
    problems.push(`mode must be "24x7" or "business", not "${String(spec.mode)}"`);
  if (typeof spec.japaneseHolidaysOff !== 'boolean') problems.push('japaneseHolidaysOff must be true or false');

  if (typeof spec.workingHours !== 'object' || spec.workingHours === null) {
    problems.push('workingHours must give the windows of each weekday 0 (Sunday) to 6 (Saturday)');
  } else {
    for (const key of Object.keys(spec.workingHours)) {
      if (!/^[0-6]$/.test(key)) problems.push(`workingHours has an unknown weekday "${key}" (use 0 = Sunday … 6 = Saturday)`);
    }
    let windowCount = 0;
    for (const day of WEEKDAYS) {
      const windows: unknown = spec.workingHours[day];
      if (!Array.isArray(windows)) {
        problems.push(`workingHours[${day}] must be a list of windows (empty for a closed day)`);
        continue;
      }
      const parsed: Array<[number, number]> = [];
      windows.forEach((w: Partial<WorkingWindow> | null, i) => {
        const where = `workingHours[${day}][${i}]`;
        const start = parseStart(w?.start);
        const end = parseEnd(w?.end);
        if (start === null) problems.push(`${where}.start "${String(w?.start)}" is not a time HH:MM (00:00–23:59)`);
        if (end === null) problems.push(`${where}.end "${String(w?.end)}" is not a time HH:MM (00:01–24:00)`);
        if (start === null || end === null) return;
        if (end <= start) problems.push(`${where} ends (${w?.end}) at or before it starts (${w?.start})`);
        else parsed.push([start, end]);
      });
      parsed.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < parsed.length; i++) {
        if (parsed[i][0] < parsed[i - 1][1]) {
          problems.push(`workingHours[${day}] has overlapping windows ${hhmm(parsed[i - 1])} and ${hhmm(parsed[i])}`);
        }
      }
      windowCount += parsed.length;
    }
    if (spec.mode === 'business' && windowCount === 0) problems.push('a business calendar needs at least one working window');
  }

  if (!Array.isArray(spec.extraHolidays)) {
    problems.push('extraHolidays must be a list of YYYY-MM-DD dates');
  } else {
    spec.extraHolidays.forEach((date: unknown, i) => {
      if (!isIsoDate(date)) problems.push(`extraHolidays[${i}] "${String(date)}" is not a real date YYYY-MM-DD`);
    });
  }
  if (
    spec.mode === '24x7' &&
    (spec.japaneseHolidaysOff === true || (Array.isArray(spec.extraHolidays) && spec.extraHolidays.length > 0))
  ) {
    // Refused rather than silently ignored: an admin who sets holidays on a 24x7 calendar expects them to count.
    problems.push('a 24x7 calendar has no holidays: set japaneseHolidaysOff to false and extraHolidays to []');
  }
  return problems;
}

/** One local day, laid out as UTC instants (ms since epoch) so that the hot paths only add and compare numbers. */
interface DayLayout {
  /** First instant of the local day (local midnight, or the first instant after it if midnight is skipped by DST). */
  readonly start: number;
  /** First instant of the next local day. */
  readonly end: number;
  /** Working intervals [start0, end0, start1, end1, …], half-open, sorted and disjoint. */
  readonly windows: readonly number[];
  /** Sum of the working intervals. */
  readonly total: number;
}

// Intl formatters are costly to build; one per zone for the whole process.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Working time of a calendar: measure it between two instants, or add some to an instant.
 * Instances cache the layout of each local day they have seen, so keep one instance per calendar spec.
 * Working windows are half-open: a window's end is not itself a working instant.
 */
export class BusinessCalendar {
  readonly spec: BusinessCalendarSpec;
  private readonly is24x7: boolean;
  private readonly formatter: Intl.DateTimeFormat;
  /** Per weekday, working windows as [startMinute, endMinute] pairs, sorted. */
  private readonly weekMinutes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  private readonly extraHolidays: ReadonlySet<string>;
  private readonly days = new Map<number, DayLayout>();
  private readonly midnights = new Map<number, number>();
  /** Last offset seen, to guess the local day of an instant without calling Intl. */
  private offsetHint: number | null = null;

  constructor(spec: BusinessCalendarSpec) {
    const problems = validateCalendarSpec(spec);
    if (problems.length > 0) throw new InvalidCalendarSpecError(problems);
    this.spec = deepFreeze(structuredClone(spec));
    this.is24x7 = spec.mode === '24x7';
    this.formatter = zoneFormatter(spec.timeZone);
    this.weekMinutes = WEEKDAYS.map((day) =>
      spec.workingHours[day]
        .map((w) => [parseStart(w.start) as number, parseEnd(w.end) as number] as const)
        .sort((a, b) => a[0] - b[0]),
    );
    this.extraHolidays = new Set(spec.extraHolidays);
  }

  get id(): string {
    return this.spec.id;
  }

  /** Working milliseconds in [from, to); 0 if `to` is not after `from`. */
  workingMillisBetween(from: Date, to: Date): number {
    const a = instant(from, 'from');
    const b = instant(to, 'to');
    if (b <= a) return 0;
    if (this.is24x7) return b - a;
    const firstDay = this.dayOf(a);
    const lastDay = this.dayOf(b);
    let sum = 0;
    for (let d = firstDay; d <= lastDay; d++) {
      const day = this.layout(d);
      if (d !== firstDay && d !== lastDay) {
        sum += day.total;
        continue;
      }
      const w = day.windows;
      for (let i = 0; i < w.length; i += 2) {
        const overlap = Math.min(w[i + 1], b) - Math.max(w[i], a);
        if (overlap > 0) sum += overlap;
      }
    }
    return sum;
  }

  /**
   * The earliest instant at which `ms` working milliseconds have elapsed since `from`.
   * `ms = 0` gives `from` itself (even outside working hours); otherwise the result is a working instant or,
   * when the time runs out exactly at the end of a window, that window's end (18:00, not the next morning).
   */
  addWorkingMillis(from: Date, ms: number): Date {
    const a = instant(from, 'from');
    if (!Number.isSafeInteger(ms) || ms < 0) {
      throw new RangeError(`Working time to add must be a whole number of ms ≥ 0, not ${ms}`);
    }
    if (ms === 0) return new Date(a);
    if (this.is24x7) return new Date(a + ms);
    let remaining = ms;
    let closedRun = 0;
    for (let d = this.dayOf(a); ; d++) {
      const day = this.layout(d);
      if (day.start >= a && day.total < remaining) {
        // Whole day before the due instant: skip it without looking at its windows.
        remaining -= day.total;
      } else {
        const w = day.windows;
        for (let i = 0; i < w.length; i += 2) {
          const start = Math.max(w[i], a);
          const available = w[i + 1] - start;
          if (available <= 0) continue;
          if (remaining <= available) return new Date(start + remaining);
          remaining -= available;
        }
      }
      closedRun = day.total === 0 ? closedRun + 1 : 0;
      if (closedRun > MAX_CLOSED_DAYS) {
        throw new RangeError(
          `Calendar "${this.spec.id}" has no working time for ${MAX_CLOSED_DAYS} days after ${new Date(a).toISOString()}`,
        );
      }
    }
  }

  /** Whether `date` falls inside a working window (window ends excluded). */
  isWorkingInstant(date: Date): boolean {
    const t = instant(date, 'date');
    if (this.is24x7) return true;
    const w = this.layout(this.dayOf(t)).windows;
    for (let i = 0; i < w.length; i += 2) if (t >= w[i] && t < w[i + 1]) return true;
    return false;
  }

  /** Local day number (days since 1970-01-01 in the calendar's zone) that contains instant `t`. */
  private dayOf(t: number): number {
    if (this.offsetHint === null) this.offsetHint = offsetAt(this.formatter, t);
    let d = Math.floor((t + this.offsetHint) / DAY_MS);
    while (t < this.midnight(d)) d--;
    while (t >= this.midnight(d + 1)) d++;
    return d;
  }

  private midnight(d: number): number {
    let t = this.midnights.get(d);
    if (t === undefined) {
      if (this.midnights.size >= MAX_CACHED_DAYS) this.midnights.clear();
      t = this.localToInstant(d * DAY_MS);
      this.midnights.set(d, t);
      this.offsetHint = d * DAY_MS - t;
    }
    return t;
  }

  private layout(d: number): DayLayout {
    let day = this.days.get(d);
    if (day) return day;
    const start = this.midnight(d);
    const end = this.midnight(d + 1);
    const windows: number[] = [];
    let total = 0;
    const date = new Date(d * DAY_MS).toISOString().slice(0, 10);
    const closed = this.extraHolidays.has(date) || (this.spec.japaneseHolidaysOff && isJapanesePublicHoliday(date));
    if (!closed) {
      const localMidnight = d * DAY_MS;
      // Same offset at both midnights (a 24-hour day): no DST change today, so no Intl call per window.
      const steady = end - start === DAY_MS;
      for (const [startMin, endMin] of this.weekMinutes[weekdayOf(d)]) {
        const localStart = localMidnight + startMin * MINUTE_MS;
        const localEnd = localMidnight + endMin * MINUTE_MS;
        let ws = steady ? start + startMin * MINUTE_MS : this.localToInstant(localStart);
        const we = steady ? start + endMin * MINUTE_MS : this.localToInstant(localEnd);
        // Keep windows disjoint and ordered even when DST folds local time back onto an earlier window.
        if (windows.length > 0) ws = Math.max(ws, windows[windows.length - 1]);
        if (we > ws) {
          windows.push(ws, we);
          total += we - ws;
        }
      }
    }
    day = { start, end, windows, total };
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(d, day);
    return day;
  }

  /**
   * The first instant whose local wall-clock time is at or after `local` (local time encoded as if it were UTC):
   * an ambiguous time (DST fall-back) gives its earlier occurrence, a skipped time (spring-forward gap) gives
   * the instant of the change. This mapping never goes backwards, so windows keep their order across DST.
   */
  private localToInstant(local: number): number {
    // Every instant that can read `local` lies within ±14 h of it, so ±1 day brackets them all;
    // we assume at most one offset change in those two days, true of every real zone.
    const before = offsetAt(this.formatter, local - DAY_MS);
    const after = offsetAt(this.formatter, local + DAY_MS);
    const early = local - before;
    if (offsetAt(this.formatter, early) === before) return early;
    const late = local - after;
    if (before === after || offsetAt(this.formatter, late) === after) return late;
    // In the gap: binary-search the instant of the change, between `late` (old offset) and `early` (new offset).
    let lo = late;
    let hi = early;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(this.formatter, mid) === after) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** UTC offset (local − UTC, in ms) of the zone at instant `t`, read from Intl (whole seconds). */
function offsetAt(formatter: Intl.DateTimeFormat, t: number): number {
  const f: Record<string, number> = {};
  for (const part of formatter.formatToParts(t)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const date = new Date(0);
  // setUTCFullYear rather than Date.UTC, which maps years 0–99 to 1900–1999.
  date.setUTCFullYear(f.year, f.month - 1, f.day);
  date.setUTCHours(f.hour === 24 ? 0 : f.hour, f.minute, f.second, 0);
  return date.getTime() - (t - mod(t, 1000));
}

function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function instant(date: Date, name: string): number {
  const t = date instanceof Date ? date.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}

function weekdayOf(day: number): Weekday {
  return mod(day + 4, 7) as Weekday; // 1970-01-01 was a Thursday
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function parseStart(value: unknown): number | null {
  const m = typeof value === 'string' ? START_TIME.exec(value) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function parseEnd(value: unknown): number | null {
  const m = typeof value === 'string' ? END_TIME.exec(value) : null;
  if (!m) return null;
  return m[3] ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

function hhmm([start, end]: readonly [number, number]): string {
  const t = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${t(start)}–${t(end)}`;
}

function isIsoDate(value: unknown): boolean {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
