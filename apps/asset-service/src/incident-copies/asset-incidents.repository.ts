import { Injectable } from '@nestjs/common';
import { IncidentSnapshot } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CiEntity } from '../cis/entities/ci.entity';
import { AssetIncidentEntity } from './asset-incident.entity';
import { ciIncidentKeys, incidentCiKeySql } from './ci-incident-key';
import { countedIncidentSql } from './problematic-ci.policy';

export interface IncidentPageKey {
  openedAt: string;
  id: string;
}

export interface CiIncidentRankKey {
  incidents: number;
  lastOpenedAt: string;
  id: string;
}

/** A CI with how many of its incidents count towards the problematic rule. */
export interface CiIncidentRank {
  ci: Pick<CiEntity, 'id' | 'number' | 'name' | 'type' | 'state' | 'location' | 'assignedToName' | 'department'>;
  incidents: number;
  lastOpenedAt: Date;
}

const UUID_KEY = `'^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$'`;

/** The only place that reads and writes the local copy of incidents. */
@Injectable()
export class AssetIncidentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes an incident as of its version: a newer version replaces the copy, an older or equal one (late or
   * redelivered) changes nothing. Returns whether it was applied.
   */
  async apply(manager: EntityManager, incident: IncidentSnapshot, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO asset_incident (id, number, ci_id, caller_id, short_description, state, priority, opened_at, resolved_at,
         incident_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, ci_id = EXCLUDED.ci_id, caller_id = EXCLUDED.caller_id,
         short_description = EXCLUDED.short_description, state = EXCLUDED.state, priority = EXCLUDED.priority,
         opened_at = EXCLUDED.opened_at, resolved_at = EXCLUDED.resolved_at, incident_version = EXCLUDED.incident_version,
         updated_at = EXCLUDED.updated_at
       WHERE asset_incident.incident_version < EXCLUDED.incident_version
       RETURNING id`,
      [
        incident.id,
        incident.number,
        incident.ciId?.trim() ? incident.ciId : null,
        incident.callerId ?? null,
        incident.shortDescription,
        incident.state,
        incident.priority,
        new Date(incident.openedAt),
        incident.resolvedAt ? new Date(incident.resolvedAt) : null,
        incident.version,
        at,
      ],
    );
    return rows.length > 0;
  }

  /** A CI's incidents, newest opened first (limit + 1 rows, for toPage). */
  forCi(ci: Pick<CiEntity, 'id' | 'number'>, after: IncidentPageKey | null, limit: number): Promise<AssetIncidentEntity[]> {
    const qb = this.dataSource
      .getRepository(AssetIncidentEntity)
      .createQueryBuilder('i')
      .where(`${incidentCiKeySql('i.ci_id')} IN (:...keys)`, { keys: ciIncidentKeys(ci) });
    if (after) qb.andWhere('(i.opened_at, i.id) < (:openedAt, :id)', { openedAt: new Date(after.openedAt), id: after.id });
    return qb
      .orderBy('i.opened_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(limit + 1)
      .getMany();
  }

  /** How many of a CI's incidents count towards the problematic rule since `since`. */
  async countSince(ci: Pick<CiEntity, 'id' | 'number'>, since: Date): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM asset_incident i
        WHERE ${incidentCiKeySql('i.ci_id')} IN ($1, $2) AND ${countedIncidentSql('$3')}`,
      [...ciIncidentKeys(ci), since],
    );
    return row.n;
  }

  /**
   * CIs by how many counted incidents they had since `since`, most first (then the latest incident first),
   * `minIncidents` and more; one query. Incidents naming no CI of ours (free text) are left out. `limit` null:
   * every row.
   */
  async ranking(
    since: Date,
    minIncidents: number,
    after: CiIncidentRankKey | null,
    limit: number | null,
  ): Promise<CiIncidentRank[]> {
    const params: unknown[] = [since, minIncidents];
    let page = '';
    if (after) {
      params.push(after.incidents, new Date(after.lastOpenedAt), after.id);
      page = `AND (p.incidents, p.last_opened_at, c.id) < ($3, $4, $5)`;
    }
    if (limit !== null) params.push(limit + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH keyed AS (
         SELECT ${incidentCiKeySql('i.ci_id')} AS k, i.opened_at FROM asset_incident i
          WHERE i.ci_id IS NOT NULL AND ${countedIncidentSql('$1')}
       ), counted AS (
         -- The cast only where the key is a UUID (CASE: never evaluated for free text).
         SELECT k, CASE WHEN k ~ ${UUID_KEY} THEN lower(k)::uuid END AS uuid_key, opened_at FROM keyed
       ), matched AS (
         SELECT c.id, k.opened_at FROM counted k JOIN asset_ci c ON c.number = k.k
         UNION ALL
         SELECT c.id, k.opened_at FROM counted k JOIN asset_ci c ON c.id = k.uuid_key
       ), per_ci AS (
         SELECT id, count(*)::int AS incidents, max(opened_at) AS last_opened_at FROM matched GROUP BY id
       )
       SELECT c.id, c.number, c.name, c.type, c.state, c.location, c.assigned_to_name, c.department,
              p.incidents, p.last_opened_at
         FROM per_ci p JOIN asset_ci c ON c.id = p.id
        WHERE p.incidents >= $2 ${page}
        ORDER BY p.incidents DESC, p.last_opened_at DESC, c.id DESC
        ${limit !== null ? `LIMIT $${params.length}` : ''}`,
      params,
    );
    return rows.map((r) => ({
      ci: {
        id: r.id as string,
        number: r.number as string,
        name: r.name as string,
        type: r.type as CiEntity['type'],
        state: r.state as CiEntity['state'],
        location: r.location as string | null,
        assignedToName: r.assigned_to_name as string | null,
        department: r.department as string | null,
      },
      incidents: r.incidents as number,
      lastOpenedAt: r.last_opened_at as Date,
    }));
  }
}
