import { KnowledgeSeedService } from '../src/seed/knowledge-seed.service';
import { SEED_ARTICLES, SEED_CATEGORIES } from '../src/seed/seed-articles';
import { as, KbTestApp, startKnowledgeService } from './support/kb-test-app';

describe('seed: categories and starter articles published through the normal path (real PostgreSQL and Kafka)', () => {
  let t: KbTestApp;

  beforeAll(async () => {
    t = await startKnowledgeService('seed', { SEED_REFERENCE_DATA: 'true' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('seeds every category and article at start: published, versioned, announced, translations linked', async () => {
    const categories = await t.dataSource.query(`SELECT code FROM kb_category`);
    expect(categories.map((c: { code: string }) => c.code).sort()).toEqual(SEED_CATEGORIES.map((c) => c.code).sort());

    const articles: Array<{ id: string; source_id: string; state: string; translation_of: string | null; version: number }> =
      await t.dataSource.query(`SELECT id, source_id, state, translation_of, version FROM kb_article WHERE source_type = 'seed'`);
    expect(articles).toHaveLength(SEED_ARTICLES.length);
    expect(articles.every((a) => a.state === 'published' && a.version === 3)).toBe(true);

    const byKey = new Map(articles.map((a) => [a.source_id, a]));
    for (const seed of SEED_ARTICLES.filter((s) => s.translationOf)) {
      expect(byKey.get(seed.key)!.translation_of).toBe(byKey.get(seed.translationOf!)!.id);
    }
    // Draft, review, publication: three versions each, and one knowledge.article-published in the outbox.
    const versions = await t.dataSource.query(
      `SELECT action, count(*)::int AS n FROM kb_article_version GROUP BY action ORDER BY action`,
    );
    expect(versions).toEqual([
      { action: 'created', n: SEED_ARTICLES.length },
      { action: 'published', n: SEED_ARTICLES.length },
      { action: 'submitted', n: SEED_ARTICLES.length },
    ]);
    const published = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE envelope->>'type' = 'knowledge.article-published'`,
    );
    expect(published[0].n).toBe(SEED_ARTICLES.length);
  });

  it('is idempotent: a second run (or a second replica) adds nothing', async () => {
    const result = await t.app.get(KnowledgeSeedService).seed();
    expect(result).toEqual({ categoriesCreated: 0, articlesCreated: 0, articlesSkipped: SEED_ARTICLES.length, failed: [] });
    const count = await t.dataSource.query(`SELECT count(*)::int AS n FROM kb_article`);
    expect(count[0].n).toBe(SEED_ARTICLES.length);
  });

  it('employees read the employee articles and never the IT-staff ones', async () => {
    const list = await as(t, t.people.employee).get('/kb/articles?limit=200');
    const employeeSeeds = SEED_ARTICLES.filter((s) => s.audience === 'employees');
    expect(list.body.items).toHaveLength(employeeSeeds.length);
    expect(list.body.items.every((a: { audience: string }) => a.audience === 'employees')).toBe(true);
    const staff = await as(t, t.people.agent).get('/kb/articles?limit=200');
    expect(staff.body.items).toHaveLength(SEED_ARTICLES.length);
  });

  it('seeded articles are in the search index (published through the indexer), by audience', async () => {
    const vpn = SEED_ARTICLES.find((s) => s.key === 'vpn-cannot-connect-ja');
    expect(vpn).toBeDefined();
    const found = await as(t, t.people.employee).get(`/kb/search?q=${encodeURIComponent('VPN 繋がらない')}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((r: { title: string }) => r.title)).toContain(vpn!.title);
    expect(found.body.items.every((r: { audience: string }) => r.audience === 'employees')).toBe(true);
    const indexed = await t.dataSource.query(`SELECT count(*)::int AS n FROM kb_search_document`);
    expect(indexed[0].n).toBe(SEED_ARTICLES.length);
  });
});
