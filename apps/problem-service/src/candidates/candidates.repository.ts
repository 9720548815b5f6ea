import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemIncidentEntity } from '../incident-copies/entities/problem-incident.entity';
import { ExistingCandidate } from './domain';
import { CandidateState, ProblemCandidateEntity } from './entities/problem-candidate.entity';

export interface CandidateWithMembers {
  candidate: ProblemCandidateEntity;
  members: ProblemIncidentEntity[];
}

/** The only place that reads and writes candidates and their members. */
@Injectable()
export class CandidatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises decisions on one key across consumers and replicas for the rest of the transaction. */
  async lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
    for (const key of [...keys].sort())
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`problem-candidate:${key}`]);
  }

  async forKeys(manager: EntityManager, keys: string[]): Promise<ExistingCandidate[]> {
    if (!keys.length) return [];
    const rows: Array<{ id: string; key: string; state: CandidateState; incident_ids: string[] | null }> = await manager.query(
      `SELECT c.id, c.key, c.state, array_remove(array_agg(m.incident_id), NULL) AS incident_ids
         FROM problem_candidate c LEFT JOIN problem_candidate_incident m ON m.candidate_id = c.id
        WHERE c.key = ANY ($1) GROUP BY c.id`,
      [keys],
    );
    return rows.map((r) => ({ id: r.id, key: r.key, state: r.state, incidentIds: r.incident_ids ?? [] }));
  }

  async insert(
    manager: EntityManager,
    candidate: Omit<ProblemCandidateEntity, 'id'>,
    incidentIds: string[],
  ): Promise<ProblemCandidateEntity> {
    const row = Object.assign(new ProblemCandidateEntity(), candidate, { id: randomUUID() });
    await manager.getRepository(ProblemCandidateEntity).insert(row);
    await this.addMembers(manager, row.id, incidentIds, candidate.createdAt);
    return row;
  }

  async addMembers(manager: EntityManager, candidateId: string, incidentIds: string[], at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO problem_candidate_incident (candidate_id, incident_id, added_at)
       SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
      [candidateId, incidentIds, at],
    );
    // The cluster's time span follows its members.
    await manager.query(
      `UPDATE problem_candidate c SET first_opened_at = s.first, last_opened_at = s.last, updated_at = $2
         FROM (SELECT min(i.opened_at) AS first, max(i.opened_at) AS last FROM problem_candidate_incident m
                 JOIN problem_incident i ON i.id = m.incident_id WHERE m.candidate_id = $1) s
        WHERE c.id = $1`,
      [candidateId, at],
    );
  }

  findForUpdate(manager: EntityManager, id: string): Promise<ProblemCandidateEntity | null> {
    return manager.getRepository(ProblemCandidateEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, candidate: ProblemCandidateEntity): Promise<void> {
    await manager.getRepository(ProblemCandidateEntity).save(candidate);
  }

  async withMembers(
    candidates: ProblemCandidateEntity[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CandidateWithMembers[]> {
    if (!candidates.length) return [];
    const rows: Array<ProblemIncidentEntity & { candidateId: string }> = await manager
      .getRepository(ProblemIncidentEntity)
      .createQueryBuilder('i')
      .innerJoin('problem_candidate_incident', 'm', 'm.incident_id = i.id')
      .addSelect('m.candidate_id', 'candidate_id')
      .where('m.candidate_id IN (:...ids)', { ids: candidates.map((c) => c.id) })
      .orderBy('i.opened_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getRawAndEntities()
      .then(({ entities, raw }) => entities.map((e, i) => Object.assign(e, { candidateId: raw[i].candidate_id as string })));
    return candidates.map((candidate) => ({ candidate, members: rows.filter((r) => r.candidateId === candidate.id) }));
  }

  list(
    state: CandidateState | undefined,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<ProblemCandidateEntity[]> {
    const qb = this.dataSource.getRepository(ProblemCandidateEntity).createQueryBuilder('c');
    if (state) qb.where('c.state = :state', { state });
    if (after) qb.andWhere('(c.created_at, c.id) < (:at, :id)', { at: after.at, id: after.id });
    return qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(limit + 1)
      .getMany();
  }

  find(id: string): Promise<ProblemCandidateEntity | null> {
    return this.dataSource.getRepository(ProblemCandidateEntity).findOneBy({ id });
  }
}
