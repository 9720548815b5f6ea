import { MigrationInterface, QueryRunner } from 'typeorm';

/** The request catalog and service requests: approvals, fulfilment tasks, conversation and history. */
export class CreateServiceRequests1795536300000 implements MigrationInterface {
  name = 'CreateServiceRequests1795536300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalog_item (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 60),
        name_ja text NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        description_ja text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        category text NOT NULL,
        form_schema jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(form_schema) = 'array'),
        approval_policy text NOT NULL CHECK (approval_policy IN ('none','manager','group')),
        approval_group_id uuid,
        approval_group_name text,
        fulfilment_group_id uuid,
        fulfilment_group_name text,
        task_templates jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(task_templates) = 'array'),
        active boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT catalog_item_approval_group CHECK (
          (approval_policy = 'group') = (approval_group_id IS NOT NULL OR approval_group_name IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX catalog_item_listing_idx ON catalog_item (sort_order, code) WHERE active`);

    await q.query(`CREATE SEQUENCE service_request_number_seq START 1`);
    await q.query(`
      CREATE TABLE service_request (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN
          ('submitted','awaiting_approval','approved','rejected','in_fulfilment','fulfilled','closed','cancelled')),
        catalog_item_id uuid NOT NULL REFERENCES catalog_item (id),
        catalog_item_code text NOT NULL,
        catalog_item_name_ja text NOT NULL,
        catalog_item_name_en text NOT NULL,
        category text NOT NULL,
        requester_id uuid NOT NULL,
        requested_for_id uuid NOT NULL,
        description text CHECK (length(description) <= 4000),
        form jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(form) = 'object'),
        approval_policy text NOT NULL CHECK (approval_policy IN ('none','manager','group')),
        approver_id uuid,
        approval_group_id uuid,
        approval_group_name text,
        decided_by_id uuid,
        fulfilment_group_id uuid,
        cancel_reason text CHECK (length(cancel_reason) <= 1000),
        submitted_at timestamptz NOT NULL,
        approval_requested_at timestamptz,
        approved_at timestamptz,
        rejected_at timestamptz,
        fulfilment_started_at timestamptz,
        fulfilled_at timestamptz,
        closed_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        CONSTRAINT service_request_manager_approver CHECK (approval_policy <> 'manager' OR approver_id IS NOT NULL),
        CONSTRAINT service_request_group_approver CHECK (approval_policy <> 'group' OR approval_group_id IS NOT NULL),
        CONSTRAINT service_request_cancel_reason CHECK ((state = 'cancelled') = (cancel_reason IS NOT NULL)),
        CONSTRAINT service_request_fulfilment_approved CHECK (
          state NOT IN ('in_fulfilment','fulfilled','closed') OR approval_policy = 'none' OR approved_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX service_request_submitted_idx ON service_request (submitted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX service_request_requester_idx ON service_request (requester_id, submitted_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX service_request_requested_for_idx ON service_request (requested_for_id, submitted_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX service_request_queue_idx ON service_request (fulfilment_group_id, submitted_at DESC, id DESC) WHERE state IN ('approved','in_fulfilment')`,
    );
    await q.query(`CREATE INDEX service_request_approver_idx ON service_request (approver_id) WHERE state = 'awaiting_approval'`);
    await q.query(
      `CREATE INDEX service_request_approval_group_idx ON service_request (approval_group_id) WHERE state = 'awaiting_approval'`,
    );

    await q.query(`
      CREATE TABLE service_request_task (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES service_request (id) ON DELETE CASCADE,
        seq smallint NOT NULL CHECK (seq >= 1),
        title_ja text NOT NULL,
        title_en text NOT NULL,
        state text NOT NULL CHECK (state IN ('open','done','skipped')),
        group_id uuid,
        assignee_id uuid,
        completed_by_id uuid,
        completed_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT service_request_task_seq UNIQUE (request_id, seq),
        CONSTRAINT service_request_task_done CHECK ((state = 'done') = (completed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX service_request_task_assignee_idx ON service_request_task (assignee_id) WHERE state = 'open'`);

    await q.query(`
      CREATE TABLE service_request_approval (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES service_request (id) ON DELETE CASCADE,
        decision text NOT NULL CHECK (decision IN ('approved','rejected')),
        approver_id uuid NOT NULL,
        via text NOT NULL CHECK (via IN ('manager','group')),
        approval_group_id uuid,
        comment text CHECK (length(comment) <= 2000),
        decided_at timestamptz NOT NULL,
        -- One decision per request: a second approver loses the race with a 409, never a double approval.
        CONSTRAINT service_request_approval_once UNIQUE (request_id)
      )`);

    await q.query(`
      CREATE TABLE service_request_comment (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES service_request (id) ON DELETE CASCADE,
        author_id uuid NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('public','work_note')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX service_request_comment_request_idx ON service_request_comment (request_id, created_at, id)`);

    await q.query(`
      CREATE TABLE service_request_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES service_request (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        note text,
        version integer NOT NULL
      )`);
    await q.query(`CREATE INDEX service_request_history_request_idx ON service_request_history (request_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'service_request_history',
      'service_request_comment',
      'service_request_approval',
      'service_request_task',
      'service_request',
      'catalog_item',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS service_request_number_seq`);
  }
}
