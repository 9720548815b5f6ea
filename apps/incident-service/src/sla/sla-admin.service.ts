import { Injectable } from '@nestjs/common';
import { ApiErrorDetail } from '@helpdesk/service-runtime';
import { DataSource } from 'typeorm';
import { BusinessCalendar, BusinessCalendarSpec, Weekday, WorkingWindow } from './clock';
import { closedDays } from './domain/calendar-closed-days';
import { calendarSpecProblems } from './domain/calendar-spec-problems';
import {
  BusinessCalendarDto,
  BusinessCalendarInputDto,
  BusinessCalendarListDto,
  ReplaceCalendarsDto,
} from './dto/business-calendar.dto';
import { CalendarHolidayListDto } from './dto/calendar-holidays.dto';
import { validateListItems } from './dto/list-items.validator';
import { ReplaceSlaPoliciesDto, SlaPolicyInputDto, SlaPolicyListDto } from './dto/sla-policy.dto';
import { BusinessCalendarEntity } from './entities/business-calendar.entity';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { SlaException } from './sla.exception';
import { CalendarWrite, SlaReferenceRepository } from './sla-reference.repository';
import { calendarSpecOf, SlaReferenceService, storedSpecOf } from './sla-reference.service';
import { SlaTrackerService } from './sla-tracker.service';

const PRIORITIES = [1, 2, 3, 4, 5];

/** Admin of SLA policies and business calendars (GET/PUT /sla-policies, GET/PUT /calendars). */
@Injectable()
export class SlaAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SlaReferenceRepository,
    private readonly reference: SlaReferenceService,
    private readonly tracker: SlaTrackerService,
  ) {}

  async listPolicies(): Promise<SlaPolicyListDto> {
    return toPolicyList(await this.repository.policies());
  }

  /**
   * Replaces the five policies. Running timers keep their targets; the new ones apply to incidents opened from
   * now on and to timers re-targeted by a later priority change.
   */
  async replacePolicies(dto: ReplaceSlaPoliciesDto, expectedVersion: number | undefined): Promise<SlaPolicyListDto> {
    const { items, details } = validateListItems(SlaPolicyInputDto, dto.policies, 'policies');
    if (details.length === 0) details.push(...policySetProblems(items));
    if (details.length > 0) throw SlaException.badFields(details);

    const saved = await this.dataSource.transaction(async (manager) => {
      // Policies first, then calendars: the calendar PUT locks in the same order.
      const current = await this.repository.policies(manager, true);
      const version = setVersion(current);
      if (expectedVersion !== undefined && expectedVersion !== version) {
        throw SlaException.staleVersion('The SLA policies', 'version', expectedVersion, version);
      }
      const calendars = new Set((await this.repository.calendars(manager)).map((c) => c.id));
      const unknown = items.flatMap((p, i) =>
        calendars.has(p.calendarId)
          ? []
          : [{ field: `policies[${i}].calendarId`, reason: `${p.calendarId} is not a calendar (GET /calendars)` }],
      );
      if (unknown.length > 0) throw SlaException.badFields(unknown);
      await this.repository.savePolicies(
        manager,
        items.map((p) => ({
          priority: p.priority,
          responseMinutes: p.responseMinutes,
          resolutionMinutes: p.resolutionMinutes,
          calendarId: p.calendarId,
          active: p.active ?? true,
          version: version + 1,
        })),
        new Date(),
      );
      return this.repository.policies(manager);
    });
    await this.reference.reload();
    return toPolicyList(saved);
  }

  async listCalendars(): Promise<BusinessCalendarListDto> {
    const [calendars, policies] = await Promise.all([this.repository.calendars(), this.repository.policies()]);
    return toCalendarList(calendars, policies);
  }

  /**
   * Replaces the list of calendars: listed ones are created or changed (each with the version read), the others
   * deleted unless a policy or a running timer uses them. Timers still counting on a changed calendar are
   * re-measured at once (a new company holiday postpones their breach).
   */
  async replaceCalendars(dto: ReplaceCalendarsDto): Promise<BusinessCalendarListDto> {
    const { items, details } = validateListItems(BusinessCalendarInputDto, dto.calendars, 'calendars');
    const specs = items.map(specOf);
    const shapeless = new Set(details.map((d) => /^calendars\[(\d+)\]/.exec(d.field)?.[1]));
    const seen = new Set<string>();
    specs.forEach((spec, i) => {
      // The clock's checks only for items whose fields have the right types (one reason per field).
      if (shapeless.has(String(i))) return;
      details.push(...calendarSpecProblems(spec, `calendars[${i}]`));
      if (seen.has(spec.id)) details.push({ field: `calendars[${i}].id`, reason: `${spec.id} is listed twice` });
      seen.add(spec.id);
    });
    if (dto.calendars.length === 0) details.push({ field: 'calendars', reason: 'calendars must list at least one calendar' });
    if (details.length > 0) throw SlaException.badFields(details);

    const result = await this.dataSource.transaction(async (manager) => {
      const policies = await this.repository.policies(manager, true);
      const existing = new Map((await this.repository.calendars(manager, true)).map((c) => [c.id, c]));
      items.forEach((item, i) => {
        if (item.version === undefined) return;
        const found = existing.get(item.id);
        if (!found || found.version !== item.version) {
          throw SlaException.staleVersion(`Calendar ${item.id}`, `calendars[${i}].version`, item.version, found?.version ?? null);
        }
      });

      const listed = new Set(specs.map((s) => s.id));
      const removed = [...existing.keys()].filter((id) => !listed.has(id));
      const inUse: ApiErrorDetail[] = [];
      const running = await this.tracker.countTimersOnCalendars(manager, removed);
      for (const id of removed) {
        const priorities = policies.filter((p) => p.calendarId === id).map((p) => `P${p.priority}`);
        if (priorities.length > 0)
          inUse.push({ field: 'calendars', reason: `${id} is used by the ${priorities.join(', ')} policies` });
        const timers = running.get(id) ?? 0;
        if (timers > 0) inUse.push({ field: 'calendars', reason: `${id} is counting ${timers} running SLA timer(s)` });
      }
      if (inUse.length > 0) throw SlaException.calendarInUse(inUse);

      const writes: CalendarWrite[] = [];
      const respecified = new Map<string, BusinessCalendar>();
      for (const spec of specs) {
        const stored = storedSpecOf(spec);
        const before = existing.get(spec.id);
        const specChanged = !before || canonical(before.spec) !== canonical(stored);
        if (before && !specChanged && before.name === spec.name) continue;
        writes.push({ id: spec.id, name: spec.name, spec: stored, version: (before?.version ?? 0) + 1 });
        if (before && specChanged) respecified.set(spec.id, new BusinessCalendar(spec));
      }
      const now = new Date();
      await this.repository.saveCalendars(manager, writes, now);
      await this.repository.deleteCalendars(manager, removed);
      await this.tracker.refreshTimersOnCalendars(manager, respecified, now);
      return toCalendarList(await this.repository.calendars(manager), policies);
    });
    await this.reference.reload();
    return result;
  }

  /** The closed days of a calendar in a year besides its weekly closed days (public and company holidays). */
  async holidays(id: string, year: number | undefined): Promise<CalendarHolidayListDto> {
    const row = await this.repository.calendar(id);
    if (!row) throw SlaException.calendarNotFound(id);
    const spec = calendarSpecOf(row);
    const y = year ?? Number(new Intl.DateTimeFormat('en-CA', { timeZone: spec.timeZone, year: 'numeric' }).format(new Date()));
    return { calendarId: id, year: y, items: closedDays(spec, y), nextCursor: null };
  }
}

