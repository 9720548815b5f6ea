import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models, fed only by events (architecture.md): one fact row per incident, the portal's help
 * sessions and knowledge usage, and the weekly digests. Every table is idempotent by construction (newest
 * snapshot wins, or keyed by the event's own id), which is what lets a rebuild replay the topics over them.
 */
export class CreateReadModels1798000000000 implements MigrationInterface {
  name = 'CreateReadModels1798000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incident_fact (
        incident_id uuid PRIMARY KEY,
        number text NOT NULL,
        incident_version integer NOT NULL,
        source text NOT NULL,
        state text NOT NULL,
        channel text NOT NULL,
        category text,
        subcategory text,
        first_level_resolvable boolean,
        priority smallint NOT NULL,
        ci_id text,
        group_id text,
        group_name text,
        group_tier smallint,
        assignee_id text,
        assignee_name text,
        caller_id text NOT NULL,
        opened_by_id text NOT NULL,
        resolved_by_id text,
        opened_at timestamptz NOT NULL,
        first_response_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        cancelled_at timestamptz,
        reassignment_count integer NOT NULL,
        reopen_count integer NOT NULL,
        ever_held boolean NOT NULL,
        first_contact_claimed boolean NOT NULL,
        csat_rating smallint CHECK (csat_rating BETWEEN 1 AND 5),
        csat_at timestamptz,
        first_contact_resolved boolean NOT NULL,
        first_level_resolved boolean NOT NULL,
        reopened boolean NOT NULL,
        resolution_calendar_ms bigint,
        resolution_business_ms bigint,
        response_ms bigint,
        response_sla_met boolean,
        resolution_sla_met boolean,
        verdict_inputs jsonb NOT NULL,
        last_event_at timestamptz NOT NULL,
        projected_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Each report reads one anchor time over a period: resolutions, openings, first responses.
    await q.query(`CREATE INDEX incident_fact_resolved_idx ON incident_fact (resolved_at) WHERE resolved_at IS NOT NULL`);
    await q.query(`CREATE INDEX incident_fact_opened_idx ON incident_fact (opened_at)`);
    await q.query(
      `CREATE INDEX incident_fact_response_idx ON incident_fact (first_response_at) WHERE first_response_at IS NOT NULL`,
    );
    // Self-service: did the employee open an incident within 24 h of a suggested article?
    await q.query(`CREATE INDEX incident_fact_caller_idx ON incident_fact (caller_id, opened_at)`);

    await q.query(`
      CREATE TABLE help_session_fact (
        session_id text PRIMARY KEY,
        user_id text,
        user_is_staff boolean,
        started_at timestamptz,
        query text,
        deflected_at timestamptz,
        last_suggestion_view_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX help_session_started_idx ON help_session_fact (started_at) WHERE started_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE kb_view_fact (
        event_id uuid PRIMARY KEY,
        article_id uuid NOT NULL,
        article_number text NOT NULL,
        language text NOT NULL,
        viewer_id text NOT NULL,
        viewer_is_staff boolean NOT NULL,
        source text,
        session_id text,
        viewed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX kb_view_fact_viewed_idx ON kb_view_fact (viewed_at)`);

    await q.query(`
      CREATE TABLE kb_deflection_fact (
        deflection_id text PRIMARY KEY,
        article_id uuid NOT NULL,
        article_number text NOT NULL,
        user_id text NOT NULL,
        user_is_staff boolean NOT NULL,
        session_id text,
        source text,
        deflected_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX kb_deflection_fact_at_idx ON kb_deflection_fact (deflected_at)`);

    await q.query(`
      CREATE TABLE kb_feedback_fact (
        feedback_id text PRIMARY KEY,
        article_id uuid NOT NULL,
        user_id text NOT NULL,
        helpful boolean NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE weekly_digest (
        id uuid PRIMARY KEY,
        week_start date NOT NULL,
        time_zone text NOT NULL,
        group_key text NOT NULL,
        group_id text,
        group_name text,
        figures jsonb NOT NULL,
        csv text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    // One digest per group and week however many replicas run the schedule.
    await q.query(`CREATE UNIQUE INDEX weekly_digest_once ON weekly_digest (week_start, group_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['weekly_digest', 'kb_feedback_fact', 'kb_deflection_fact', 'kb_view_fact', 'help_session_fact']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TABLE incident_fact`);
  }
}
