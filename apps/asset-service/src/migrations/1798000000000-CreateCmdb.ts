import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CMDB: configuration items with their history, custom attribute definitions per type,
 * relationships, the local copies of incidents (incidents per CI) and people (assignees, leavers),
 * and CSV import jobs.
 */
export class CreateCmdb1798000000000 implements MigrationInterface {
  name = 'CreateCmdb1798000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE asset_ci_number_seq START 1`);
    await q.query(`
      CREATE TABLE asset_ci (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        type text NOT NULL CHECK (type IN ('laptop', 'desktop', 'monitor', 'phone', 'tablet', 'server', 'network_device',
          'printer', 'software_product', 'software_installation', 'licence', 'saas_account', 'business_service')),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        state text NOT NULL CHECK (state IN ('ordered', 'in_stock', 'deployed', 'in_repair', 'retired', 'disposed')),
        asset_tag text,
        serial_number text,
        model text,
        manufacturer text,
        purchase_date date,
        purchase_cost numeric(14, 2) CHECK (purchase_cost >= 0),
        warranty_end date,
        location text,
        os text,
        ip_address text,
        mac_address text,
        seats_owned integer CHECK (seats_owned >= 0),
        licence_expires_on date,
        licence_id uuid REFERENCES asset_ci (id),
        assigned_to_id uuid,
        assigned_to_name text,
        department text,
        assigned_at timestamptz,
        attributes jsonb NOT NULL DEFAULT '{}',
        created_by_id text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX asset_ci_number ON asset_ci (number)`);
    await q.query(`CREATE UNIQUE INDEX asset_ci_asset_tag ON asset_ci (asset_tag) WHERE asset_tag IS NOT NULL`);
    await q.query(
      `CREATE UNIQUE INDEX asset_ci_serial ON asset_ci (manufacturer, serial_number) WHERE serial_number IS NOT NULL`,
    );
    await q.query(`CREATE INDEX asset_ci_list_idx ON asset_ci (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX asset_ci_type_idx ON asset_ci (type, state)`);
    await q.query(`CREATE INDEX asset_ci_assignee_idx ON asset_ci (assigned_to_id) WHERE assigned_to_id IS NOT NULL`);
    await q.query(`CREATE INDEX asset_ci_warranty_idx ON asset_ci (warranty_end) WHERE warranty_end IS NOT NULL`);
    await q.query(`CREATE INDEX asset_ci_licence_idx ON asset_ci (licence_id) WHERE licence_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE asset_ci_history (
        id bigserial PRIMARY KEY,
        ci_id uuid NOT NULL REFERENCES asset_ci (id),
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        ci_version integer NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        note text
      )`);
    await q.query(`CREATE INDEX asset_ci_history_idx ON asset_ci_history (ci_id, id DESC)`);

    await q.query(`
      CREATE TABLE asset_attribute_definition (
        id uuid PRIMARY KEY,
        ci_type text NOT NULL,
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
        label_ja text NOT NULL,
        label_en text NOT NULL,
        data_type text NOT NULL CHECK (data_type IN ('string', 'number', 'boolean', 'date')),
        required boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX asset_attribute_definition_key ON asset_attribute_definition (ci_type, key)`);

    await q.query(`
      CREATE TABLE asset_relationship (
        id uuid PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES asset_ci (id),
        target_id uuid NOT NULL REFERENCES asset_ci (id),
        type text NOT NULL CHECK (type IN ('runs_on', 'depends_on', 'connected_to', 'installed_on', 'used_by')),
        created_by_id text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT asset_relationship_not_self CHECK (source_id <> target_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX asset_relationship_edge ON asset_relationship (source_id, target_id, type)`);
    await q.query(`CREATE INDEX asset_relationship_target_idx ON asset_relationship (target_id, type)`);

    await q.query(`
      CREATE TABLE asset_incident (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        ci_id text,
        caller_id uuid,
        short_description text NOT NULL,
        state text NOT NULL,
        priority smallint NOT NULL,
        opened_at timestamptz NOT NULL,
        resolved_at timestamptz,
        incident_version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX asset_incident_ci_idx ON asset_incident (ci_id, opened_at DESC) WHERE ci_id IS NOT NULL`);
    await q.query(`CREATE INDEX asset_incident_caller_idx ON asset_incident (caller_id)`);

    await q.query(`
      CREATE TABLE asset_person (
        id uuid PRIMARY KEY,
        display_name text NOT NULL,
        email text,
        department text,
        roles text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL,
        deactivated_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE asset_import_job (
        id uuid PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
        file_name text,
        csv text NOT NULL,
        total_rows integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        problems jsonb NOT NULL DEFAULT '[]',
        error text,
        created_by_id text NOT NULL,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX asset_import_job_queued_idx ON asset_import_job (created_at) WHERE state IN ('queued', 'running')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'asset_import_job',
      'asset_person',
      'asset_incident',
      'asset_relationship',
      'asset_attribute_definition',
      'asset_ci_history',
      'asset_ci',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS asset_ci_number_seq`);
  }
}
