import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background import jobs (POST /imports/servicenow-incidents) and the uploaded file each works from, kept
 * until the job ends so that a job interrupted by a restart resumes where it stopped.
 */
export class CreateImportJobs1795536400000 implements MigrationInterface {
  name = 'CreateImportJobs1795536400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('servicenow-incidents')),
        state text NOT NULL CHECK (state IN ('queued','running','succeeded','failed')),
        requested_by uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        row_count integer NOT NULL DEFAULT 0 CHECK (row_count >= 0),
        incidents_total integer NOT NULL DEFAULT 0 CHECK (incidents_total >= 0),
        incidents_created integer NOT NULL DEFAULT 0 CHECK (incidents_created >= 0),
        incidents_unchanged integer NOT NULL DEFAULT 0 CHECK (incidents_unchanged >= 0),
        incidents_skipped integer NOT NULL DEFAULT 0 CHECK (incidents_skipped >= 0),
        plans_done integer NOT NULL DEFAULT 0 CHECK (plans_done >= 0),
        events_written integer NOT NULL DEFAULT 0 CHECK (events_written >= 0),
        steps_applied integer NOT NULL DEFAULT 0 CHECK (steps_applied >= 0),
        deviations jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(deviations) = 'object'),
        problems jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(problems) = 'array'),
        problem_count integer NOT NULL DEFAULT 0 CHECK (problem_count >= 0),
        planned_at timestamptz,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL,
        error text,
        CONSTRAINT import_job_finished CHECK ((state IN ('succeeded','failed')) = (finished_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX import_job_pending_idx ON import_job (created_at, id) WHERE state IN ('queued','running')`);
    await q.query(`
      CREATE TABLE import_job_file (
        job_id uuid PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS import_job_file`);
    await q.query(`DROP TABLE IF EXISTS import_job`);
  }
}
