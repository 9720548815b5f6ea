import {
  BusinessCalendar,
  BusinessCalendarSpec,
  CALENDAR_24X7,
  CALENDAR_JP_BUSINESS,
  DEFAULT_SLA_CALENDARS,
  DEFAULT_SLA_TARGETS,
} from '../clock';

export const MINUTE_MS = 60_000;

/** One priority's targets as the admin sets them (sla_policy row). */
export interface SlaPolicyRule {
  readonly priority: number;
  readonly responseMinutes: number;
  readonly resolutionMinutes: number;
  readonly calendarId: string;
  /** An inactive policy gives its priority no SLA timers. */
  readonly active: boolean;
}

/** What a timer is measured against: target in working ms of a calendar. */
export interface SlaPolicyTarget {
  readonly priority: number;
  readonly responseMs: number;
  readonly resolutionMs: number;
  readonly calendarId: string;
}

/** The policies and calendars the tracker measures with (kept in memory by SlaReferenceService). */
export interface SlaReference {
  /** The active policy of a priority, or null when it has none (no timers for that priority). */
  policy(priority: number): SlaPolicyTarget | null;
  /** The calendar a timer names; never throws (see SlaReferenceBook.calendar for the fallbacks). */
  calendar(id: string): BusinessCalendar;
}

// Built once: BusinessCalendar keeps a per-day cache, so instances are meant to live long.
const BUILT_IN = new Map<string, BusinessCalendar>([
  [CALENDAR_24X7.id, new BusinessCalendar(CALENDAR_24X7)],
  [CALENDAR_JP_BUSINESS.id, new BusinessCalendar(CALENDAR_JP_BUSINESS)],
]);

/** The seed: itil.md's default policy on the two default calendars. */
export const DEFAULT_POLICY_RULES: readonly SlaPolicyRule[] = DEFAULT_SLA_TARGETS.map((t) => ({
  priority: t.priority,
  responseMinutes: t.responseMinutes,
  resolutionMinutes: t.resolutionMinutes,
  calendarId: DEFAULT_SLA_CALENDARS[t.calendar].id,
  active: true,
}));

export const DEFAULT_CALENDAR_SPECS: readonly BusinessCalendarSpec[] = [CALENDAR_24X7, CALENDAR_JP_BUSINESS];

/** An immutable set of policies and calendars. */
export class SlaReferenceBook implements SlaReference {
  private readonly policies: ReadonlyMap<number, SlaPolicyTarget>;

  constructor(
    rules: readonly SlaPolicyRule[],
    private readonly calendars: ReadonlyMap<string, BusinessCalendar>,
  ) {
    this.policies = new Map(
      rules
        .filter((r) => r.active)
        .map((r) => [
          r.priority,
          {
            priority: r.priority,
            responseMs: r.responseMinutes * MINUTE_MS,
            resolutionMs: r.resolutionMinutes * MINUTE_MS,
            calendarId: r.calendarId,
          },
        ]),
    );
  }

  /** itil.md's defaults, for tests and for a service whose tables are still empty. */
  static defaults(): SlaReferenceBook {
    return new SlaReferenceBook(DEFAULT_POLICY_RULES, BUILT_IN);
  }

  policy(priority: number): SlaPolicyTarget | null {
    return this.policies.get(priority) ?? null;
  }

  /**
   * The named calendar; a timer may outlive its calendar's row (deleted while another replica's cache still
   * offered it), so an unknown id falls back to the built-in calendar of that id, else to 24×7, which never
   * under-counts elapsed time.
   */
  calendar(id: string): BusinessCalendar {
    return this.calendars.get(id) ?? BUILT_IN.get(id) ?? (BUILT_IN.get(CALENDAR_24X7.id) as BusinessCalendar);
  }

  hasCalendar(id: string): boolean {
    return this.calendars.has(id);
  }
}
