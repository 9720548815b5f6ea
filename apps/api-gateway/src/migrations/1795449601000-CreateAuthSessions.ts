import { MigrationInterface, QueryRunner } from 'typeorm';

/** Refresh token families and the failed-login log behind login throttling. */
export class CreateAuthSessions1795449601000 implements MigrationInterface {
  name = 'CreateAuthSessions1795449601000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        replaced_by_id uuid,
        revoked_at timestamptz,
        revoked_reason text,
        client_address text,
        user_agent text
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        account_key text NOT NULL,
        client_address text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_account_idx ON login_failures (account_key, failed_at)`);
    await q.query(`CREATE INDEX login_failures_address_idx ON login_failures (client_address, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures`);
    await q.query(`DROP TABLE refresh_tokens`);
  }
}
