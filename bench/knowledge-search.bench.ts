/**
 * Knowledge search at scale: 50,000 generated articles (Japanese and English, built from the seed
 * articles with variations) indexed into a throw-away PostgreSQL database, then a few hundred searches
 * and suggestions (the evaluation set, variations with typos, and generated descriptions) timed one at a
 * time through ArticleSearchService (analysis, SQL and ranking; no HTTP).
 *
 *   node -r @swc-node/register bench/knowledge-search.bench.ts
 *   BENCH_ARTICLES=5000 node -r @swc-node/register bench/knowledge-search.bench.ts   (a quicker run)
 *   BENCH_KEEP_DATABASE=1 ...   keeps the indexed database and prints its name;
 *   BENCH_DATABASE=<name> ...   times the queries again on that database (no generation, no indexing).
 *
 * Target (issue 4): p95 under 50 ms for search and for suggestions.
 */
import { availableParallelism } from 'node:os';
import { ensurePostgres } from '@helpdesk/local-postgres';
import {
  createSearchIndexHarness,
  SearchIndexHarness,
  searchableSeedArticle,
} from '../apps/knowledge-base-service/test/search-index-harness';
import { markdownSegments } from '../apps/knowledge-base-service/src/search/domain/markdown-segments';
import { EVALUATION_QUERIES } from '../apps/knowledge-base-service/src/search/evaluation/search-evaluation-set';
import { SearchableArticle } from '../apps/knowledge-base-service/src/search/searchable-article';
import { SEED_ARTICLES, SeedArticle } from '../apps/knowledge-base-service/src/seed/seed-articles';
import { writeResults } from './support/bench-report';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 50_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 300);
const SUGGESTIONS = Number(process.env.BENCH_SUGGESTIONS ?? 300);
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1';
const EXISTING_DATABASE = process.env.BENCH_DATABASE;
const BATCH = 500;
const TARGET_P95_MS = 50;

/** A small deterministic PRNG (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rand = random(20260401);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const shuffle = <T>(items: readonly T[]): T[] =>
  items
    .map((item) => ({ item, key: rand() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);

// Business systems and places that generated articles are "about": a realistic, growing vocabulary.
const PREFIXES = [
  'Sakura',
  'Fuji',
  'Nova',
  'Atlas',
  'Orion',
  'Kaede',
  'Hikari',
  'Zephyr',
  'Midori',
  'Polaris',
  'Tsubasa',
  'Aurora',
];
const SUFFIXES = ['Pay', 'Desk', 'Flow', 'Link', 'Mail', 'Sign', 'Docs', 'Hub', 'Time', 'Sales', 'HR', 'Stock'];
const PLACES_JA = ['東京本社', '大阪支社', '名古屋営業所', '福岡オフィス', '在宅勤務', '出張先', '会議室', '工場'];
const PLACES_EN = [
  'Tokyo HQ',
  'Osaka office',
  'Nagoya branch',
  'Fukuoka office',
  'home office',
  'on the road',
  'meeting room',
  'plant',
];
const DEVICES = ['Windows 11', 'Windows 10', 'macOS', 'iPhone', 'Android', 'ThinkPad', 'Surface', 'Let’s note'];

interface SeedText {
  seed: SeedArticle;
  segments: string[];
}

function generateArticles(count: number, categories: Map<string, string>): SearchableArticle[] {
  const seeds: SeedText[] = SEED_ARTICLES.map((seed) => ({ seed, segments: markdownSegments(seed.body) }));
  const byLanguage = { ja: seeds.filter((s) => s.seed.language === 'ja'), en: seeds.filter((s) => s.seed.language === 'en') };
  const now = Date.now();
  const articles: SearchableArticle[] = [];
  for (let i = 0; i < count; i++) {
    const base = pick(seeds);
    const ja = base.seed.language === 'ja';
    const system = `${pick(PREFIXES)}${pick(SUFFIXES)}`;
    const place = pick(ja ? PLACES_JA : PLACES_EN);
    const device = pick(DEVICES);
    const code = `0x${Math.floor(rand() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}`;
    const other = pick(byLanguage[base.seed.language]);
    const kept = shuffle(base.segments).slice(0, Math.max(2, Math.ceil(base.segments.length * (0.4 + rand() * 0.5))));
    const intro = ja
      ? `${place}で ${system}（${device}）を使っているときの対処です。エラーコード ${code} が表示されることがあります。`
      : `For ${system} on ${device} at the ${place}. You may see error code ${code}.`;
    const body = [intro, ...kept.map((s) => (rand() < 0.4 ? `- ${s}` : s)), pick(other.segments)].join('\n\n');
    const article = searchableSeedArticle(
      {
        ...base.seed,
        title: ja ? `${base.seed.title}（${system}・${place}）` : `${base.seed.title} (${system}, ${place})`,
        body,
        tags: [...base.seed.tags, system],
      },
      `KB${String(i + 1).padStart(7, '0')}`,
      categories,
    );
    const helpful = Math.floor(rand() * 30);
    article.helpfulCount = helpful;
    article.notHelpfulCount = Math.floor(rand() * 10);
    article.updatedAt = new Date(now - Math.floor(rand() * 3 * 365 * 86_400_000));
    articles.push(article);
  }
  return articles;
}

/** Evaluation queries, the same with a typo, and short generated queries (a system and a topic). */
function searchQueries(count: number): string[] {
  const queries = EVALUATION_QUERIES.map((q) => q.query);
  const typo = (text: string) =>
    text.replace(/[a-z]{5,}/i, (word) => {
      const at = 1 + Math.floor(rand() * (word.length - 2));
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    });
  const topicsJa = ['VPN 接続', 'パスワード', 'ログイン できない', '印刷', '同期', 'エラー', '遅い', 'インストール'];
  const topicsEn = ['vpn', 'password reset', 'cannot sign in', 'printing', 'sync error', 'error code', 'slow', 'install'];
  while (queries.length < count) {
    const r = rand();
    if (r < 0.3) queries.push(typo(pick(EVALUATION_QUERIES).query));
    else if (r < 0.65) queries.push(`${pick(PREFIXES)}${pick(SUFFIXES)} ${pick(topicsJa)}`);
    else queries.push(`${pick(PREFIXES)}${pick(SUFFIXES)} ${pick(topicsEn)}`);
  }
  return shuffle(queries).slice(0, count);
}

