import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for impact analysis, so each step of the walk is an index-only scan: upstream steps read
 * asset_relationship by target and need the source (the (target_id, type) index becomes a covering one;
 * downstream steps have the unique (source_id, target_id, type)), and every step reads the reached CI's
 * number, type and state.
 */
export class IndexRelationshipWalks1798000200000 implements MigrationInterface {
  name = 'IndexRelationshipWalks1798000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX asset_relationship_upstream_idx ON asset_relationship (target_id, type) INCLUDE (source_id)`);
    await q.query(`DROP INDEX asset_relationship_target_idx`);
    await q.query(`CREATE INDEX asset_ci_walk_idx ON asset_ci (id) INCLUDE (number, type, state)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asset_ci_walk_idx`);
    await q.query(`CREATE INDEX asset_relationship_target_idx ON asset_relationship (target_id, type)`);
    await q.query(`DROP INDEX asset_relationship_upstream_idx`);
  }
}
