import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Problems with their RCA record and known error, their history, the local copy of incidents (fed by
 * incident.*, the problem side of links), candidate clusters with their members, and the copy of people
 * who may own problems (fed by identity.*).
 */
export class CreateProblems1797000000000 implements MigrationInterface {
  name = 'CreateProblems1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE problem_number_seq START 1`);
    await q.query(`
      CREATE TABLE problem (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 20000),
        state text NOT NULL CHECK (state IN ('new', 'investigating', 'known_error', 'resolved', 'closed')),
        priority smallint NOT NULL CHECK (priority BETWEEN 1 AND 5),
        category text,
        ci_ids text[] NOT NULL DEFAULT '{}',
        language text NOT NULL CHECK (language IN ('ja', 'en')),
        owner_id uuid,
        owner_name text,
        group_id uuid,
        group_name text,
        symptoms text,
        timeline jsonb NOT NULL DEFAULT '[]',
        root_cause text,
        contributing_factors text[] NOT NULL DEFAULT '{}',
        five_whys text[] NOT NULL DEFAULT '{}',
        workaround text,
        known_error_at timestamptz,
        known_error_by_id text,
        resolution_notes text,
        resolve_linked_incidents boolean,
        resolved_at timestamptz,
        resolved_by_id text,
        closed_at timestamptz,
        closed_by_id text,
        close_notes text,
        linked_incident_count integer NOT NULL DEFAULT 0 CHECK (linked_incident_count >= 0),
        open_incident_count integer NOT NULL DEFAULT 0 CHECK (open_incident_count >= 0),
        origin text NOT NULL CHECK (origin IN ('manual', 'candidate', 'import')),
        candidate_id uuid,
        external_source text,
        external_key text,
        search_terms text[] NOT NULL DEFAULT '{}',
        created_by_id text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX problem_number ON problem (number)`);
    await q.query(`CREATE INDEX problem_list_idx ON problem (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX problem_state_idx ON problem (state, updated_at DESC, id DESC)`);
    // One problem per source reference, however often an import replays.
    await q.query(`
      CREATE UNIQUE INDEX problem_external ON problem (external_source, external_key) WHERE external_key IS NOT NULL`);
    await q.query(`CREATE INDEX problem_search_idx ON problem USING gin (search_terms) WHERE known_error_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE problem_history (
        id bigserial PRIMARY KEY,
        problem_id uuid NOT NULL REFERENCES problem (id),
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        problem_version integer NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        note text
      )`);
    await q.query(`CREATE INDEX problem_history_idx ON problem_history (problem_id, id DESC)`);

    await q.query(`
      CREATE TABLE problem_incident (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        short_description text NOT NULL,
        state text NOT NULL,
        priority smallint NOT NULL,
        category text,
        ci_id text,
        opened_at timestamptz NOT NULL,
        source text NOT NULL,
        incident_version integer NOT NULL,
        terms text[] NOT NULL DEFAULT '{}',
        problem_id uuid REFERENCES problem (id),
        link_version integer NOT NULL DEFAULT 0,
        linked_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX problem_incident_number ON problem_incident (number)`);
    await q.query(
      `CREATE INDEX problem_incident_problem_idx ON problem_incident (problem_id, opened_at) WHERE problem_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX problem_incident_ci_idx ON problem_incident (ci_id, opened_at) WHERE ci_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX problem_incident_category_idx ON problem_incident (category, opened_at) WHERE category IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE problem_candidate (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ci', 'category')),
        ci_id text,
        category text,
        state text NOT NULL CHECK (state IN ('open', 'accepted', 'dismissed')),
        first_opened_at timestamptz NOT NULL,
        last_opened_at timestamptz NOT NULL,
        problem_id uuid REFERENCES problem (id),
        decided_by_id text,
        decided_at timestamptz,
        dismiss_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // A key may hold several open candidates (a later burst on one CI, another symptom in one category); they
    // never share an incident. Decisions on a key are serialised with an advisory lock instead of a unique index.
    await q.query(`CREATE INDEX problem_candidate_state_idx ON problem_candidate (state, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX problem_candidate_key_idx ON problem_candidate (key)`);
    await q.query(`
      CREATE TABLE problem_candidate_incident (
        candidate_id uuid NOT NULL REFERENCES problem_candidate (id),
        incident_id uuid NOT NULL REFERENCES problem_incident (id),
        added_at timestamptz NOT NULL,
        PRIMARY KEY (candidate_id, incident_id)
      )`);
    await q.query(`CREATE INDEX problem_candidate_incident_idx ON problem_candidate_incident (incident_id)`);

    await q.query(`
      CREATE TABLE problem_person (
        id uuid PRIMARY KEY,
        display_name text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE problem_group (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'problem_group',
      'problem_person',
      'problem_candidate_incident',
      'problem_candidate',
      'problem_incident',
      'problem_history',
      'problem',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS problem_number_seq`);
  }
}
