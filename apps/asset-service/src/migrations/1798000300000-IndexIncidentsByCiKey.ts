import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents name their CI as typed (ci-00042, CI-00042, an upper-case UUID): a CI's incidents and the
 * problematic-CI counts look them up by upper(btrim(ci_id)), which the plain ci_id index cannot serve.
 */
export class IndexIncidentsByCiKey1798000300000 implements MigrationInterface {
  name = 'IndexIncidentsByCiKey1798000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX asset_incident_ci_key_idx ON asset_incident ((upper(btrim(ci_id))), opened_at DESC) WHERE ci_id IS NOT NULL`,
    );
    await q.query(`DROP INDEX IF EXISTS asset_incident_ci_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX asset_incident_ci_idx ON asset_incident (ci_id, opened_at DESC) WHERE ci_id IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS asset_incident_ci_key_idx`);
  }
}
