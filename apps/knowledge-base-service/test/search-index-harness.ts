import { randomUUID } from 'node:crypto';
import { createDataSource, databaseUrlFor, dropDatabase } from '@helpdesk/database';
import { createTestDatabase, TestDatabase, testDatabaseServerUrl } from '@helpdesk/testing';
import { loadTextAnalyzer, TextAnalyzer } from '@helpdesk/text-analysis';
import { DataSource } from 'typeorm';
import { knowledgeMigrations } from '../src/migrations';
import { ArticleSearchIndexer } from '../src/search/article-search.indexer';
import { ArticleSearchService } from '../src/search/article-search.service';
import { SearchRepository } from '../src/search/search.repository';
import { SearchQueryPlanner } from '../src/search/search-query.planner';
import { SearchableArticle } from '../src/search/searchable-article';
import { SEED_ARTICLES, SEED_CATEGORIES, SeedArticle } from '../src/seed/seed-articles';

/**
 * The search index on its own, over a throw-away database migrated like the service's: the indexer and
 * the search service wired by hand (no HTTP, no Kafka), for the evaluation set and the benchmark.
 */
export interface SearchIndexHarness {
  db: TestDatabase;
  dataSource: DataSource;
  analyzer: TextAnalyzer;
  indexer: ArticleSearchIndexer;
  search: ArticleSearchService;
  /** Category id by code (the seed tree). */
  categories: Map<string, string>;
  /** Indexes seed articles as published; returns article id by seed key. */
  indexSeedArticles(articles?: readonly SeedArticle[]): Promise<Map<string, string>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Use this existing database (already migrated and seeded with categories) and keep it on close. */
  existingDatabase?: string;
}

export async function createSearchIndexHarness(name: string, options: HarnessOptions = {}): Promise<SearchIndexHarness> {
  const existing = options.existingDatabase;
  const db: TestDatabase = existing ? await existingTestDatabase(existing) : await createTestDatabase(`kbs_${name}`);
  const dataSource = createDataSource({
    serverUrl: db.serverUrl,
    database: db.name,
    entities: [],
    migrations: knowledgeMigrations,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (e) {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (!existing) await db.drop().catch(() => undefined);
    throw e;
  }
  const analyzer = await loadTextAnalyzer();
  const repository = new SearchRepository(dataSource);
  const indexer = new ArticleSearchIndexer(analyzer, repository);
  const search = new ArticleSearchService(analyzer, new SearchQueryPlanner(analyzer, repository), repository);
  const categories = existing ? await readCategories(dataSource) : await insertSeedCategories(dataSource);
  let number = 0;

  return {
    db,
    dataSource,
    analyzer,
    indexer,
    search,
    categories,
    indexSeedArticles: async (articles = SEED_ARTICLES) => {
      const ids = new Map<string, string>();
      await dataSource.transaction(async (manager) => {
        for (const seed of articles) {
          const article = searchableSeedArticle(seed, `KB${String(++number).padStart(7, '0')}`, categories);
          await indexer.upsert(manager, article);
          ids.set(seed.key, article.id);
        }
      });
      return ids;
    },
    close: async () => {
      await dataSource.destroy();
      if (!existing) await db.drop();
    },
  };
}

export function searchableSeedArticle(seed: SeedArticle, number: string, categories: Map<string, string>): SearchableArticle {
  const at = new Date();
  return {
    id: randomUUID(),
    number,
    language: seed.language,
    title: seed.title,
    body: seed.body,
    categoryId: categories.get(seed.categoryCode) ?? null,
    tags: seed.tags,
    audience: seed.audience,
    helpfulCount: 0,
    notHelpfulCount: 0,
    publishedAt: at,
    updatedAt: at,
  };
}

async function existingTestDatabase(name: string): Promise<TestDatabase> {
  const serverUrl = testDatabaseServerUrl();
  return { serverUrl, name, url: databaseUrlFor(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

async function readCategories(dataSource: DataSource): Promise<Map<string, string>> {
  const rows: Array<{ id: string; code: string }> = await dataSource.query(`SELECT id, code FROM kb_category`);
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function insertSeedCategories(dataSource: DataSource): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const category of SEED_CATEGORIES) {
    const id = randomUUID();
    ids.set(category.code, id);
    await dataSource.query(
      `INSERT INTO kb_category (id, code, parent_id, name_ja, name_en, sort_order, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 0, now(), now())`,
      [id, category.code, category.parentCode ? ids.get(category.parentCode) : null, category.nameJa, category.nameEn],
    );
  }
  return ids;
}
