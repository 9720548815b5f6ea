import { Injectable } from '@nestjs/common';
import { ProblemRef } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemLookup } from './domain/problem-ref-lookup';
import { ProblemRefEntity } from './entities/problem-ref.entity';

/** Where an event stands in its problem's history: the envelope's sequence and occurredAt. */
export interface ProblemEventPosition {
  sequence: number;
  occurredAt: Date;
}

/** The only code that touches the problem copy (problem_ref). */
@Injectable()
export class ProblemRefsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts or overwrites the copy of a problem unless it already holds a newer event's state. Newer means a
   * greater envelope sequence: the problem service numbers each problem's events 1, 2, 3… in commit order, so
   * the sequence orders them even when its replicas' clocks disagree or two changes share a millisecond;
   * occurredAt only breaks a tie (a re-published event). Returns whether the row changed.
   */
  async upsert(manager: EntityManager, problem: ProblemRef, position: ProblemEventPosition): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO problem_ref AS p (id, number, title, state, workaround, root_cause, updated_at, event_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET
         number = EXCLUDED.number, title = EXCLUDED.title, state = EXCLUDED.state, workaround = EXCLUDED.workaround,
         root_cause = EXCLUDED.root_cause, updated_at = EXCLUDED.updated_at, event_sequence = EXCLUDED.event_sequence
       WHERE (p.event_sequence, p.updated_at) < (EXCLUDED.event_sequence, EXCLUDED.updated_at)
       RETURNING p.id`,
      [
        problem.id,
        problem.number,
        problem.title ?? problem.number,
        problem.state,
        problem.workaround ?? null,
        problem.rootCause ?? null,
        position.occurredAt,
        position.sequence,
      ],
    );
    return rows.length > 0;
  }

  find(lookup: ProblemLookup, manager?: EntityManager): Promise<ProblemRefEntity | null> {
    const qb = (manager ?? this.dataSource.manager).createQueryBuilder(ProblemRefEntity, 'p');
    if ('id' in lookup) qb.where('p.id = :id', { id: lookup.id });
    else qb.where('p.number = :number', { number: lookup.number }).orderBy('p.updated_at', 'DESC');
    return qb.getOne();
  }
}
