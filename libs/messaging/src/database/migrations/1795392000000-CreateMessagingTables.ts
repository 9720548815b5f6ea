import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox, per-aggregate sequences and inbox (libs/messaging); each service runs it on its own database. */
export class CreateMessagingTables1795392000000 implements MigrationInterface {
  name = 'CreateMessagingTables1795392000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY,
        position bigserial NOT NULL CONSTRAINT outbox_message_position_key UNIQUE,
        topic varchar(249) NOT NULL,
        message_key varchar(255) NOT NULL,
        envelope jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL
      )`);
    // The relay's scan: unsent rows in order. Stays small because sent rows leave it.
    await queryRunner.query(`CREATE INDEX outbox_message_unsent_idx ON outbox_message (position) WHERE sent_at IS NULL`);
    // "Is an older row of this key still unsent?" (order across relay replicas).
    await queryRunner.query(
      `CREATE INDEX outbox_message_unsent_key_idx ON outbox_message (topic, message_key, position) WHERE sent_at IS NULL`,
    );
    // Pruning and time-ranged replays of the archive.
    await queryRunner.query(`CREATE INDEX outbox_message_sent_at_idx ON outbox_message (sent_at) WHERE sent_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE aggregate_sequence (
        aggregate_type varchar(100) NOT NULL,
        aggregate_id varchar(255) NOT NULL,
        last_sequence bigint NOT NULL,
        PRIMARY KEY (aggregate_type, aggregate_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE inbox_message (
        consumer_group varchar(255) NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS inbox_message`);
    await queryRunner.query(`DROP TABLE IF EXISTS aggregate_sequence`);
    await queryRunner.query(`DROP TABLE IF EXISTS outbox_message`);
  }
}
