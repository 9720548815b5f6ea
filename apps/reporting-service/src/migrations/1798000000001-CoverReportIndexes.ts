import { MigrationInterface, QueryRunner } from 'typeorm';

/** What every report may group or filter by: read from the index, never from the table. */
const DIMENSIONS = 'group_id, group_name, assignee_id, assignee_name, category, priority, channel, ci_id';

/** What the reports anchored on each time count, sum and rank (their figures without a groupBy). */
const RESOLVED_MEASURES =
  'state, source, resolution_calendar_ms, resolution_business_ms, first_level_resolved, reopened, resolution_sla_met, csat_rating';
const OPENED_MEASURES = 'first_contact_resolved, first_level_resolvable, first_contact_claimed, response_sla_met';

/** The backlog's "open until": the expression of reports/sql/report-sql.ts OPEN_UNTIL_SQL, column for column. */
const OPEN_UNTIL = `coalesce(least(resolved_at, closed_at, cancelled_at), 'infinity'::timestamptz)`;

/**
 * The reports read one anchor time over a period (reports/sql/*). Each anchor's index now covers the
 * columns its reports read, so a period of incidents is an index-only scan instead of one table page per
 * incident (measured on 1,000,000 rows: see apps/reporting-service/README.md). The two busiest anchors get
 * two: one with the measures alone for totals (the summary, and every report without a groupBy: a third of
 * the size, half the time over a year), one with every groupBy and filter column too. The cancelled time
 * and the backlog's "open until" get indexes of their own (the latter narrow: by time buckets it reads a
 * year of incidents, by a groupBy only those open at one instant); the bare indexes they replace are dropped.
 * Autovacuum runs sooner on the facts so the visibility map, which index-only scans rely on, keeps up.
 */
export class CoverReportIndexes1798000000001 implements MigrationInterface {
  name = 'CoverReportIndexes1798000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX incident_fact_resolved_measures_idx ON incident_fact (resolved_at)
      INCLUDE (${RESOLVED_MEASURES}) WHERE resolved_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX incident_fact_resolved_cover_idx ON incident_fact (resolved_at)
      INCLUDE (${RESOLVED_MEASURES}, ${DIMENSIONS}) WHERE resolved_at IS NOT NULL`);
    await q.query(`CREATE INDEX incident_fact_opened_measures_idx ON incident_fact (opened_at) INCLUDE (${OPENED_MEASURES})`);
    await q.query(
      `CREATE INDEX incident_fact_opened_cover_idx ON incident_fact (opened_at) INCLUDE (${OPENED_MEASURES}, ${DIMENSIONS})`,
    );
    await q.query(`
      CREATE INDEX incident_fact_response_cover_idx ON incident_fact (first_response_at)
      INCLUDE (response_ms, ${DIMENSIONS}) WHERE first_response_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX incident_fact_cancelled_cover_idx ON incident_fact (cancelled_at)
      INCLUDE (${DIMENSIONS}) WHERE cancelled_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX incident_fact_open_until_idx ON incident_fact ((${OPEN_UNTIL}))
      INCLUDE (opened_at, resolved_at, closed_at, cancelled_at)`);
    await q.query(`DROP INDEX incident_fact_resolved_idx`);
    await q.query(`DROP INDEX incident_fact_opened_idx`);
    await q.query(`DROP INDEX incident_fact_response_idx`);

    await q.query(`
      CREATE INDEX help_session_started_cover_idx ON help_session_fact (started_at)
      INCLUDE (user_is_staff, user_id, deflected_at, last_suggestion_view_at) WHERE started_at IS NOT NULL`);
    await q.query(`DROP INDEX help_session_started_idx`);

    for (const table of ['incident_fact', 'help_session_fact']) {
      await q.query(
        `ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_insert_scale_factor = 0.05)`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['incident_fact', 'help_session_fact']) {
      await q.query(`ALTER TABLE ${table} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor)`);
    }
    await q.query(`CREATE INDEX help_session_started_idx ON help_session_fact (started_at) WHERE started_at IS NOT NULL`);
    await q.query(`DROP INDEX help_session_started_cover_idx`);
    await q.query(`CREATE INDEX incident_fact_resolved_idx ON incident_fact (resolved_at) WHERE resolved_at IS NOT NULL`);
    await q.query(`CREATE INDEX incident_fact_opened_idx ON incident_fact (opened_at)`);
    await q.query(
      `CREATE INDEX incident_fact_response_idx ON incident_fact (first_response_at) WHERE first_response_at IS NOT NULL`,
    );
    const indexes = [
      'resolved_measures',
      'resolved_cover',
      'opened_measures',
      'opened_cover',
      'response_cover',
      'cancelled_cover',
      'open_until',
    ];
    for (const index of indexes) {
      await q.query(`DROP INDEX incident_fact_${index}_idx`);
    }
  }
}
