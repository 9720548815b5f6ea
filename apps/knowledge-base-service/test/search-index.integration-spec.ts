import { randomUUID } from 'node:crypto';
import { SearchableArticle } from '../src/search/searchable-article';
import { createSearchIndexHarness, SearchIndexHarness } from './search-index-harness';

/** The index itself on real PostgreSQL: transactions, re-indexing, the vocabulary counts, awkward text. */
describe('knowledge search index (real PostgreSQL)', () => {
  let h: SearchIndexHarness;
  const employee = { roles: ['employee' as const] };

  beforeAll(async () => {
    h = await createSearchIndexHarness('index');
  }, 60_000);
  afterAll(() => h?.close());

  const article = (overrides: Partial<SearchableArticle> = {}): SearchableArticle => ({
    id: randomUUID(),
    number: `KB${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`,
    language: 'en',
    title: 'Untitled',
    body: 'Nothing here.',
    categoryId: null,
    tags: [],
    audience: 'employees',
    helpfulCount: 0,
    notHelpfulCount: 0,
    publishedAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  });
  const counts = async (...terms: string[]) => {
    const rows: Array<{ term: string; document_count: number }> = await h.dataSource.query(
      `SELECT term, document_count FROM kb_search_term WHERE term = ANY($1)`,
      [terms],
    );
    return Object.fromEntries(terms.map((term) => [term, rows.find((r) => r.term === term)?.document_count ?? 0]));
  };
  const ids = async (q: string) => (await h.search.search(employee, { q })).items.map((i) => i.id);
  const upsert = (a: SearchableArticle) => h.dataSource.transaction((m) => h.indexer.upsert(m, a));

  it('writes in the caller’s transaction: a rollback leaves no trace', async () => {
    const a = article({ title: 'Axolotl terminal reset' });
    await expect(
      h.dataSource.transaction(async (m) => {
        await h.indexer.upsert(m, a);
        throw new Error('the article writer failed after indexing');
      }),
    ).rejects.toThrow('article writer failed');
    expect(await ids('axolotl')).toEqual([]);
    expect(await counts('axolotl')).toEqual({ axolotl: 0 });
  });

  it('re-indexes a changed article and keeps the document counts exact', async () => {
    const before = (await counts(''))[''];
    const a = article({ title: 'Capybara scanner', body: 'The capybara scanner needs toner.' });
    await upsert(a);
    expect(await counts('', 'capybara', 'wombat')).toEqual({ '': before + 1, capybara: 1, wombat: 0 });
    await upsert({ ...a, title: 'Wombat scanner', body: 'The wombat scanner needs toner.' });
    expect(await counts('', 'capybara', 'wombat')).toEqual({ '': before + 1, capybara: 0, wombat: 1 });
    expect(await ids('capybara')).toEqual([]);
    expect(await ids('wombat')).toEqual([a.id]);

    await h.dataSource.transaction((m) => h.indexer.remove(m, a.id));
    await h.dataSource.transaction((m) => h.indexer.remove(m, a.id)); // not indexed any more: nothing happens
    expect(await counts('', 'wombat')).toEqual({ '': before, wombat: 0 });
    expect(await ids('wombat')).toEqual([]);
  });

  it('indexes concurrent publications that share terms without deadlocks or lost counts', async () => {
    const articles = Array.from({ length: 12 }, (_, i) =>
      article({ title: `Pangolin printer ${i}`, body: `Pangolin printers share toner, paper and drivers (${i}).` }),
    );
    await Promise.all(articles.map((a) => upsert(a)));
    expect(await counts('pangolin', 'toner')).toEqual({ pangolin: 12, toner: 12 });
    await Promise.all(articles.slice(0, 5).map((a) => h.dataSource.transaction((m) => h.indexer.remove(m, a.id))));
    expect(await counts('pangolin')).toEqual({ pangolin: 7 });
  });

  it('takes quotes, backslashes, emoji and full-width text, and returns the title as written', async () => {
    const title = "It's C:\\Users\\yamada の「ﾃﾞｽｸﾄｯﾌﾟ」が消えた 😱 (O'Brien)";
    const a = article({
      language: 'ja',
      title,
      body: "Path 'C:\\Temp\\x' and \\\\fs01\\share; it''s fine 🙏",
      tags: ["o'brien", '🔥'],
    });
    await upsert(a);
    const { items } = await h.search.search(employee, { q: "O'Brien デスクトップ" });
    expect(items[0]).toEqual(expect.objectContaining({ id: a.id, title, tags: ["o'brien", '🔥'] }));
    // As the rendered article shows it: Markdown reads a doubled backslash as one.
    expect((await h.search.search(employee, { q: 'fs01' })).items[0].snippet).toContain('\\<mark>fs01</mark>\\share');
  });

  it('indexes a very long body (100,000 characters) within PostgreSQL’s tsvector limits', async () => {
    const body = Array.from({ length: 2_000 }, (_, i) => `Step ${i}: restart the okapi gateway, then check 接続 ${i}.`).join(
      '\n\n',
    );
    const a = article({ title: 'Okapi gateway runbook', body: body.slice(0, 100_000) });
    await upsert(a);
    const { items } = await h.search.search(employee, { q: 'okapi gateway' });
    expect(items[0].id).toBe(a.id);
  });

  it('updates helpfulness counts of an indexed article only', async () => {
    const a = article({ title: 'Meerkat badge reader' });
    await upsert(a);
    await h.dataSource.transaction((m) => h.indexer.recordFeedback(m, a.id, 4, 1));
    await h.dataSource.transaction((m) => h.indexer.recordFeedback(m, randomUUID(), 1, 0));
    expect((await h.search.search(employee, { q: 'meerkat' })).items[0]).toEqual(
      expect.objectContaining({ id: a.id, helpfulCount: 4 }),
    );
  });
});
