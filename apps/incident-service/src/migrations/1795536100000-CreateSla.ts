import { MigrationInterface, QueryRunner } from 'typeorm';

/** SLA policies per priority, business calendars and the timers of each incident (seeded at start-up). */
export class CreateSla1795536100000 implements MigrationInterface {
  name = 'CreateSla1795536100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business_calendar (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        spec jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0)
      )`);
    await q.query(`
      CREATE TABLE sla_policy (
        priority smallint PRIMARY KEY CHECK (priority BETWEEN 1 AND 5),
        response_minutes integer NOT NULL CHECK (response_minutes > 0),
        resolution_minutes integer NOT NULL CHECK (resolution_minutes > 0),
        calendar_id text NOT NULL REFERENCES business_calendar (id),
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0)
      )`);
    // No foreign key to incident: the timers are inserted before the incident row, in the same transaction.
    await q.query(`
      CREATE TABLE sla_timer (
        incident_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('response', 'resolution')),
        policy_priority smallint NOT NULL,
        calendar_id text NOT NULL,
        target_ms bigint NOT NULL CHECK (target_ms > 0),
        started_at timestamptz NOT NULL,
        pauses jsonb NOT NULL DEFAULT '[]',
        stopped_at timestamptz CHECK (stopped_at >= started_at),
        status text NOT NULL CHECK (status IN ('running', 'paused', 'met', 'breached')),
        elapsed_ms bigint CHECK (elapsed_ms >= 0),
        due_at timestamptz,
        warning_at timestamptz,
        breached_at timestamptz,
        warning_raised_at timestamptz,
        breach_raised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, kind)
      )`);
    // The milestone scan: only timers still counting and not yet raised are in these indexes, so they stay
    // small (open incidents) and "due by now" is a range scan on each.
    await q.query(`
      CREATE INDEX sla_timer_warning_due_idx ON sla_timer (warning_at)
        WHERE stopped_at IS NULL AND warning_raised_at IS NULL`);
    await q.query(`
      CREATE INDEX sla_timer_breach_due_idx ON sla_timer (due_at)
        WHERE stopped_at IS NULL AND breach_raised_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sla_timer`);
    await q.query(`DROP TABLE IF EXISTS sla_policy`);
    await q.query(`DROP TABLE IF EXISTS business_calendar`);
  }
}
