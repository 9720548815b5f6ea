import { TimeGroupBy } from '../report-query';
import {
  addLocalDays,
  addLocalMonths,
  formatLocalDate,
  isoWeekday,
  LocalDate,
  localDateTimeAt,
  startOfLocalDate,
} from './zoned-time';

/** A report answers at most this many time buckets (a 400 on groupBy beyond it). */
export const MAX_REPORT_BUCKETS = 1000;

/** One day, ISO week (from Monday) or month of the report's zone. */
export interface TimeBucket {
  /** The bucket's first local date, YYYY-MM-DD: the row's key and label (what SQL's date_trunc gives too). */
  key: string;
  /** Local midnight starting it (may be before the period's `from`). */
  start: Date;
  /** Local midnight starting the next one. */
  end: Date;
}

/** The first local date of the bucket holding this date: itself, the Monday before it, the 1st of its month. */
export function bucketStartDate(date: LocalDate, unit: TimeGroupBy): LocalDate {
  if (unit === 'day') return { year: date.year, month: date.month, day: date.day };
  if (unit === 'week') return addLocalDays(date, 1 - isoWeekday(date));
  return { year: date.year, month: date.month, day: 1 };
}

function nextBucketDate(start: LocalDate, unit: TimeGroupBy): LocalDate {
  if (unit === 'day') return addLocalDays(start, 1);
  if (unit === 'week') return addLocalDays(start, 7);
  return addLocalMonths(start, 1);
}

/** The key of the bucket holding an instant. */
export function bucketKeyAt(instant: Date, unit: TimeGroupBy, timeZone: string): string {
  return formatLocalDate(bucketStartDate(localDateTimeAt(instant, timeZone), unit));
}

/**
 * The buckets that overlap [from, to), in order, or null when there would be more than `max` (the loop
 * stops there, so a century by day costs no more than `max` steps).
 */
export function timeBuckets(
  from: Date,
  to: Date,
  unit: TimeGroupBy,
  timeZone: string,
  max = MAX_REPORT_BUCKETS,
): TimeBucket[] | null {
  const buckets: TimeBucket[] = [];
  let date = bucketStartDate(localDateTimeAt(from, timeZone), unit);
  let start = startOfLocalDate(date, timeZone);
  while (start.getTime() < to.getTime()) {
    if (buckets.length === max) return null;
    const next = nextBucketDate(date, unit);
    const end = startOfLocalDate(next, timeZone);
    buckets.push({ key: formatLocalDate(date), start, end });
    date = next;
    start = end;
  }
  return buckets;
}
