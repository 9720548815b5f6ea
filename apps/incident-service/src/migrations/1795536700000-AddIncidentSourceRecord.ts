import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imported incidents keep the source system's own final record (ServiceNow's counters, `made_sla` and `resolved_at`)
 * beside our replay of their history, so reports can prefer the source where the replay differs. Null for live work.
 */
export class AddIncidentSourceRecord1795536700000 implements MigrationInterface {
  name = 'AddIncidentSourceRecord1795536700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incident ADD COLUMN source_record jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incident DROP COLUMN IF EXISTS source_record`);
  }
}