/** Exactly one policy per priority, and a response target no longer than the resolution target. */
function policySetProblems(items: readonly SlaPolicyInputDto[]): ApiErrorDetail[] {
  const details: ApiErrorDetail[] = [];
  const seen = new Set<number>();
  items.forEach((p, i) => {
    if (seen.has(p.priority)) details.push({ field: `policies[${i}].priority`, reason: `P${p.priority} is listed twice` });
    seen.add(p.priority);
    if (p.responseMinutes > p.resolutionMinutes) {
      details.push({
        field: `policies[${i}].responseMinutes`,
        reason: `responseMinutes (${p.responseMinutes}) must not exceed resolutionMinutes (${p.resolutionMinutes})`,
      });
    }
  });
  const missing = PRIORITIES.filter((p) => !seen.has(p));
  if (missing.length > 0) {
    details.push({
      field: 'policies',
      reason: `policies must give priorities 1–5 once each; missing ${missing.map((p) => `P${p}`).join(', ')}`,
    });
  }
  return details;
}

/** The five rows share one version, bumped by each PUT. */
function setVersion(policies: readonly SlaPolicyEntity[]): number {
  return policies.reduce((max, p) => Math.max(max, p.version), 0);
}

function toPolicyList(policies: readonly SlaPolicyEntity[]): SlaPolicyListDto {
  return {
    items: policies.map((p) => ({
      priority: p.priority,
      responseMinutes: p.responseMinutes,
      resolutionMinutes: p.resolutionMinutes,
      calendarId: p.calendarId,
      active: p.active,
      updatedAt: p.updatedAt.toISOString(),
    })),
    nextCursor: null,
    version: setVersion(policies),
  };
}

function toCalendarList(
  calendars: readonly BusinessCalendarEntity[],
  policies: readonly SlaPolicyEntity[],
): BusinessCalendarListDto {
  return {
    items: calendars.map((c): BusinessCalendarDto => ({
      id: c.id,
      name: c.name,
      timeZone: c.spec.timeZone,
      mode: c.spec.mode,
      workingHours: c.spec.workingHours,
      japaneseHolidaysOff: c.spec.japaneseHolidaysOff,
      extraHolidays: c.spec.extraHolidays,
      usedByPriorities: policies.filter((p) => p.calendarId === c.id).map((p) => p.priority),
      updatedAt: c.updatedAt.toISOString(),
      version: c.version,
    })),
    nextCursor: null,
  };
}

function specOf(item: BusinessCalendarInputDto): BusinessCalendarSpec {
  const hours = (item.workingHours ?? {}) as Record<string, unknown>;
  const workingHours: Record<string, unknown> = {};
  for (const [day, windows] of Object.entries(hours)) {
    // Only start and end are kept; validateCalendarSpec judges the shape.
    workingHours[day] = Array.isArray(windows)
      ? windows.map((w: unknown) =>
          typeof w === 'object' && w !== null ? { start: (w as WorkingWindow).start, end: (w as WorkingWindow).end } : w,
        )
      : windows;
  }
  return {
    id: item.id,
    name: item.name,
    timeZone: item.timeZone,
    mode: item.mode,
    workingHours: workingHours as unknown as Record<Weekday, readonly WorkingWindow[]>,
    japaneseHolidaysOff: item.japaneseHolidaysOff,
    extraHolidays: item.extraHolidays,
  };
}

/** JSON with sorted keys, to tell whether a spec really changed. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
