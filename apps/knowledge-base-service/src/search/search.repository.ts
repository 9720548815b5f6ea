import { Injectable } from '@nestjs/common';
import { ArticleAudience, ArticleLanguage, UUID_PATTERN } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CandidateTier } from './domain/query-plan';
import { DocumentMatch } from './domain/ranking';
import { SnippetSegment } from './domain/search-document';
import { CorrectionCandidate } from './domain/spelling-correction';

/** The vocabulary row whose count is the number of indexed documents (no real term is empty). */
export const DOCUMENT_COUNT_TERM = '';

export interface SearchDocumentRow {
  articleId: string;
  number: string;
  language: ArticleLanguage;
  title: string;
  tags: string[];
  categoryId: string | null;
  audience: ArticleAudience;
  helpfulCount: number;
  notHelpfulCount: number;
  publishedAt: Date;
  updatedAt: Date;
  tsvector: string;
  headTsvector: string;
  segments: SnippetSegment[];
}

export interface CandidateFilter {
  audiences: readonly ArticleAudience[];
  language: ArticleLanguage | null;
  categoryIds: readonly string[] | null;
}

export interface CandidateRow {
  articleId: string;
  number: string;
  language: ArticleLanguage;
  title: string;
  tags: string[];
  categoryId: string | null;
  audience: ArticleAudience;
  helpfulCount: number;
  notHelpfulCount: number;
  updatedAt: Date;
  match: DocumentMatch;
}

// ts_rank's weights for D, C, B, A: a cheap first ordering of the candidates before the exact ranking.
const PRE_RANK_WEIGHTS = '{0.1, 0.3, 0.5, 1.0}';
// Documents looked at per candidate tier at most: bounds the work when a tier's terms are very common.
const TIER_SCAN = 1500;

