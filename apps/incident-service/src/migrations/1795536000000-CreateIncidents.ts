import { MigrationInterface, QueryRunner } from 'typeorm';

/** Incidents, their history, conversation, attachments, CSAT, and the local copy of the directory. */
export class CreateIncidents1795536000000 implements MigrationInterface {
  name = 'CreateIncidents1795536000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE directory_user (
        id uuid PRIMARY KEY,
        email text,
        display_name text NOT NULL,
        display_name_ja text,
        display_name_en text,
        department text,
        manager_id uuid,
        locale text NOT NULL DEFAULT 'ja',
        time_zone text NOT NULL DEFAULT 'Asia/Tokyo',
        roles text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        source text NOT NULL DEFAULT 'identity',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX directory_user_email_idx ON directory_user (lower(email))`);
    await q.query(`
      CREATE TABLE directory_group (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        name_ja text,
        tier smallint NOT NULL,
        supervisor_id uuid,
        member_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        source text NOT NULL DEFAULT 'identity',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX directory_group_name_idx ON directory_group (lower(name))`);
    await q.query(`CREATE INDEX directory_group_members_idx ON directory_group USING gin (member_ids)`);

    await q.query(`CREATE SEQUENCE incident_number_seq START 1000`);
    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('new','assigned','in_progress','on_hold','resolved','closed','cancelled')),
        hold_reason text CHECK (hold_reason IN ('awaiting_user','awaiting_vendor','awaiting_problem','awaiting_change')),
        caller_id uuid NOT NULL,
        opened_by_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('portal','phone','email','chat','walk_in','api')),
        category text,
        subcategory text,
        short_description text NOT NULL CHECK (length(short_description) BETWEEN 1 AND 200),
        description text NOT NULL,
        impact smallint NOT NULL CHECK (impact BETWEEN 1 AND 3),
        urgency smallint NOT NULL CHECK (urgency BETWEEN 1 AND 3),
        priority smallint NOT NULL CHECK (priority = impact + urgency - 1),
        ci_id text,
        assignment_group_id uuid,
        assignee_id uuid,
        resolution_code text,
        resolution_notes text,
        knowledge_article_id text,
        problem_id uuid,
        workaround text,
        problem_resolution_proposed_at timestamptz,
        resolved_by_id uuid,
        cancel_reason text,
        reassignment_count integer NOT NULL DEFAULT 0 CHECK (reassignment_count >= 0),
        reopen_count integer NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
        first_contact_claimed boolean NOT NULL DEFAULT false,
        opened_at timestamptz NOT NULL,
        first_response_at timestamptz,
        assigned_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        cancelled_at timestamptz,
        response_due_at timestamptz,
        resolution_due_at timestamptz,
        response_breached boolean NOT NULL DEFAULT false,
        resolution_breached boolean NOT NULL DEFAULT false,
        source text NOT NULL DEFAULT 'live',
        external_key text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT incident_hold_reason_when_on_hold CHECK ((state = 'on_hold') = (hold_reason IS NOT NULL)),
        CONSTRAINT incident_resolution_when_resolved CHECK (
          state NOT IN ('resolved','closed') OR resolved_at IS NOT NULL OR source <> 'live'),
        CONSTRAINT incident_cancel_reason CHECK ((state = 'cancelled') = (cancel_reason IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX incident_external_key ON incident (source, external_key) WHERE external_key IS NOT NULL`);
    await q.query(`CREATE INDEX incident_caller_idx ON incident (caller_id, opened_at DESC, id)`);
    await q.query(`CREATE INDEX incident_opened_idx ON incident (opened_at DESC, id)`);
    await q.query(
      `CREATE INDEX incident_queue_idx ON incident (assignment_group_id, resolution_due_at, id) WHERE state IN ('new','assigned','in_progress','on_hold')`,
    );
    await q.query(
      `CREATE INDEX incident_assignee_idx ON incident (assignee_id, opened_at DESC, id) WHERE assignee_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX incident_state_idx ON incident (state, opened_at DESC, id)`);
    await q.query(`CREATE INDEX incident_problem_idx ON incident (problem_id) WHERE problem_id IS NOT NULL`);
    await q.query(`CREATE INDEX incident_resolved_idx ON incident (resolved_at) WHERE state = 'resolved'`);
    await q.query(`CREATE INDEX incident_text_trgm_idx ON incident USING gin (short_description gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE incident_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        note text,
        version integer NOT NULL
      )`);
    await q.query(`CREATE INDEX incident_history_incident_idx ON incident_history (incident_id, id)`);

    await q.query(`
      CREATE TABLE incident_comment (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        author_id uuid NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('public','work_note')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        quoted_comment_id uuid REFERENCES incident_comment (id),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX incident_comment_incident_idx ON incident_comment (incident_id, created_at, id)`);

    await q.query(`
      CREATE TABLE incident_attachment (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        comment_id uuid REFERENCES incident_comment (id),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL,
        visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public','work_note')),
        uploaded_by_id uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX incident_attachment_incident_idx ON incident_attachment (incident_id, created_at, id)`);
    await q.query(`
      CREATE TABLE incident_attachment_content (
        attachment_id uuid PRIMARY KEY REFERENCES incident_attachment (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);

    await q.query(`
      CREATE TABLE incident_satisfaction (
        incident_id uuid PRIMARY KEY REFERENCES incident (id) ON DELETE CASCADE,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text,
        respondent_id uuid NOT NULL,
        responded_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'incident_satisfaction',
      'incident_attachment_content',
      'incident_attachment',
      'incident_comment',
      'incident_history',
      'incident',
      'directory_group',
      'directory_user',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS incident_number_seq`);
  }
}
