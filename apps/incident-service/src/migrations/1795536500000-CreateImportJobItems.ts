import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import jobs mark each plan they have handled (by external key), in the transaction that imported it, so a
 * resumed job skips exactly those even when several incidents were in flight; this replaces the plans_done
 * cursor of CreateImportJobs, which could only describe a job that imported one incident at a time.
 */
export class CreateImportJobItems1795536500000 implements MigrationInterface {
  name = 'CreateImportJobItems1795536500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_job_item (
        job_id uuid NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
        external_key text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('created','unchanged','skipped')),
        PRIMARY KEY (job_id, external_key)
      )`);
    await q.query(`ALTER TABLE import_job DROP COLUMN plans_done`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job ADD COLUMN plans_done integer NOT NULL DEFAULT 0 CHECK (plans_done >= 0)`);
    await q.query(`DROP TABLE IF EXISTS import_job_item`);
  }
}
