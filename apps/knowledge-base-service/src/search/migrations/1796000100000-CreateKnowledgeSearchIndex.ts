import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index of published articles: one row per article with its analysed terms (a weighted
 * tsvector under a GIN index) and what ranking and filters need; the body's plain-text segments for
 * snippets in a table of their own (so that searches scan narrow rows); and the vocabulary of indexed
 * terms with their document counts (inverse document frequency, and spelling correction through pg_trgm).
 * No foreign key to kb_article: the index is derived data that the article writer keeps in step within
 * its own transactions (ArticleSearchIndexer).
 */
export class CreateKnowledgeSearchIndex1796000100000 implements MigrationInterface {
  name = 'CreateKnowledgeSearchIndex1796000100000';

  async up(q: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13: the database owner may create it.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE kb_search_document (
        article_id uuid PRIMARY KEY,
        number text NOT NULL,
        language text NOT NULL CHECK (language IN ('ja', 'en')),
        title text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        category_id uuid,
        audience text NOT NULL CHECK (audience IN ('employees', 'it_staff')),
        helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
        not_helpful_count integer NOT NULL DEFAULT 0 CHECK (not_helpful_count >= 0),
        published_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        terms tsvector NOT NULL,
        head_terms tsvector NOT NULL,
        indexed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX kb_search_document_terms_idx ON kb_search_document USING gin (terms)`);
    // Title and tags only: finds the best candidates without visiting every article that mentions a common term.
    await q.query(`CREATE INDEX kb_search_document_head_terms_idx ON kb_search_document USING gin (head_terms)`);
    await q.query(`CREATE INDEX kb_search_document_category_idx ON kb_search_document (category_id)`);
    await q.query(`
      CREATE TABLE kb_search_segment (
        article_id uuid PRIMARY KEY REFERENCES kb_search_document (article_id) ON DELETE CASCADE,
        segments jsonb NOT NULL
      )`);
    // The empty term counts the documents themselves (N of the inverse document frequency). Every
    // publication updates the counts of its terms: free space in each page keeps those updates HOT (no
    // new index entries, in the trigram index least of all).
    await q.query(`
      CREATE TABLE kb_search_term (
        term text PRIMARY KEY,
        document_count integer NOT NULL CHECK (document_count >= 0)
      ) WITH (fillfactor = 50)`);
    await q.query(`CREATE INDEX kb_search_term_trgm_idx ON kb_search_term USING gin (term gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS kb_search_term`);
    await q.query(`DROP TABLE IF EXISTS kb_search_segment`);
    await q.query(`DROP TABLE IF EXISTS kb_search_document`);
  }
}
