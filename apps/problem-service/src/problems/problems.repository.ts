import { Injectable } from '@nestjs/common';
import type { ProblemState } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemHistoryEntity } from './entities/problem-history.entity';
import { ProblemEntity } from './entities/problem.entity';
import { ProblemRefKey } from './problem-number';

export interface ProblemListFilter {
  states?: ProblemState[];
  ownerId?: string;
  category?: string;
  ciId?: string;
  /** Words of the title or number (case-insensitive substring). */
  text?: string;
}

/** The only place that reads and writes problem rows and their history. */
@Injectable()
export class ProblemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(ref: ProblemRefKey, manager: EntityManager = this.dataSource.manager): Promise<ProblemEntity | null> {
    return manager.getRepository(ProblemEntity).findOneBy(ref);
  }

  /** Locks the row for the rest of the transaction: concurrent changes of one problem queue up. */
  findForUpdate(manager: EntityManager, ref: ProblemRefKey): Promise<ProblemEntity | null> {
    return manager.getRepository(ProblemEntity).findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
  }

  findByExternalKey(manager: EntityManager, source: string, key: string): Promise<ProblemEntity | null> {
    return manager.getRepository(ProblemEntity).findOneBy({ externalSource: source, externalKey: key });
  }

  async list(filter: ProblemListFilter, after: { at: string; id: string } | null, limit: number): Promise<ProblemEntity[]> {
    const qb = this.dataSource.getRepository(ProblemEntity).createQueryBuilder('p');
    if (filter.states?.length) qb.andWhere('p.state IN (:...states)', { states: filter.states });
    if (filter.ownerId) qb.andWhere('p.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.category) qb.andWhere('p.category = :category', { category: filter.category });
    if (filter.ciId) qb.andWhere(':ciId = ANY (p.ci_ids)', { ciId: filter.ciId });
    if (filter.text) {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(p.title ILIKE :pattern OR p.number ILIKE :pattern)', { pattern });
    }
    if (after) qb.andWhere('(p.updated_at, p.id) < (:at, :id)', { at: after.at, id: after.id });
    return qb
      .orderBy('p.updated_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .take(limit + 1)
      .getMany();
  }

  history(problemId: string, beforeId: string | null, limit: number): Promise<ProblemHistoryEntity[]> {
    const qb = this.dataSource
      .getRepository(ProblemHistoryEntity)
      .createQueryBuilder('h')
      .where('h.problem_id = :problemId', { problemId });
    if (beforeId) qb.andWhere('h.id < :beforeId', { beforeId });
    return qb
      .orderBy('h.id', 'DESC')
      .take(limit + 1)
      .getMany();
  }

  /**
   * Known errors whose analysed text shares terms with the query, most shared terms first (the GIN index
   * on search_terms finds them); without terms, the newest known errors.
   */
  async searchKnownErrors(
    terms: string[],
    states: ProblemState[],
    limit: number,
  ): Promise<Array<{ problem: ProblemEntity; matched: number }>> {
    const repo = this.dataSource.getRepository(ProblemEntity);
    const qb = repo.createQueryBuilder('p').where('p.known_error_at IS NOT NULL').andWhere('p.state IN (:...states)', { states });
    if (terms.length) {
      qb.andWhere('p.search_terms && :terms::text[]', { terms })
        .addSelect('cardinality(ARRAY(SELECT unnest(p.search_terms) INTERSECT SELECT unnest(:terms::text[])))', 'matched')
        .orderBy('matched', 'DESC');
    } else qb.addSelect('0', 'matched');
    qb.addOrderBy('p.known_error_at', 'DESC').addOrderBy('p.id', 'ASC').limit(limit);
    const { entities, raw } = await qb.getRawAndEntities<{ matched: string | number }>();
    return entities.map((problem, i) => ({ problem, matched: Number(raw[i].matched) }));
  }
}
