import { Injectable } from '@nestjs/common';
import { CiState, CiType, HARDWARE_CI_TYPES } from '@helpdesk/contracts';
import { DataSource } from 'typeorm';

/** CIs that are no longer in use: left out of warranty and distribution figures. */
const OUT_OF_USE_SQL = (alias: string) => `${alias}.state NOT IN ('retired', 'disposed')`;

export type DistributionKey = 'user' | 'department' | 'location';

export interface WarrantyRow {
  id: string;
  number: string;
  name: string;
  type: CiType;
  state: CiState;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  assetTag: string | null;
  warrantyEnd: string;
  daysLeft: number;
  location: string | null;
  assignedToId: string | null;
  assignedToName: string | null;
  department: string | null;
}

export interface DistributionCountRow {
  key: string | null;
  label: string | null;
  type: CiType;
  count: number;
}

export interface IdleStockRow {
  id: string;
  number: string;
  name: string;
  type: CiType;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  assetTag: string | null;
  location: string | null;
  inStockSince: Date;
}

export interface LeaverRow {
  id: string;
  displayName: string;
  email: string | null;
  department: string | null;
  deactivatedAt: Date;
}

export interface LeaverAssetRow {
  id: string;
  number: string;
  name: string;
  type: CiType;
  state: CiState;
  assetTag: string | null;
  serialNumber: string | null;
  assignedToId: string;
  assignedAt: Date | null;
}

/** Rows of a list report: `limit` null means every row (CSV), else limit + 1 rows for toPage. */
export interface ReportPage<K> {
  after: K | null;
  limit: number | null;
}

const DISTRIBUTION_KEYS: Record<DistributionKey, { key: string; label: string }> = {
  user: { key: 'c.assigned_to_id::text', label: 'coalesce(p.display_name, c.assigned_to_name)' },
  department: { key: 'c.department', label: 'c.department' },
  location: { key: 'c.location', label: 'c.location' },
};

/** The reports' read-only SQL over CIs, their history and people. */
@Injectable()
export class AssetReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Hardware in use whose warranty ends from `today` to `today + days`, soonest first. */
  warranties(today: string, days: number, page: ReportPage<{ warrantyEnd: string; id: string }>): Promise<WarrantyRow[]> {
    const params: unknown[] = [today, days, HARDWARE_CI_TYPES];
    const after = page.after
      ? `AND (c.warranty_end, c.id) > ($${params.push(page.after.warrantyEnd)}::date, $${params.push(page.after.id)}::uuid)`
      : '';
    const limit = page.limit !== null ? `LIMIT $${params.push(page.limit + 1)}` : '';
    return this.dataSource.query(
      `SELECT c.id, c.number, c.name, c.type, c.state, c.manufacturer, c.model, c.serial_number AS "serialNumber",
              c.asset_tag AS "assetTag", c.warranty_end::text AS "warrantyEnd", (c.warranty_end - $1::date) AS "daysLeft",
              c.location, c.assigned_to_id AS "assignedToId", c.assigned_to_name AS "assignedToName", c.department
         FROM asset_ci c
        WHERE c.type = ANY($3) AND ${OUT_OF_USE_SQL('c')}
          AND c.warranty_end BETWEEN $1::date AND $1::date + $2::int ${after}
        ORDER BY c.warranty_end, c.id ${limit}`,
      params,
    );
  }

  /** CIs in use counted per key and type; CIs without the key count under a null key. */
  distribution(by: DistributionKey): Promise<DistributionCountRow[]> {
    const { key, label } = DISTRIBUTION_KEYS[by];
    const people = by === 'user' ? 'LEFT JOIN asset_person p ON p.id = c.assigned_to_id' : '';
    return this.dataSource.query(
      `SELECT ${key} AS key, max(${label}) AS label, c.type, count(*)::int AS count
         FROM asset_ci c ${people}
        WHERE ${OUT_OF_USE_SQL('c')}
        GROUP BY ${key}, c.type`,
    );
  }

  /**
   * CIs in stock since before `enteredBefore`: since the latest history entry that moved them to in_stock, or
   * their creation when their state never changed. Longest idle first.
   */
  idleStock(enteredBefore: Date, page: ReportPage<{ since: string; id: string }>): Promise<IdleStockRow[]> {
    const params: unknown[] = [enteredBefore];
    const after = page.after
      ? `AND (x."inStockSince", x.id) > ($${params.push(new Date(page.after.since))}, $${params.push(page.after.id)}::uuid)`
      : '';
    const limit = page.limit !== null ? `LIMIT $${params.push(page.limit + 1)}` : '';
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT c.id, c.number, c.name, c.type, c.manufacturer, c.model, c.serial_number AS "serialNumber",
                c.asset_tag AS "assetTag", c.location,
                coalesce((SELECT max(h.at) FROM asset_ci_history h
                           WHERE h.ci_id = c.id AND h.changes @> '[{"field": "state", "to": "in_stock"}]'::jsonb),
                         c.created_at) AS "inStockSince"
           FROM asset_ci c WHERE c.state = 'in_stock'
       ) x
       WHERE x."inStockSince" < $1 ${after}
       ORDER BY x."inStockSince", x.id ${limit}`,
      params,
    );
  }

  /** Deactivated people who still have CIs assigned (not disposed of), longest gone first. */
  leavers(page: ReportPage<{ deactivatedAt: string; id: string }>): Promise<LeaverRow[]> {
    const params: unknown[] = [];
    const after = page.after
      ? `AND (p.deactivated_at, p.id) > ($${params.push(new Date(page.after.deactivatedAt))}, $${params.push(page.after.id)}::uuid)`
      : '';
    const limit = page.limit !== null ? `LIMIT $${params.push(page.limit + 1)}` : '';
    return this.dataSource.query(
      `SELECT p.id, p.display_name AS "displayName", p.email, p.department, p.deactivated_at AS "deactivatedAt"
         FROM asset_person p
        WHERE p.active = false AND p.deactivated_at IS NOT NULL ${after}
          AND EXISTS (SELECT 1 FROM asset_ci c WHERE c.assigned_to_id = p.id AND c.state <> 'disposed')
        ORDER BY p.deactivated_at, p.id ${limit}`,
      params,
    );
  }

  /** The CIs (not disposed of) still assigned to these people, by number. */
  assetsOf(personIds: string[]): Promise<LeaverAssetRow[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT c.id, c.number, c.name, c.type, c.state, c.asset_tag AS "assetTag", c.serial_number AS "serialNumber",
              c.assigned_to_id AS "assignedToId", c.assigned_at AS "assignedAt"
         FROM asset_ci c WHERE c.assigned_to_id = ANY($1::uuid[]) AND c.state <> 'disposed'
        ORDER BY length(c.number), c.number`,
      [personIds],
    );
  }
}
