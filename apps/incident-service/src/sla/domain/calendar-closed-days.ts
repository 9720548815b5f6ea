import { BusinessCalendarSpec, japaneseHolidays } from '../clock';

export interface ClosedDay {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  nameJa: string;
  nameEn: string;
  kind: 'public_holiday' | 'company';
}

/** Public holidays (when the calendar observes them) and extra closed days of `year`, by date. */
export function closedDays(spec: BusinessCalendarSpec, year: number): ClosedDay[] {
  if (spec.mode === '24x7') return [];
  const days = new Map<string, ClosedDay>();
  if (spec.japaneseHolidaysOff) {
    for (const h of japaneseHolidays(year)) {
      days.set(h.date, { date: h.date, weekday: weekdayOf(h.date), nameJa: h.nameJa, nameEn: h.nameEn, kind: 'public_holiday' });
    }
  }
  for (const date of spec.extraHolidays) {
    if (!date.startsWith(`${year}-`) || days.has(date)) continue;
    days.set(date, { date, weekday: weekdayOf(date), nameJa: '会社休日', nameEn: 'Company holiday', kind: 'company' });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
