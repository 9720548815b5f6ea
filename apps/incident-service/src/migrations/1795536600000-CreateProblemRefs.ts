import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident service's copy of problems (from problem.* events), so agents can link an incident to a problem
 * by number and see its state and workaround without calling the problem service. `event_sequence` is the
 * newest applied event's per-problem sequence: an older event arriving late never overwrites a newer one.
 * Also an index for the list of incidents whose problem resolution awaits an agent's confirmation.
 */
export class CreateProblemRefs1795536600000 implements MigrationInterface {
  name = 'CreateProblemRefs1795536600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE problem_ref (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        title text NOT NULL,
        state text NOT NULL,
        workaround text,
        root_cause text,
        updated_at timestamptz NOT NULL,
        event_sequence bigint NOT NULL CHECK (event_sequence >= 0)
      )`);
    // Not unique: the copy takes what the problem service says; a lookup by number takes the newest.
    await q.query(`CREATE INDEX problem_ref_number_idx ON problem_ref (number)`);
    await q.query(
      `CREATE INDEX incident_problem_resolution_proposed_idx ON incident (problem_resolution_proposed_at)
        WHERE problem_resolution_proposed_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS incident_problem_resolution_proposed_idx`);
    await q.query(`DROP TABLE IF EXISTS problem_ref`);
  }
}
