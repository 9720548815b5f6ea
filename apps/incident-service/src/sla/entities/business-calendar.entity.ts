import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarMode, WorkingWindow } from '../clock';

/** The stored part of a BusinessCalendarSpec (id and name have their own columns). */
export interface StoredCalendarSpec {
  timeZone: string;
  mode: CalendarMode;
  workingHours: Record<string, WorkingWindow[]>;
  japaneseHolidaysOff: boolean;
  extraHolidays: string[];
}

/** A working calendar SLA targets are counted on (`24x7`, `jp-business`, …). */
@Entity({ name: 'business_calendar' })
export class BusinessCalendarEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  name: string;

  @Column('jsonb')
  spec: StoredCalendarSpec;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  /** Optimistic lock, bumped by each change of the calendar (set explicitly, not by TypeORM). */
  @Column('integer')
  version: number;
}
