import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail of admin changes and sign-ins; rows are only ever inserted. */
export class CreateAuditLog1795449602000 implements MigrationInterface {
  name = 'CreateAuditLog1795449602000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id text,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        changes jsonb NOT NULL DEFAULT '[]',
        context jsonb NOT NULL DEFAULT '{}',
        correlation_id text
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
  }
}
