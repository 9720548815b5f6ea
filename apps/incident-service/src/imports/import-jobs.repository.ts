import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ImportJobFileEntity } from './entities/import-job-file.entity';
import { ImportJobEntity, ImportJobProblem, ImportJobState } from './entities/import-job.entity';
import { ImportProgressDelta, IncidentImportOutcome, MAX_STORED_PROBLEMS } from './import-job-progress';

/** Held by the one runner (across replicas) that works the import jobs; the session lock dies with its connection. */
export interface ImportRunnerLock {
  release(): Promise<void>;
}

export interface ImportPlanFigures {
  rowCount: number;
  incidentsTotal: number;
  incidentsSkipped: number;
  deviations: Record<string, number>;
  problems: ImportJobProblem[];
  problemCount: number;
}

const RUNNER_LOCK = `hashtextextended('incident-service:import-jobs', 0)`;

/** The only code that touches the import tables. */
@Injectable()
export class ImportJobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The job and its file, together. */
  async create(job: ImportJobEntity, content: Buffer): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // jsonb columns hold arbitrary values, which TypeORM's deep-partial type cannot express.
      await manager.insert(ImportJobEntity, job as never);
      await manager.insert(ImportJobFileEntity, { jobId: job.id, content });
    });
  }

  findById(id: string): Promise<ImportJobEntity | null> {
    return this.dataSource.manager.findOneBy(ImportJobEntity, { id });
  }

  /** The oldest job not finished: queued, or running when its runner died (only the lock holder asks). */
  nextPending(): Promise<ImportJobEntity | null> {
    return this.dataSource.manager.findOne(ImportJobEntity, {
      where: { state: In(['queued', 'running']) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async content(jobId: string): Promise<Buffer | null> {
    const row = await this.dataSource.manager.findOneBy(ImportJobFileEntity, { jobId });
    return row?.content ?? null;
  }

  async markRunning(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET state = 'running', started_at = COALESCE(started_at, $2), updated_at = $2
        WHERE id = $1 AND state IN ('queued', 'running')`,
      [id, at],
    );
  }

  /** The file's figures, recorded once (a resumed job keeps those of its first run). */
  async recordPlan(id: string, figures: ImportPlanFigures, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job
          SET row_count = $2, incidents_total = $3, incidents_skipped = incidents_skipped + $4,
              deviations = $5::jsonb, problems = $6::jsonb, problem_count = $7, planned_at = $8, updated_at = $8
        WHERE id = $1 AND planned_at IS NULL`,
      [
        id,
        figures.rowCount,
        figures.incidentsTotal,
        figures.incidentsSkipped,
        JSON.stringify(figures.deviations),
        JSON.stringify(figures.problems),
        figures.problemCount,
        at,
      ],
    );
  }

  /**
   * Records the plan (by external key) as handled and adds its outcome to the job's counters, in the transaction that
   * imported it. False when the plan was recorded already or the job is no longer running (someone else
   * works it): the caller's transaction must then not commit.
   */
  async recordOutcome(
    manager: EntityManager,
    id: string,
    item: { externalKey: string; outcome: IncidentImportOutcome['kind'] },
    delta: ImportProgressDelta,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO import_job_item (job_id, external_key, outcome) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING external_key`,
      [id, item.externalKey, item.outcome],
    );
    if (inserted.length === 0) return false;
    const updated: [unknown[], number] = await manager.query(
      `UPDATE import_job
          SET incidents_created = incidents_created + $2,
              incidents_unchanged = incidents_unchanged + $3,
              incidents_skipped = incidents_skipped + $4,
              events_written = events_written + $5,
              steps_applied = steps_applied + $6,
              problems = CASE WHEN jsonb_array_length(problems) + jsonb_array_length($7::jsonb) <= $8
                              THEN problems || $7::jsonb ELSE problems END,
              problem_count = problem_count + jsonb_array_length($7::jsonb),
              updated_at = now()
        WHERE id = $1 AND state = 'running'`,
      [
        id,
        delta.created,
        delta.unchanged,
        delta.skipped,
        delta.events,
        delta.steps,
        JSON.stringify(delta.problems),
        MAX_STORED_PROBLEMS,
      ],
    );
    return updated[1] === 1;
  }

  /** The external keys of the plans a job has handled: a resumed job skips them. */
  async handledPlans(id: string): Promise<Set<string>> {
    const rows: Array<{ external_key: string }> = await this.dataSource.query(
      `SELECT external_key FROM import_job_item WHERE job_id = $1`,
      [id],
    );
    return new Set(rows.map((r) => r.external_key));
  }

  /** Ends the job and drops its file and plan marks (nothing resumes a finished job). */
  async finish(
    id: string,
    state: Extract<ImportJobState, 'succeeded' | 'failed'>,
    error: string | null,
    at: Date,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE import_job SET state = $2, error = $3, finished_at = $4, updated_at = $4
          WHERE id = $1 AND state IN ('queued', 'running')`,
        [id, state, error, at],
      );
      await manager.delete(ImportJobFileEntity, { jobId: id });
      await manager.query(`DELETE FROM import_job_item WHERE job_id = $1`, [id]);
    });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The runner lock: a session advisory lock on a connection of its own, held while jobs are worked. A
   * replica that dies loses it with its connection, so another (or the restarted one) resumes its job.
   */
  async tryLockRunner(): Promise<ImportRunnerLock | null> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const rows: Array<{ locked: boolean }> = await runner.query(`SELECT pg_try_advisory_lock(${RUNNER_LOCK}) AS locked`);
      if (rows[0]?.locked) {
        return {
          release: async () => {
            try {
              await runner.query(`SELECT pg_advisory_unlock(${RUNNER_LOCK})`);
            } finally {
              await runner.release();
            }
          },
        };
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    await runner.release();
    return null;
  }
}
