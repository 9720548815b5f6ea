import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssetImportJobEntity, AssetImportProblem } from './asset-import-job.entity';

/** Problems kept on a failed job (the first ones; the error says how many there were). */
export const MAX_STORED_PROBLEMS = 1000;

/**
 * The only code that touches asset_import_job. A job is held by one run at a time: claimNext takes a queued
 * job, or a running one whose holder has gone silent, with FOR UPDATE SKIP LOCKED (replicas never take the
 * same job) and marks it with the run's claim token; every later write names the token, so a run that lost
 * its job (taken over after a long silence) can no longer touch it.
 */
@Injectable()
export class AssetImportJobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(job: AssetImportJobEntity): Promise<void> {
    // jsonb columns hold arbitrary values, which TypeORM's deep-partial type cannot express.
    await this.dataSource.manager.insert(AssetImportJobEntity, job as never);
  }

  findById(id: string): Promise<AssetImportJobEntity | null> {
    return this.dataSource.manager.findOneBy(AssetImportJobEntity, { id });
  }

  /**
   * The oldest job to run, now `running` under `token`: a queued one, or one whose holder has not been heard
   * of for `staleAfterMs` (its replica died; the job is all or nothing, so running it again is safe).
   */
  async claimNext(token: string, staleAfterMs: number, at: Date): Promise<AssetImportJobEntity | null> {
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE asset_import_job j
          SET state = 'running', claim_token = $1, heartbeat_at = clock_timestamp(), started_at = $3,
              processed_rows = 0, created_count = 0
         FROM (SELECT id FROM asset_import_job
                WHERE state = 'queued'
                   OR (state = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < clock_timestamp() - $2 * interval '1 millisecond'))
                ORDER BY created_at, id
                LIMIT 1
                  FOR UPDATE SKIP LOCKED) next
        WHERE j.id = next.id
       RETURNING j.id`,
      [token, staleAfterMs, at],
    );
    return rows.length ? this.findById(rows[0].id) : null;
  }

  /** Progress and a sign of life, committed at once on its own connection (the job's transaction is not). False: the job is no longer ours. */
  async progress(id: string, token: string, processedRows?: number): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE asset_import_job SET heartbeat_at = clock_timestamp(), processed_rows = coalesce($3, processed_rows)
        WHERE id = $1 AND claim_token = $2 AND state = 'running'`,
      [id, token, processedRows ?? null],
    );
    return count > 0;
  }

  /**
   * Marks the job succeeded inside the import's own transaction, so the CIs and the outcome commit together.
   * The row lock taken here also keeps a late claimNext off it until then. False: the job is no longer ours.
   */
  async succeed(manager: EntityManager, id: string, token: string, created: number, at: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE asset_import_job
          SET state = 'succeeded', processed_rows = total_rows, created_count = $3, finished_at = $4, error = NULL,
              problems = '[]', csv = '', claim_token = NULL, heartbeat_at = NULL
        WHERE id = $1 AND claim_token = $2 AND state = 'running'`,
      [id, token, created, at],
    );
    return count > 0;
  }

  /** Nothing was imported: why, with the rows' problems when the file no longer passes. */
  async fail(id: string, token: string, error: string, problems: readonly AssetImportProblem[], at: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE asset_import_job
          SET state = 'failed', processed_rows = 0, created_count = 0, finished_at = $4, error = $3, problems = $5::jsonb,
              csv = '', claim_token = NULL, heartbeat_at = NULL
        WHERE id = $1 AND claim_token = $2 AND state = 'running'`,
      [id, token, error, at, JSON.stringify(problems.slice(0, MAX_STORED_PROBLEMS))],
    );
    return count > 0;
  }

  /** Back to the queue (this replica is stopping): another replica takes it up at once. */
  async release(id: string, token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE asset_import_job SET state = 'queued', processed_rows = 0, claim_token = NULL, heartbeat_at = NULL
        WHERE id = $1 AND claim_token = $2 AND state = 'running'`,
      [id, token],
    );
  }
}
