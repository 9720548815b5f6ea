import { Injectable } from '@nestjs/common';
import { CiState, CiType } from '@helpdesk/contracts';
import { DataSource } from 'typeorm';
import { SEAT_HOLDING_SQL } from './licence-seats';

export interface LicenceRow {
  id: string;
  number: string;
  name: string;
  state: CiState;
  manufacturer: string | null;
  model: string | null;
  seatsOwned: number | null;
  seatsUsed: number;
  licenceExpiresOn: string | null;
}

export interface LicenceSeatRow {
  id: string;
  number: string;
  name: string;
  type: CiType;
  state: CiState;
  assignedToId: string | null;
  assignedToName: string | null;
  department: string | null;
}

export interface LicenceFilter {
  overAllocated?: boolean;
  /** Expiring between `today` and `today + days` (both included). */
  expiring?: { today: string; days: number };
  after?: { name: string; id: string } | null;
  limit: number;
}

const LICENCE_COLUMNS = `l.id, l.number, l.name, l.state, l.manufacturer, l.model, l.seats_owned AS "seatsOwned",
  l.licence_expires_on::text AS "licenceExpiresOn", coalesce(u.used, 0)::int AS "seatsUsed"`;

/** Seats in use per licence, counted once for the whole list (no query per licence). */
const SEATS_USED_JOIN = `LEFT JOIN (
    SELECT s.licence_id, count(*) AS used FROM asset_ci s
     WHERE s.licence_id IS NOT NULL AND ${SEAT_HOLDING_SQL('s')} GROUP BY s.licence_id
  ) u ON u.licence_id = l.id`;

/** Seats in use of one licence. */
const SEATS_USED_OF_ONE = `LEFT JOIN LATERAL (
    SELECT count(*) AS used FROM asset_ci s WHERE s.licence_id = l.id AND ${SEAT_HOLDING_SQL('s')}
  ) u ON true`;

/** Licence CIs with their seat counts. */
@Injectable()
export class LicencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page (limit + 1 rows) by name, then id; one query with the counts. */
  list(filter: LicenceFilter): Promise<LicenceRow[]> {
    const params: unknown[] = [];
    const where = [`l.type = 'licence'`];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.overAllocated !== undefined) {
      where.push(`${filter.overAllocated ? '' : 'NOT '}(coalesce(u.used, 0) > coalesce(l.seats_owned, 0))`);
    }
    if (filter.expiring) {
      const today = param(filter.expiring.today);
      where.push(`l.licence_expires_on BETWEEN ${today}::date AND ${today}::date + ${param(filter.expiring.days)}::int`);
    }
    if (filter.after) where.push(`(l.name, l.id) > (${param(filter.after.name)}, ${param(filter.after.id)}::uuid)`);
    return this.dataSource.query(
      `SELECT ${LICENCE_COLUMNS} FROM asset_ci l ${SEATS_USED_JOIN}
        WHERE ${where.join(' AND ')} ORDER BY l.name, l.id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  async find(key: { id: string } | { number: string }): Promise<LicenceRow | null> {
    const [column, value] = 'id' in key ? ['l.id', key.id] : ['l.number', key.number];
    const rows: LicenceRow[] = await this.dataSource.query(
      `SELECT ${LICENCE_COLUMNS} FROM asset_ci l ${SEATS_USED_OF_ONE} WHERE l.type = 'licence' AND ${column} = $1`,
      [value],
    );
    return rows[0] ?? null;
  }

  /** The CIs holding a seat of the licence. */
  seatsOf(licenceId: string): Promise<LicenceSeatRow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.number, s.name, s.type, s.state, s.assigned_to_id AS "assignedToId",
              s.assigned_to_name AS "assignedToName", s.department
         FROM asset_ci s WHERE s.licence_id = $1 AND ${SEAT_HOLDING_SQL('s')} ORDER BY s.name, s.id`,
      [licenceId],
    );
  }
}