/** What an employee types into the incident form: a sentence or two, the last word often unfinished. */
function suggestionTexts(count: number): string[] {
  const texts: string[] = [];
  const openersJa = ['昨日から', '今朝から', '在宅勤務中に', '急ぎです。', ''];
  const openersEn = ['Since this morning ', 'Help! ', 'Working from home and ', ''];
  while (texts.length < count) {
    const seed = pick(SEED_ARTICLES.filter((a) => a.audience === 'employees'));
    const ja = seed.language === 'ja';
    const sentence = `${pick(ja ? openersJa : openersEn)}${pick(EVALUATION_QUERIES.filter((q) => (ja ? /[ぁ-ん]/.test(q.query) : !/[ぁ-ん]/.test(q.query)))).query}`;
    const detail = pick(markdownSegments(seed.body)).slice(0, 80);
    const text = `${sentence}. ${detail}`;
    texts.push(rand() < 0.5 ? text.slice(0, text.length - 2) : text);
  }
  return texts;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, durations: number[], results: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    run: label,
    n: sorted.length,
    'p50 ms': round(percentile(sorted, 50)),
    'p95 ms': round(percentile(sorted, 95)),
    'p99 ms': round(percentile(sorted, 99)),
    'max ms': round(sorted[sorted.length - 1]),
    'empty results': results.filter((r) => r === 0).length,
  };
}

