import { Injectable } from '@nestjs/common';
import { UUID_PATTERN } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemIncidentEntity } from './entities/problem-incident.entity';

export const INCIDENT_NUMBER_PATTERN = /^INC\d{7,}$/;
const OPEN_STATES_SQL = `state NOT IN ('resolved', 'closed', 'cancelled')`;

/** The only place that reads and writes the local copy of incidents. */
@Injectable()
export class IncidentCopiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By UUID or INC number; locked for the transaction. */
  async findForUpdate(manager: EntityManager, ref: string): Promise<ProblemIncidentEntity | null> {
    const where = UUID_PATTERN.test(ref) ? { id: ref.toLowerCase() } : { number: ref.trim().toUpperCase() };
    if (!('id' in where) && !INCIDENT_NUMBER_PATTERN.test(where.number)) return null;
    return manager.getRepository(ProblemIncidentEntity).findOne({ where, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, copy: ProblemIncidentEntity): Promise<void> {
    await manager.getRepository(ProblemIncidentEntity).upsert(copy, ['id']);
  }

  async setLink(manager: EntityManager, copy: ProblemIncidentEntity): Promise<void> {
    await manager.query(`UPDATE problem_incident SET problem_id = $2, link_version = $3, linked_at = $4 WHERE id = $1`, [
      copy.id,
      copy.problemId,
      copy.linkVersion,
      copy.linkedAt,
    ]);
  }

  /** How many incidents a problem has, and how many of them are still open (kept on the problem row). */
  async countsOf(manager: EntityManager, problemId: string): Promise<{ linked: number; open: number }> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS linked, (count(*) FILTER (WHERE ${OPEN_STATES_SQL}))::int AS open
         FROM problem_incident WHERE problem_id = $1`,
      [problemId],
    );
    return { linked: row.linked, open: row.open };
  }

  /** Keeps a problem's counts current when a linked incident changes state (no history: not a change of the problem). */
  async refreshCounts(manager: EntityManager, problemId: string): Promise<void> {
    await manager.query(
      `UPDATE problem p SET linked_incident_count = c.linked, open_incident_count = c.open
         FROM (SELECT count(*)::int AS linked, (count(*) FILTER (WHERE ${OPEN_STATES_SQL}))::int AS open
                 FROM problem_incident WHERE problem_id = $1) c
        WHERE p.id = $1 AND (p.linked_incident_count, p.open_incident_count) IS DISTINCT FROM (c.linked, c.open)`,
      [problemId],
    );
  }

  linkedTo(problemId: string, afterNumber: string | null, limit: number): Promise<ProblemIncidentEntity[]> {
    const qb = this.dataSource
      .getRepository(ProblemIncidentEntity)
      .createQueryBuilder('i')
      .where('i.problem_id = :problemId', { problemId });
    if (afterNumber) qb.andWhere('i.number > :afterNumber', { afterNumber });
    return qb
      .orderBy('i.number', 'ASC')
      .take(limit + 1)
      .getMany();
  }

  openLinkedIds(manager: EntityManager, problemId: string): Promise<string[]> {
    return manager
      .query(`SELECT id FROM problem_incident WHERE problem_id = $1 AND ${OPEN_STATES_SQL}`, [problemId])
      .then((rows: Array<{ id: string }>) => rows.map((r) => r.id));
  }

  /** Live incidents sharing the CI or the category, opened within `windowMs` of `at` (candidate neighbours). */
  neighbours(
    manager: EntityManager,
    ciId: string | null,
    category: string | null,
    at: Date,
    windowMs: number,
  ): Promise<ProblemIncidentEntity[]> {
    const from = new Date(at.getTime() - windowMs);
    const to = new Date(at.getTime() + windowMs);
    return manager
      .getRepository(ProblemIncidentEntity)
      .createQueryBuilder('i')
      .where(`i.source = 'live'`)
      .andWhere('i.opened_at BETWEEN :from AND :to', { from, to })
      .andWhere('((i.ci_id IS NOT NULL AND i.ci_id = :ciId) OR (i.category IS NOT NULL AND i.category = :category))', {
        ciId,
        category,
      })
      .getMany();
  }
}
