import type { ApiErrorDetail } from '@helpdesk/service-runtime';
import { BusinessCalendarSpec, validateCalendarSpec } from '../clock';

const LEADING_PATH =
  /^(id|name|timeZone|mode|japaneseHolidaysOff|workingHours|extraHolidays)((?:\[\d+\])*(?:\.(?:start|end))?)(?![A-Za-z])/;

/**
 * validateCalendarSpec's sentences as API details, each naming the field it is about under `prefix`
 * (`calendars[0].workingHours[1][0].start`), so the admin UI can point at it.
 */
export function calendarSpecProblems(spec: BusinessCalendarSpec, prefix: string): ApiErrorDetail[] {
  return validateCalendarSpec(spec).map((problem) => ({ field: `${prefix}.${fieldOf(problem, spec)}`, reason: problem }));
}

function fieldOf(problem: string, spec: BusinessCalendarSpec): string {
  const path = LEADING_PATH.exec(problem);
  if (path) return path[1] + path[2];
  if (problem.startsWith('a business calendar')) return 'workingHours';
  if (problem.startsWith('a 24x7 calendar')) return spec.japaneseHolidaysOff === true ? 'japaneseHolidaysOff' : 'extraHolidays';
  return 'mode';
}
