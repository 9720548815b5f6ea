import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { BusinessCalendarEntity, StoredCalendarSpec } from './entities/business-calendar.entity';
import { SlaPolicyEntity } from './entities/sla-policy.entity';

export interface CalendarWrite {
  id: string;
  name: string;
  spec: StoredCalendarSpec;
  version: number;
}

export interface PolicyWrite {
  priority: number;
  responseMinutes: number;
  resolutionMinutes: number;
  calendarId: string;
  active: boolean;
  version: number;
}

/** Any constant: serialises the start-up seed of several replicas. */
const SEED_LOCK_KEY = 7_310_311;

/** The only code that touches sla_policy and business_calendar. */
@Injectable()
export class SlaReferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  policies(manager?: EntityManager, lock = false): Promise<SlaPolicyEntity[]> {
    const qb = this.m(manager).createQueryBuilder(SlaPolicyEntity, 'p').orderBy('p.priority', 'ASC');
    if (lock) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  calendars(manager?: EntityManager, lock = false): Promise<BusinessCalendarEntity[]> {
    const qb = this.m(manager).createQueryBuilder(BusinessCalendarEntity, 'c').orderBy('c.id', 'ASC');
    if (lock) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  calendar(id: string): Promise<BusinessCalendarEntity | null> {
    return this.m().findOneBy(BusinessCalendarEntity, { id });
  }

  async savePolicies(manager: EntityManager, policies: readonly PolicyWrite[], at: Date): Promise<void> {
    await manager.upsert(
      SlaPolicyEntity,
      policies.map((p) => ({ ...p, updatedAt: at })),
      ['priority'],
    );
  }

  async saveCalendars(manager: EntityManager, calendars: readonly CalendarWrite[], at: Date): Promise<void> {
    if (calendars.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(BusinessCalendarEntity)
      .values(calendars.map((c) => ({ ...c, createdAt: at, updatedAt: at })))
      .orUpdate(['name', 'spec', 'updated_at', 'version'], ['id'])
      .updateEntity(false)
      .execute();
  }

  async deleteCalendars(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await manager.delete(BusinessCalendarEntity, { id: In([...ids]) });
  }

  /**
   * Writes the defaults if there is no policy yet, under an advisory lock so that replicas starting together
   * seed once; calendars that already exist are left as they are. Returns whether it wrote anything.
   */
  async seedIfEmpty(calendars: readonly CalendarWrite[], policies: readonly PolicyWrite[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const [{ n }]: Array<{ n: string }> = await manager.query('SELECT count(*) AS n FROM sla_policy');
      if (Number(n) > 0) return false;
      const at = new Date();
      await manager
        .createQueryBuilder()
        .insert()
        .into(BusinessCalendarEntity)
        .values(calendars.map((c) => ({ ...c, createdAt: at, updatedAt: at })))
        .orIgnore()
        .updateEntity(false)
        .execute();
      await this.savePolicies(manager, policies, at);
      return true;
    });
  }
}
