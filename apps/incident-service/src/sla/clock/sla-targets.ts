import { BusinessCalendarSpec, CALENDAR_24X7, CALENDAR_JP_BUSINESS } from './business-calendar';

export type SlaPriority = 1 | 2 | 3 | 4 | 5;

/** Which calendar a target is counted on: P1/P2 around the clock, P3–P5 in business hours. */
export type SlaCalendarKind = '24x7' | 'business';

export interface SlaTarget {
  readonly priority: SlaPriority;
  /** Open → first agent response (assignment to a person, or a public reply), in working minutes of `calendar`. */
  readonly responseMinutes: number;
  /** Open → resolved, in working minutes of `calendar`. */
  readonly resolutionMinutes: number;
  readonly calendar: SlaCalendarKind;
}

/** The default SLA policy of itil.md (section SLA). */
export const DEFAULT_SLA_TARGETS: readonly SlaTarget[] = Object.freeze(
  (
    [
      { priority: 1, responseMinutes: 15, resolutionMinutes: 4 * 60, calendar: '24x7' },
      { priority: 2, responseMinutes: 30, resolutionMinutes: 8 * 60, calendar: '24x7' },
      { priority: 3, responseMinutes: 2 * 60, resolutionMinutes: 24 * 60, calendar: 'business' },
      { priority: 4, responseMinutes: 4 * 60, resolutionMinutes: 40 * 60, calendar: 'business' },
      { priority: 5, responseMinutes: 8 * 60, resolutionMinutes: 80 * 60, calendar: 'business' },
    ] as const satisfies readonly SlaTarget[]
  ).map((target) => Object.freeze({ ...target })),
);

/** The calendar spec each kind stands for by default. */
export const DEFAULT_SLA_CALENDARS: Readonly<Record<SlaCalendarKind, BusinessCalendarSpec>> = Object.freeze({
  '24x7': CALENDAR_24X7,
  business: CALENDAR_JP_BUSINESS,
});

/** The default target of a priority. */
export function defaultSlaTarget(priority: SlaPriority): SlaTarget {
  const target = DEFAULT_SLA_TARGETS.find((t) => t.priority === priority);
  if (!target) throw new RangeError(`No SLA target for priority ${priority} (expected 1–5)`);
  return target;
}
