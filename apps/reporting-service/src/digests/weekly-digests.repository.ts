import { Injectable } from '@nestjs/common';
import { WeeklyDigestFigures } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** A weekly_digest row (the CSV only where asked for). */
export interface WeeklyDigestRecord {
  id: string;
  weekStart: string;
  timeZone: string;
  groupKey: string;
  groupId: string | null;
  groupName: string | null;
  figures: WeeklyDigestFigures;
  createdAt: Date;
}

export interface NewWeeklyDigest extends WeeklyDigestRecord {
  csv: string;
}

export interface WeeklyDigestListQuery {
  weekStart?: string;
  groupKey?: string;
  /** The last row of the previous page: week_start descending, then group_key (byte order, as JavaScript sorts). */
  after?: { weekStart: string; groupKey: string };
  limit: number;
}

const COLUMNS = `id, week_start::text AS "weekStart", time_zone AS "timeZone", group_key AS "groupKey", group_id AS "groupId",
  group_name AS "groupName", figures, created_at AS "createdAt"`;

// Two keys: the digest's own lock space, then the week.
const LOCK_SPACE = 'reporting-service:weekly-digest';

/** weekly_digest: one row per group and week, written once (unique week_start, group_key), never updated. */
@Injectable()
export class WeeklyDigestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises the production of one week across replicas until the transaction ends. */
  async lockWeek(manager: EntityManager, weekStart: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [LOCK_SPACE, weekStart]);
  }

  findByWeek(manager: EntityManager, weekStart: string): Promise<WeeklyDigestRecord[]> {
    return manager.query(`SELECT ${COLUMNS} FROM weekly_digest WHERE week_start = $1::date ORDER BY group_key COLLATE "C"`, [
      weekStart,
    ]);
  }

  /** False when the group's digest of that week exists already (written by another replica). */
  async insertIfAbsent(manager: EntityManager, d: NewWeeklyDigest): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO weekly_digest (id, week_start, time_zone, group_key, group_id, group_name, figures, csv, created_at)
       VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (week_start, group_key) DO NOTHING RETURNING id`,
      [d.id, d.weekStart, d.timeZone, d.groupKey, d.groupId, d.groupName, JSON.stringify(d.figures), d.csv, d.createdAt],
    );
    return rows.length === 1;
  }

  async findById(id: string): Promise<(WeeklyDigestRecord & { csv: string }) | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS}, csv FROM weekly_digest WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  list(query: WeeklyDigestListQuery): Promise<WeeklyDigestRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.weekStart) where.push(`week_start = ${param(query.weekStart)}::date`);
    if (query.groupKey) where.push(`group_key = ${param(query.groupKey)}`);
    if (query.after) {
      const week = param(query.after.weekStart);
      where.push(
        `(week_start < ${week}::date OR (week_start = ${week}::date AND group_key COLLATE "C" > ${param(query.after.groupKey)}))`,
      );
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM weekly_digest ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY week_start DESC, group_key COLLATE "C" LIMIT ${param(query.limit)}`,
      params,
    );
  }
}
