import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets the inbox pruning (InboxService.prune) find old rows without reading the whole table.
 * Dated before the services' own first migrations, so that on a new database all messaging
 * migrations run first (and a service's "undo my N migrations" stays its own).
 */
export class InboxProcessedAtIndex1795420800000 implements MigrationInterface {
  name = 'InboxProcessedAtIndex1795420800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS inbox_message_processed_at_idx ON inbox_message (processed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS inbox_message_processed_at_idx`);
  }
}