async function main() {
  const postgres = await ensurePostgres();
  process.env.DATABASE_URL ??= postgres.url;
  console.log(`PostgreSQL: ${postgres.kind}; ${availableParallelism()} cores; ${ARTICLES} articles`);
  const harness = await createSearchIndexHarness('bench', { existingDatabase: EXISTING_DATABASE });
  let indexSeconds: number | null = null;
  let articleCount = ARTICLES;
  try {
    if (!EXISTING_DATABASE) indexSeconds = await generateAndIndex(harness);
    const [sizes] = await harness.dataSource.query(`
      SELECT (SELECT count(*) FROM kb_search_document)::int AS articles,
             pg_size_pretty(pg_total_relation_size('kb_search_document')) AS documents,
             pg_size_pretty(pg_total_relation_size('kb_search_segment')) AS segments,
             pg_size_pretty(pg_total_relation_size('kb_search_term')) AS vocabulary,
             (SELECT count(*) FROM kb_search_term WHERE document_count > 0)::int AS terms`);
    articleCount = sizes.articles;
    console.log(
      `Index of ${sizes.articles} articles: documents ${sizes.documents}, segments ${sizes.segments}, ` +
        `vocabulary ${sizes.vocabulary} (${sizes.terms} terms)`,
    );

    const employee = { roles: ['employee' as const], locale: 'ja' };
    const timed = async (run: () => Promise<{ items: unknown[] }>) => {
      const start = process.hrtime.bigint();
      const { items } = await run();
      return { ms: Number(process.hrtime.bigint() - start) / 1e6, count: items.length };
    };
    rand = random(20260402); // the same queries whether the corpus was generated now or before
    for (const q of searchQueries(30)) await harness.search.search(employee, { q }); // warm-up

    const searches = { ms: [] as number[], results: [] as number[] };
    for (const q of searchQueries(SEARCHES)) {
      const r = await timed(() => harness.search.search(employee, { q }));
      searches.ms.push(r.ms);
      searches.results.push(r.count);
    }
    const suggestions = { ms: [] as number[], results: [] as number[] };
    for (const text of suggestionTexts(SUGGESTIONS)) {
      const r = await timed(() => harness.search.suggest(employee, { text }));
      suggestions.ms.push(r.ms);
      suggestions.results.push(r.count);
    }

    const table = [
      summary('search (10 per page)', searches.ms, searches.results),
      summary('suggestions (5)', suggestions.ms, suggestions.results),
    ];
    console.table(table);
    const met = table.every((row) => row['p95 ms'] < TARGET_P95_MS);
    console.log(`Target p95 < ${TARGET_P95_MS} ms: ${met ? 'met' : 'NOT met'}`);
    const file = writeResults('knowledge-search', {
      at: new Date().toISOString(),
      cores: availableParallelism(),
      postgres: postgres.kind,
      articles: articleCount,
      indexSeconds,
      sizes,
      latency: table,
      targetP95Ms: TARGET_P95_MS,
      met,
    });
    console.log(`Results: ${file}`);
  } finally {
    if (KEEP_DATABASE && !EXISTING_DATABASE) {
      await harness.dataSource.destroy();
      console.log(`Kept the database: BENCH_DATABASE=${harness.db.name} (drop it when done)`);
    } else {
      await harness.close();
    }
    await postgres.stop();
  }
}

/** Generates the articles and indexes them, two batches at a time; returns the seconds it took. */
async function generateAndIndex(harness: SearchIndexHarness): Promise<number> {
  const articles = generateArticles(ARTICLES, harness.categories);
  console.log(`Generated ${articles.length} articles (${articles.filter((a) => a.language === 'ja').length} in Japanese)`);
  // One batch analyses (CPU) while the other waits for PostgreSQL.
  const t0 = Date.now();
  let next = 0;
  let indexed = 0;
  const worker = async () => {
    while (next < articles.length) {
      const batch = articles.slice(next, next + BATCH);
      next += BATCH;
      await harness.dataSource.transaction(async (m) => {
        for (const a of batch) await harness.indexer.upsert(m, a);
      });
      indexed += batch.length;
      if (indexed % 5000 < BATCH) console.log(`  indexed ${indexed} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = (Date.now() - t0) / 1000;
  console.log(`Indexed ${articles.length} articles in ${seconds.toFixed(1)} s (${Math.round(articles.length / seconds)}/s)`);
  // What autovacuum would do after a bulk load: drop dead row versions of the vocabulary, refresh statistics.
  await harness.dataSource.query(`VACUUM ANALYZE kb_search_document`);
  await harness.dataSource.query(`VACUUM ANALYZE kb_search_segment`);
  await harness.dataSource.query(`VACUUM ANALYZE kb_search_term`);
  return seconds;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
