import { MigrationInterface, QueryRunner } from 'typeorm';

/** Categories (two levels) and routing rules, each with a history of who changed what. */
export class CreateRoutingAndCategories1795536200000 implements MigrationInterface {
  name = 'CreateRoutingAndCategories1795536200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE category (
        id uuid PRIMARY KEY,
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_-]{0,39}(\\.[a-z][a-z0-9_-]{0,39})?$'),
        parent_id uuid REFERENCES category (id),
        name_ja text NOT NULL CHECK (char_length(name_ja) BETWEEN 1 AND 100),
        name_en text NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 100),
        active boolean NOT NULL DEFAULT true,
        first_level_resolvable boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL,
        version integer NOT NULL,
        CONSTRAINT category_parent_iff_subcode CHECK ((parent_id IS NULL) = (strpos(code, '.') = 0))
      )`);
    await q.query(`CREATE UNIQUE INDEX category_code ON category (code)`);
    await q.query(`CREATE INDEX category_tree_idx ON category (parent_id, sort_order, code)`);
    await q.query(`
      CREATE TABLE category_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        category_id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL
      )`);
    await q.query(`CREATE INDEX category_history_category_idx ON category_history (category_id, id)`);

    await q.query(`
      CREATE TABLE routing_rule (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        rule_order integer NOT NULL CHECK (rule_order >= 0),
        active boolean NOT NULL DEFAULT true,
        categories text[] NOT NULL DEFAULT '{}',
        channels text[] NOT NULL DEFAULT '{}',
        caller_departments text[] NOT NULL DEFAULT '{}',
        keywords text[] NOT NULL DEFAULT '{}',
        assignment_group_id uuid,
        assignment_group_name text,
        created_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL,
        version integer NOT NULL,
        CONSTRAINT routing_rule_one_target CHECK ((assignment_group_id IS NULL) <> (assignment_group_name IS NULL)),
        CONSTRAINT routing_rule_has_condition CHECK (
          cardinality(categories) + cardinality(channels) + cardinality(caller_departments) + cardinality(keywords) > 0)
      )`);
    await q.query(`CREATE INDEX routing_rule_order_idx ON routing_rule (rule_order, id)`);
    // History outlives a deleted rule, so no foreign key.
    await q.query(`
      CREATE TABLE routing_rule_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        rule_id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL
      )`);
    await q.query(`CREATE INDEX routing_rule_history_rule_idx ON routing_rule_history (rule_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['routing_rule_history', 'routing_rule', 'category_history', 'category']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
