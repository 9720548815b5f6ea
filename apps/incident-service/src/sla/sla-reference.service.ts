import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IncidentConfig } from '../config/incident.config';
import { BusinessCalendar, BusinessCalendarSpec, Weekday, WorkingWindow } from './clock';
import { DEFAULT_CALENDAR_SPECS, DEFAULT_POLICY_RULES, SlaReferenceBook } from './domain/sla-reference-book';
import { BusinessCalendarEntity, StoredCalendarSpec } from './entities/business-calendar.entity';
import { SlaReferenceRepository } from './sla-reference.repository';

/** How long another replica's edit of policies or calendars may take to reach this one. */
export const SLA_REFERENCE_REFRESH_MS = 30_000;

/**
 * Policies and calendars in memory: every incident write measures its timers with them (1,000+ creations/s must
 * not read two tables each). Reloaded after a local edit, and in the background when older than 30 s.
 * Seeds itil.md's defaults at start-up when there is no policy (SEED_REFERENCE_DATA).
 */
@Injectable()
export class SlaReferenceService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaReferenceService.name);
  private book: SlaReferenceBook | null = null;
  private loadedAt = 0;
  private started = 0;
  private applied = 0;
  /** BusinessCalendar instances by id, kept across reloads while their version is unchanged (warm day caches). */
  private instances = new Map<string, { version: number; calendar: BusinessCalendar }>();

  constructor(
    private readonly repository: SlaReferenceRepository,
    private readonly config: IncidentConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_REFERENCE_DATA) {
      const seeded = await this.repository.seedIfEmpty(
        DEFAULT_CALENDAR_SPECS.map((spec) => ({ id: spec.id, name: spec.name, spec: storedSpecOf(spec), version: 1 })),
        DEFAULT_POLICY_RULES.map((rule) => ({ ...rule, version: 1 })),
      );
      if (seeded) this.logger.log('Seeded the default SLA policies (P1–P5) and calendars (24x7, jp-business)');
    }
    await this.reload();
  }

  /** The policies and calendars now in force (at most ~30 s old). */
  async current(): Promise<SlaReferenceBook> {
    if (!this.book) return this.reload();
    if (Date.now() - this.loadedAt > SLA_REFERENCE_REFRESH_MS) {
      this.loadedAt = Date.now(); // one background reload at a time
      this.reload().catch((e: unknown) => this.logger.warn(`SLA policies not reloaded: ${(e as Error).message}`));
    }
    return this.book;
  }

  /** Reads both tables again; a reload started later always wins over one started earlier. */
  async reload(): Promise<SlaReferenceBook> {
    const mine = ++this.started;
    const [policies, calendars] = await Promise.all([this.repository.policies(), this.repository.calendars()]);
    if (mine > this.applied) {
      this.applied = mine;
      const instances = new Map<string, { version: number; calendar: BusinessCalendar }>();
      for (const row of calendars) {
        const known = this.instances.get(row.id);
        const calendar = known && known.version === row.version ? known.calendar : this.instantiate(row);
        if (calendar) instances.set(row.id, { version: row.version, calendar });
      }
      this.instances = instances;
      this.book = new SlaReferenceBook(policies, new Map([...instances].map(([id, i]) => [id, i.calendar])));
      this.loadedAt = Date.now();
      if (policies.length === 0) this.logger.warn('No SLA policy is defined: incidents get no SLA timers');
    }
    return this.book as SlaReferenceBook;
  }

  private instantiate(row: BusinessCalendarEntity): BusinessCalendar | null {
    try {
      return new BusinessCalendar(calendarSpecOf(row));
    } catch (e) {
      // Rows are validated on the way in; a bad one (edited by hand) must not stop every incident write.
      this.logger.error(`Calendar ${row.id} is invalid and is ignored: ${(e as Error).message}`);
      return null;
    }
  }
}

/** The clock's spec of a stored calendar. */
export function calendarSpecOf(row: Pick<BusinessCalendarEntity, 'id' | 'name' | 'spec'>): BusinessCalendarSpec {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.spec.timeZone,
    mode: row.spec.mode,
    workingHours: row.spec.workingHours as unknown as Record<Weekday, readonly WorkingWindow[]>,
    japaneseHolidaysOff: row.spec.japaneseHolidaysOff,
    extraHolidays: row.spec.extraHolidays,
  };
}

/** What is stored of a spec (id and name have their own columns); windows keep only start and end. */
export function storedSpecOf(spec: BusinessCalendarSpec): StoredCalendarSpec {
  const workingHours: Record<string, WorkingWindow[]> = {};
  for (const [day, windows] of Object.entries(spec.workingHours)) {
    workingHours[day] = (windows as readonly WorkingWindow[]).map((w) => ({ start: w.start, end: w.end }));
  }
  return {
    timeZone: spec.timeZone,
    mode: spec.mode,
    workingHours,
    japaneseHolidaysOff: spec.japaneseHolidaysOff,
    extraHolidays: [...spec.extraHolidays],
  };
}
