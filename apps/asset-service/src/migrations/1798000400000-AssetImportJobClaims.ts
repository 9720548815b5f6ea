import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the import runner needs to share jobs between replicas: the run that holds a job (claim_token) and
 * its last sign of life (heartbeat_at), so a job whose replica died is taken up again; and the role the
 * job's starter acted in, for the events the job writes on their behalf.
 */
export class AssetImportJobClaims1798000400000 implements MigrationInterface {
  name = 'AssetImportJobClaims1798000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE asset_import_job
        ADD COLUMN created_by_role text NOT NULL DEFAULT 'asset_manager',
        ADD COLUMN claim_token uuid,
        ADD COLUMN heartbeat_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asset_import_job DROP COLUMN heartbeat_at, DROP COLUMN claim_token, DROP COLUMN created_by_role`);
  }
}
