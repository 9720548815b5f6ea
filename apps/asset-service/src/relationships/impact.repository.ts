import { Injectable } from '@nestjs/common';
import type { CiState, CiType, RelationshipType } from '@helpdesk/contracts';
import { DataSource } from 'typeorm';
import { ImpactDirection } from './dto/impact.dto';

export interface ImpactWalk {
  startId: string;
  direction: ImpactDirection;
  maxDepth: number;
  /** Follow only these edge types; undefined: all. */
  types?: RelationshipType[];
  /** Answer only CIs of these types (the walk goes through every type); undefined: all. */
  ciTypes?: CiType[];
  limit: number;
}

export interface ImpactRow {
  id: string;
  number: string;
  name: string;
  type: CiType;
  state: CiState;
  depth: number;
  /** CI numbers from the start, space-separated. */
  path: string;
  /** All reached CIs of the asked types (the same on every row). */
  total: number;
}

/**
 * The walk as one recursive CTE, breadth first with one row per level: the row carries the level's
 * frontier (ids, numbers, types and one path each, as parallel arrays) and every CI visited so far. The
 * next level is the frontier's neighbours that are not disposed and not visited yet (a hash anti-join on
 * the visited array), one row per CI (DISTINCT ON keeps one path, the smallest). A CI is thus reached
 * once, at its shortest depth; loops end because a visited CI never comes back, and the walk stops at
 * maxDepth or when a level finds nothing new. Each step reads asset_relationship by the walked end
 * ((source_id, target_id, type) downstream, (target_id, type) INCLUDE (source_id) upstream) and asset_ci
 * by (id) INCLUDE (number, type, state): index-only scans.
 */
const walkSql = (from: 'source_id' | 'target_id', to: 'source_id' | 'target_id') => `
  WITH RECURSIVE walk (depth, ids, numbers, types, paths, visited) AS (
    SELECT 0, ARRAY[c.id], ARRAY[c.number], ARRAY[c.type], ARRAY[c.number], ARRAY[c.id]
    FROM asset_ci c
    WHERE c.id = $1
    UNION ALL
    SELECT w.depth + 1, step.ids, step.numbers, step.types, step.paths, w.visited || step.ids
    FROM walk w
    CROSS JOIN LATERAL (
      SELECT array_agg(n.id) AS ids, array_agg(n.number) AS numbers, array_agg(n.type) AS types, array_agg(n.path) AS paths
      FROM (
        SELECT DISTINCT ON (c.id) c.id, c.number, c.type, f.path || ' ' || c.number AS path
        FROM unnest(w.ids, w.paths) AS f (id, path)
        JOIN asset_relationship r ON r.${from} = f.id
        JOIN asset_ci c ON c.id = r.${to}
        WHERE c.state <> 'disposed'
          AND ($3::text[] IS NULL OR r.type = ANY ($3::text[]))
          AND NOT EXISTS (SELECT 1 FROM unnest(w.visited) AS v (id) WHERE v.id = r.${to})
        ORDER BY c.id, f.path
      ) AS n
    ) AS step
    WHERE w.depth < $2 AND step.ids IS NOT NULL
  ),
  reached AS (
    SELECT w.depth, x.id, x.number, x.path
    FROM walk w
    CROSS JOIN LATERAL unnest(w.ids, w.numbers, w.types, w.paths) AS x (id, number, type, path)
    WHERE w.depth > 0 AND ($4::text[] IS NULL OR x.type = ANY ($4::text[]))
  ),
  page AS (
    SELECT reached.*, count(*) OVER () AS total FROM reached ORDER BY depth, number LIMIT $5
  )
  SELECT c.id, c.number, c.name, c.type, c.state, p.depth, p.path, p.total::int AS total
  FROM page p
  JOIN asset_ci c ON c.id = p.id
  ORDER BY p.depth, p.number`;

const UPSTREAM_SQL = walkSql('target_id', 'source_id');
const DOWNSTREAM_SQL = walkSql('source_id', 'target_id');

/** Impact analysis: the CIs reachable from one CI over relationships, in one query. */
@Injectable()
export class ImpactRepository {
  constructor(private readonly dataSource: DataSource) {}

  walk(query: ImpactWalk): Promise<ImpactRow[]> {
    return this.dataSource.query(query.direction === 'upstream' ? UPSTREAM_SQL : DOWNSTREAM_SQL, [
      query.startId,
      query.maxDepth,
      query.types ?? null,
      query.ciTypes ?? null,
      query.limit,
    ]);
  }
}
