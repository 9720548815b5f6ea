import { Injectable } from '@nestjs/common';
import type { CiState, CiType, RelationshipType } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { RelationshipDirection } from './dto/relationship.dto';
import { RelationshipEntity } from './relationship.entity';

/** An edge as seen from one of its CIs, with the CI at the other end. */
export interface RelationshipRow {
  id: string;
  type: RelationshipType;
  direction: RelationshipDirection;
  sourceId: string;
  targetId: string;
  createdAt: Date;
  createdById: string;
  otherId: string;
  otherNumber: string;
  otherName: string;
  otherType: CiType;
  otherState: CiState;
}

export interface RelationshipListFilter {
  direction?: RelationshipDirection;
  type?: RelationshipType;
}

/** Sort key of the list: outgoing edges first, then by the other CI's number, then by id. */
export interface RelationshipListCursor {
  d: RelationshipDirection;
  n: string;
  id: string;
}

const DIRECTION_RANK: Record<RelationshipDirection, number> = { outgoing: 0, incoming: 1 };

/** The only place that reads and writes asset_relationship rows. */
@Injectable()
export class RelationshipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<RelationshipEntity | null> {
    return manager.getRepository(RelationshipEntity).findOneBy({ id });
  }

  exists(manager: EntityManager, sourceId: string, targetId: string, type: RelationshipType): Promise<boolean> {
    return manager.getRepository(RelationshipEntity).existsBy({ sourceId, targetId, type });
  }

  async insert(manager: EntityManager, relationship: RelationshipEntity): Promise<void> {
    await manager.getRepository(RelationshipEntity).insert(relationship);
  }

  /** False when it was gone already (a concurrent delete). */
  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager.getRepository(RelationshipEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** The edges of a CI in both directions, `limit + 1` rows after the cursor. */
  async listFor(
    ciId: string,
    filter: RelationshipListFilter,
    after: RelationshipListCursor | null,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RelationshipRow[]> {
    const columns = (direction: RelationshipDirection) => `
      r.id, r.type, '${direction}' AS direction, ${DIRECTION_RANK[direction]} AS rank, r.source_id AS "sourceId",
      r.target_id AS "targetId", r.created_at AS "createdAt", r.created_by_id AS "createdById", c.id AS "otherId",
      c.number AS "otherNumber", c.name AS "otherName", c.type AS "otherType", c.state AS "otherState"`;
    const rows: Array<RelationshipRow & { rank: number }> = await manager.query(
      `SELECT * FROM (
         SELECT ${columns('outgoing')} FROM asset_relationship r JOIN asset_ci c ON c.id = r.target_id WHERE r.source_id = $1
         UNION ALL
         SELECT ${columns('incoming')} FROM asset_relationship r JOIN asset_ci c ON c.id = r.source_id WHERE r.target_id = $1
       ) AS e
       WHERE ($2::text IS NULL OR e.direction = $2)
         AND ($3::text IS NULL OR e.type = $3)
         AND ($4::int IS NULL OR (e.rank, e."otherNumber", e.id) > ($4, $5, $6::uuid))
       ORDER BY e.rank, e."otherNumber", e.id
       LIMIT $7`,
      [
        ciId,
        filter.direction ?? null,
        filter.type ?? null,
        after ? DIRECTION_RANK[after.d] : null,
        after?.n ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    );
    return rows.map(({ rank: _rank, ...row }) => row);
  }
}
