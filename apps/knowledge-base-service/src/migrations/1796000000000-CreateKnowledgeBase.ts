import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Articles with every version, the category tree, feedback, deflections, portal help sessions, and the
 * local copy of resolved incidents that drafts start from. Search tables are the search module's own migration.
 */
export class CreateKnowledgeBase1796000000000 implements MigrationInterface {
  name = 'CreateKnowledgeBase1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kb_category (
        id uuid PRIMARY KEY,
        code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 80),
        parent_id uuid REFERENCES kb_category (id),
        name_ja text NOT NULL CHECK (char_length(name_ja) BETWEEN 1 AND 100),
        name_en text NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 100),
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT kb_category_not_own_parent CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await q.query(`CREATE UNIQUE INDEX kb_category_code ON kb_category (code)`);
    await q.query(`CREATE INDEX kb_category_parent_idx ON kb_category (parent_id, sort_order, code)`);

    await q.query(`CREATE SEQUENCE kb_article_number_seq START 1`);
    await q.query(`
      CREATE TABLE kb_article (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        state text NOT NULL CHECK (state IN ('draft', 'in_review', 'published', 'retired')),
        language text NOT NULL CHECK (language IN ('ja', 'en')),
        translation_of uuid REFERENCES kb_article (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (char_length(body) <= 100000),
        category_id uuid REFERENCES kb_category (id),
        tags text[] NOT NULL DEFAULT '{}',
        audience text NOT NULL CHECK (audience IN ('employees', 'it_staff')),
        related_ci_ids text[] NOT NULL DEFAULT '{}',
        incident_categories text[] NOT NULL DEFAULT '{}',
        source_type text NOT NULL DEFAULT 'manual' CHECK (source_type IN ('manual', 'incident', 'known_error', 'seed')),
        source_id text,
        source_number text,
        author_id text NOT NULL,
        author_name text,
        updated_by_id text NOT NULL,
        updated_by_name text,
        submitted_at timestamptz,
        submitted_by_id text,
        review_note text,
        reviewed_by_id text,
        first_published_at timestamptz,
        published_at timestamptz,
        published_by_id text,
        retired_at timestamptz,
        retired_by_id text,
        retire_reason text,
        view_count integer NOT NULL DEFAULT 0 CHECK (view_count >= 0),
        helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
        not_helpful_count integer NOT NULL DEFAULT 0 CHECK (not_helpful_count >= 0),
        deflection_count integer NOT NULL DEFAULT 0 CHECK (deflection_count >= 0),
        version integer NOT NULL CHECK (version >= 1),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT kb_article_not_own_translation CHECK (translation_of IS DISTINCT FROM id)
      )`);
    await q.query(`CREATE UNIQUE INDEX kb_article_number ON kb_article (number)`);
    await q.query(`CREATE INDEX kb_article_list_idx ON kb_article (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX kb_article_state_idx ON kb_article (state, updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX kb_article_category_idx ON kb_article (category_id)`);
    await q.query(`CREATE INDEX kb_article_tags_idx ON kb_article USING gin (tags)`);
    // A translation group (the original and its translations) has one live article per language.
    await q.query(`
      CREATE UNIQUE INDEX kb_article_translation_language ON kb_article ((COALESCE(translation_of, id)), language)
        WHERE state <> 'retired'`);
    // One draft per known error and one article per seed key, however often the event or the seed runs.
    await q.query(`
      CREATE UNIQUE INDEX kb_article_source ON kb_article (source_type, source_id)
        WHERE source_type IN ('known_error', 'seed')`);
    await q.query(`CREATE INDEX kb_article_source_incident_idx ON kb_article (source_id) WHERE source_type = 'incident'`);

    await q.query(`
      CREATE TABLE kb_article_version (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES kb_article (id),
        version integer NOT NULL,
        action text NOT NULL,
        state text NOT NULL,
        author_id text NOT NULL,
        author_name text,
        author_role text NOT NULL,
        at timestamptz NOT NULL,
        language text NOT NULL,
        translation_of uuid,
        title text NOT NULL,
        body text NOT NULL,
        category_id uuid,
        tags text[] NOT NULL DEFAULT '{}',
        audience text NOT NULL,
        related_ci_ids text[] NOT NULL DEFAULT '{}',
        incident_categories text[] NOT NULL DEFAULT '{}',
        changes jsonb NOT NULL DEFAULT '[]',
        diff text NOT NULL DEFAULT '',
        lines_added integer NOT NULL DEFAULT 0,
        lines_removed integer NOT NULL DEFAULT 0,
        note text
      )`);
    await q.query(`CREATE UNIQUE INDEX kb_article_version_article_version ON kb_article_version (article_id, version)`);

    await q.query(`
      CREATE TABLE kb_feedback (
        id uuid PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES kb_article (id),
        user_id uuid NOT NULL,
        user_name text,
        helpful boolean NOT NULL,
        comment text CHECK (char_length(comment) <= 2000),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX kb_feedback_article_user ON kb_feedback (article_id, user_id)`);
    await q.query(`CREATE INDEX kb_feedback_article_idx ON kb_feedback (article_id, updated_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE kb_deflection (
        id uuid PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES kb_article (id),
        user_id uuid NOT NULL,
        session_id text,
        query text,
        source text,
        at timestamptz NOT NULL
      )`);
    // A help session ends once: a second "this solved my problem" in it is the same deflection.
    await q.query(
      `CREATE UNIQUE INDEX kb_deflection_user_session ON kb_deflection (user_id, session_id) WHERE session_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX kb_deflection_article_idx ON kb_deflection (article_id, at)`);

    // Portal help sessions (self-service rate denominator); the id is the client's, unique per session.
    await q.query(`
      CREATE TABLE kb_help_session (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,100}$'),
        user_id uuid NOT NULL,
        query text,
        started_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE kb_resolved_incident (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        incident_version integer NOT NULL,
        state text NOT NULL,
        short_description text NOT NULL,
        description text NOT NULL,
        resolution_code text,
        resolution_notes text,
        category text,
        subcategory text,
        ci_id text,
        knowledge_article_id text,
        resolved_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX kb_resolved_incident_number ON kb_resolved_incident (number)`);
    await q.query(`CREATE INDEX kb_resolved_incident_article_idx ON kb_resolved_incident (knowledge_article_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'kb_resolved_incident',
      'kb_help_session',
      'kb_deflection',
      'kb_feedback',
      'kb_article_version',
      'kb_article',
      'kb_category',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS kb_article_number_seq`);
  }
}