/** The only code that touches the kb_search_* tables. */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the article's index row (if any) and returns its distinct terms. */
  async lockIndexedTerms(manager: EntityManager, articleId: string): Promise<string[] | null> {
    const rows: Array<{ terms: string[] }> = await manager.query(
      `SELECT tsvector_to_array(terms) AS terms FROM kb_search_document WHERE article_id = $1 FOR UPDATE`,
      [articleId],
    );
    return rows.length > 0 ? rows[0].terms : null;
  }

  async upsertDocument(manager: EntityManager, row: SearchDocumentRow, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO kb_search_document (article_id, number, language, title, tags, category_id, audience, helpful_count,
         not_helpful_count, published_at, updated_at, terms, head_terms, indexed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::tsvector, $13::tsvector, $14)
       ON CONFLICT (article_id) DO UPDATE SET number = excluded.number, language = excluded.language, title = excluded.title,
         tags = excluded.tags, category_id = excluded.category_id, audience = excluded.audience,
         helpful_count = excluded.helpful_count, not_helpful_count = excluded.not_helpful_count,
         published_at = excluded.published_at, updated_at = excluded.updated_at, terms = excluded.terms,
         head_terms = excluded.head_terms, indexed_at = excluded.indexed_at`,
      [
        row.articleId,
        row.number,
        row.language,
        row.title,
        row.tags,
        row.categoryId,
        row.audience,
        row.helpfulCount,
        row.notHelpfulCount,
        row.publishedAt,
        row.updatedAt,
        row.tsvector,
        row.headTsvector,
        at,
      ],
    );
    await manager.query(
      `INSERT INTO kb_search_segment (article_id, segments) VALUES ($1, $2::jsonb)
       ON CONFLICT (article_id) DO UPDATE SET segments = excluded.segments`,
      [row.articleId, JSON.stringify(row.segments)],
    );
  }

  async deleteDocument(manager: EntityManager, articleId: string): Promise<void> {
    await manager.query(`DELETE FROM kb_search_document WHERE article_id = $1`, [articleId]);
  }

  async updateFeedback(manager: EntityManager, articleId: string, helpfulCount: number, notHelpfulCount: number): Promise<void> {
    await manager.query(`UPDATE kb_search_document SET helpful_count = $2, not_helpful_count = $3 WHERE article_id = $1`, [
      articleId,
      helpfulCount,
      notHelpfulCount,
    ]);
  }

  /**
   * Adds the deltas to the vocabulary's document counts in one statement, rows taken in term order, so
   * that concurrent publications lock common terms in the same order (no deadlock).
   */
  async adjustTermCounts(manager: EntityManager, deltas: ReadonlyMap<string, number>): Promise<void> {
    const entries = [...deltas].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return;
    const terms = entries.map(([term]) => term);
    await manager.query(
      `INSERT INTO kb_search_term AS t (term, document_count)
       SELECT d.term, greatest(d.delta, 0) FROM unnest($1::text[], $2::int[]) AS d(term, delta)
       ON CONFLICT (term) DO UPDATE
         SET document_count = greatest(t.document_count + ($2::int[])[array_position($1::text[], excluded.term)], 0)`,
      [terms, entries.map(([, delta]) => delta)],
    );
  }

  /** Documents per term, and the number of documents under DOCUMENT_COUNT_TERM. */
  async termCounts(terms: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ term: string; document_count: number }> = await this.dataSource.query(
      `SELECT term, document_count FROM kb_search_term WHERE term = ANY($1::text[])`,
      [[...new Set([...terms, DOCUMENT_COUNT_TERM])]],
    );
    return new Map(rows.map((r) => [r.term, r.document_count]));
  }

  /** Vocabulary terms that share trigrams with each term (pg_trgm), the most similar first. */
  async similarTerms(terms: readonly string[]): Promise<Map<string, CorrectionCandidate[]>> {
    const rows: Array<{ query: string; term: string; document_count: number }> = await this.dataSource.transaction(async (m) => {
      // Below pg_trgm's default 0.3: a one-letter slip in a six-letter word shares few trigrams.
      await m.query(`SET LOCAL pg_trgm.similarity_threshold = 0.25`);
      return m.query(
        `SELECT q.term AS query, t.term, t.document_count
         FROM unnest($1::text[]) AS q(term)
         CROSS JOIN LATERAL (
           SELECT v.term, v.document_count FROM kb_search_term v
           WHERE v.term % q.term AND v.document_count > 0
           ORDER BY similarity(v.term, q.term) DESC, v.document_count DESC
           LIMIT 8
         ) t`,
        [terms],
      );
    });
    const byQuery = new Map<string, CorrectionCandidate[]>();
    for (const row of rows) {
      const list = byQuery.get(row.query) ?? [];
      list.push({ term: row.term, documentCount: row.document_count });
      byQuery.set(row.query, list);
    }
    return byQuery;
  }

  /** A category (id or code) and every category below it; empty when there is no such category. */
  async categoryWithDescendants(category: string): Promise<string[]> {
    const isId = UUID_PATTERN.test(category);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM kb_category WHERE ${isId ? 'id = $1::uuid' : 'code = $1'}
         UNION
         SELECT c.id FROM kb_category c JOIN tree ON c.parent_id = tree.id
       )
       SELECT id FROM tree`,
      [isId ? category.toLowerCase() : category],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Up to `limit` candidates, tier by tier (strict to loose; a later tier only when the earlier ones do
   * not fill the limit; at most TIER_SCAN documents looked at per tier), ordered within a tier by ts_rank
   * of the whole query, each with where it holds each query group: `fieldQueries` has three queries per
   * group (title, tags, body) whose matches become the bits of `fields` (title 4, tags 2, body 1).
   */
  async candidates(
    tiers: readonly CandidateTier[],
    rankQuery: string,
    fieldQueries: readonly string[],
    filter: CandidateFilter,
    limit: number,
  ): Promise<CandidateRow[]> {
    if (tiers.length === 0) return [];
    const column = (t: CandidateTier) => (t.field === 'head' ? 'd.head_terms' : 'd.terms');
    const tierMatch = (i: number) => `${column(tiers[i])} @@ ($8::tsquery[])[${i + 1}]`;
    // Tiers are disjoint (a document counts in the first tier it meets), and each is read lazily: UNION ALL
    // under LIMIT stops asking once the limit is reached.
    const tierSelects = tiers.map(
      (_, i) => `(
        SELECT * FROM (
          SELECT d.article_id, d.number, d.language, d.title, d.tags, d.category_id, d.audience, d.helpful_count,
                 d.not_helpful_count, d.updated_at, d.terms
          FROM kb_search_document d
          WHERE ${tierMatch(i)}
            ${Array.from({ length: i }, (__, j) => `AND NOT (${tierMatch(j)})`).join(' ')}
            AND d.audience = ANY($1::text[])
            AND ($2::text IS NULL OR d.language = $2)
            AND ($3::uuid[] IS NULL OR d.category_id = ANY($3::uuid[]))
          LIMIT $5::int
        ) t
        ORDER BY ts_rank('${PRE_RANK_WEIGHTS}', t.terms, $6::tsquery) DESC, t.article_id
        LIMIT $4
      )`,
    );
    const groups = fieldQueries.length / 3;
    // One integer per group; the queries are parameters, only their number shapes the statement.
    const fields = Array.from(
      { length: groups },
      (_, g) =>
        `(c.terms @@ ($7::tsquery[])[${3 * g + 1}])::int * 4 + (c.terms @@ ($7::tsquery[])[${3 * g + 2}])::int * 2` +
        ` + (c.terms @@ ($7::tsquery[])[${3 * g + 3}])::int`,
    );
    const rows: Array<{
      article_id: string;
      number: string;
      language: ArticleLanguage;
      title: string;
      tags: string[];
      category_id: string | null;
      audience: ArticleAudience;
      helpful_count: number;
      not_helpful_count: number;
      updated_at: Date;
      density: number;
      fields: number[];
    }> = await this.dataSource.query(
      `SELECT c.article_id, c.number, c.language, c.title, c.tags, c.category_id, c.audience, c.helpful_count,
              c.not_helpful_count, c.updated_at, ts_rank('${PRE_RANK_WEIGHTS}', c.terms, $6::tsquery) AS density,
              ARRAY[${fields.join(', ')}]::int[] AS fields
       FROM (SELECT * FROM (${tierSelects.join(' UNION ALL ')}) tiers LIMIT $4) c`,
      [
        filter.audiences,
        filter.language,
        filter.categoryIds,
        limit,
        TIER_SCAN,
        rankQuery,
        fieldQueries,
        tiers.map((t) => t.query),
      ],
    );
    return rows.map((r) => ({
      articleId: r.article_id,
      number: r.number,
      language: r.language,
      title: r.title,
      tags: r.tags,
      categoryId: r.category_id,
      audience: r.audience,
      helpfulCount: r.helpful_count,
      notHelpfulCount: r.not_helpful_count,
      updatedAt: r.updated_at,
      match: { fields: r.fields, density: Number(r.density) },
    }));
  }

  async segments(articleIds: readonly string[]): Promise<Map<string, SnippetSegment[]>> {
    if (articleIds.length === 0) return new Map();
    const rows: Array<{ article_id: string; segments: SnippetSegment[] }> = await this.dataSource.query(
      `SELECT article_id, segments FROM kb_search_segment WHERE article_id = ANY($1::uuid[])`,
      [articleIds],
    );
    return new Map(rows.map((r) => [r.article_id, r.segments]));
  }
}
