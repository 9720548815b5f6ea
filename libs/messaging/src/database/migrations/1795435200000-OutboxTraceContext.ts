import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context (`traceparent`, `tracestate`) of the work that wrote an outbox row, so the relay's
 * producer span, and through the Kafka headers the consumers' spans, continue that trace. Nullable: rows
 * written outside any trace, and those written before this migration, have none. Dated before the
 * services' own first migrations, like the other messaging migrations.
 */
export class OutboxTraceContext1795435200000 implements MigrationInterface {
  name = 'OutboxTraceContext1795435200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS trace_context jsonb NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_message DROP COLUMN IF EXISTS trace_context`);
  }
}
