export {
  BusinessCalendar,
  CALENDAR_24X7,
  CALENDAR_JP_BUSINESS,
  InvalidCalendarSpecError,
  validateCalendarSpec,
  WEEKDAYS,
} from './business-calendar';
export type { BusinessCalendarSpec, CalendarMode, Weekday, WorkingWindow } from './business-calendar';
export {
  autumnalEquinoxDay,
  isJapanesePublicHoliday,
  JAPANESE_HOLIDAYS_FIRST_YEAR,
  JAPANESE_HOLIDAYS_LAST_YEAR,
  japaneseHolidays,
  vernalEquinoxDay,
} from './japanese-holidays';
export type { JapaneseHoliday } from './japanese-holidays';
export { evaluateSlaTimer, nextSlaMilestone, SLA_BREACH_PERCENT, SLA_WARNING_PERCENT } from './sla-clock';
export type { SlaMilestone, SlaPause, SlaTimerInput, SlaTimerState, SlaTimerStatus } from './sla-clock';
export { DEFAULT_SLA_CALENDARS, DEFAULT_SLA_TARGETS, defaultSlaTarget } from './sla-targets';
export type { SlaCalendarKind, SlaPriority, SlaTarget } from './sla-targets';
