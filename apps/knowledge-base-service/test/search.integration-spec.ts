import { randomUUID } from 'node:crypto';
import { as, KbTestApp, publishArticle, startKnowledgeService, TestPerson } from './support/kb-test-app';

/**
 * Knowledge search through the real service: the seed articles published at start-up through the
 * normal publish path (which indexes them), then searched over HTTP with real tokens and PostgreSQL.
 */
describe('knowledge search (HTTP, real PostgreSQL and Kafka)', () => {
  let t: KbTestApp;
  let categoryIds: Map<string, string>;

  beforeAll(async () => {
    t = await startKnowledgeService('search', { SEED_REFERENCE_DATA: 'true' });
    const rows: Array<{ id: string; code: string }> = await t.dataSource.query(`SELECT id, code FROM kb_category`);
    categoryIds = new Map(rows.map((r) => [r.code, r.id]));
  }, 120_000);
  afterAll(() => t?.close());

  interface Item {
    id: string;
    number: string;
    language: string;
    title: string;
    snippet: string;
    score: number;
    categoryId: string | null;
    audience: string;
    tags: string[];
  }

  const search = async (person: TestPerson, params: Record<string, string | number>) => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const res = await as(t, person).get(`/kb/search?${query}`);
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return res.body as { items: Item[]; nextCursor: string | null };
  };
  const suggest = async (person: TestPerson, body: object) => {
    const res = await as(t, person).post('/kb/suggestions', body);
    expect(res.status).toBe(200);
    return res.body as { items: Item[] };
  };

  it('finds Japanese text without spaces, highlighting the words as written', async () => {
    const { items } = await search(t.people.employee, { q: 'VPN 繋がらない' });
    expect(items[0]).toEqual(expect.objectContaining({ title: 'VPN に接続できないとき', language: 'ja', audience: 'employees' }));
    expect(items[0].snippet).toContain('<mark>VPN</mark>');
    expect(items[0].snippet).toMatch(/<mark>(接続|つながら)<\/mark>/);
    expect(items[0].number).toMatch(/^KB\d{7}$/);
  });

  it('stems English, corrects typos, and maps synonyms across languages', async () => {
    expect((await search(t.people.employee, { q: 'outlok not sending' })).items[0].title).toBe(
      'Outlook not sending or receiving email',
    );
    expect((await search(t.people.employee, { q: 'printers not printing anything' })).items[0].title).toBe(
      'Cannot print to the office printer',
    );
    expect((await search(t.people.employee, { q: 'labtop wont turn on' })).items[0].title).toBe("PC won't start or turn on");
    // パスワード and "password" are one term: a Japanese query also finds the English version (after the Japanese one).
    const mixed = (await search(t.people.employee, { q: 'ぱすわーど忘れた' })).items.map((i) => i.title);
    expect(mixed.slice(0, 2)).toEqual(['パスワードを忘れたとき・変更したいとき', 'Forgot your password or want to change it']);
  });

  it('filters by language, by category with its subcategories, and by audience', async () => {
    const english = await search(t.people.employee, { q: 'Outlook メール', lang: 'en' });
    expect(english.items.length).toBeGreaterThan(0);
    expect(english.items.every((i) => i.language === 'en')).toBe(true);

    const network = [categoryIds.get('network'), categoryIds.get('network.vpn'), categoryIds.get('network.wifi')];
    const underNetwork = await search(t.people.employee, { q: '接続 connect', category: 'network', limit: 50 });
    expect(underNetwork.items.length).toBeGreaterThanOrEqual(4);
    expect(underNetwork.items.every((i) => network.includes(i.categoryId!))).toBe(true);
    const vpnOnly = await search(t.people.employee, { q: '接続 connect', category: categoryIds.get('network.vpn')!, limit: 50 });
    expect(vpnOnly.items.map((i) => i.categoryId)).toEqual(vpnOnly.items.map(() => categoryIds.get('network.vpn')));
    expect(vpnOnly.items.length).toBe(2);
    expect((await search(t.people.employee, { q: 'vpn', category: 'no-such-category' })).items).toEqual([]);

    const staffOnly = await search(t.people.agent, { q: 'アカウント ロック account lock', audience: 'it_staff', limit: 50 });
    expect(staffOnly.items.length).toBeGreaterThan(0);
    expect(staffOnly.items.every((i) => i.audience === 'it_staff')).toBe(true);
  });

  it('never shows an employee an article for IT staff, however it is asked', async () => {
    const queries = [
      'AD アカウント ロック解除 手順',
      'unlock ad account powershell',
      'bitlocker recovery key',
      'BitLocker 回復キー',
    ];
    for (const q of queries) {
      const asEmployee = await search(t.people.employee, { q, limit: 50 });
      expect({ q, staff: asEmployee.items.filter((i) => i.audience === 'it_staff') }).toEqual({ q, staff: [] });
      expect((await search(t.people.employee, { q, audience: 'it_staff' })).items).toEqual([]);
      expect((await suggest(t.people.employee, { text: q })).items.filter((i) => i.audience === 'it_staff')).toEqual([]);
      // The same query finds it for IT staff: the filter, not the query, kept it out.
      expect((await search(t.people.agent, { q })).items[0].audience).toBe('it_staff');
    }
  });

  it('builds snippets from the text a reader sees: Markdown syntax gone, raw HTML escaped', async () => {
    const article = await publishArticle(t, {
      title: 'Zebrafish scanner calibration',
      language: 'en',
      audience: 'employees',
      body:
        'The **zebrafish** scanner needs [calibration](https://example.com/cal) every week.\n\n' +
        '<script>alert("zebrafish")</script> <img src=x onerror=alert(1)> `zebrafish --calibrate`',
    });
    const { items } = await search(t.people.employee, { q: 'zebrafish' });
    expect(items.map((i) => i.id)).toEqual([article.id]);
    const snippet = items[0].snippet;
    expect(snippet).toContain('The <mark>zebrafish</mark> scanner needs calibration every week.');
    expect(snippet).toContain('&lt;script&gt;alert(&quot;<mark>zebrafish</mark>&quot;)&lt;/script&gt;');
    expect(snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(snippet).not.toMatch(/\*\*|\]\(|https:\/\/example/);
  });

  it('follows the article lifecycle: a retired article leaves the index', async () => {
    const article = await publishArticle(t, {
      title: 'Quokka badge printer jams',
      language: 'en',
      audience: 'employees',
      body: 'When the quokka badge printer jams, open the front cover and remove the card.',
    });
    expect((await search(t.people.employee, { q: 'quokka' })).items.map((i) => i.id)).toEqual([article.id]);
    const count = async () =>
      (
        (await t.dataSource.query(`SELECT document_count FROM kb_search_term WHERE term = 'quokka'`)) as Array<{
          document_count: number;
        }>
      )[0]?.document_count;
    expect(await count()).toBe(1);

    const retired = await as(t, t.people.knowledgeManager).post(`/kb/articles/${article.id}/retire`, { reason: 'replaced' });
    expect(retired.status).toBe(200);
    expect((await search(t.people.employee, { q: 'quokka' })).items.map((i) => i.id)).not.toContain(article.id);
    expect(await count()).toBe(0);
  });

  it('ranks the article readers found helpful above an otherwise equal one', async () => {
    const body = 'Restart the narwhal kiosk from the maintenance menu, then sign in again.';
    const first = await publishArticle(t, { title: 'Narwhal kiosk restart', language: 'en', audience: 'employees', body });
    const second = await publishArticle(t, { title: 'Narwhal kiosk restart', language: 'en', audience: 'employees', body });
    const before = (await search(t.people.employee, { q: 'narwhal kiosk' })).items.map((i) => i.id);
    expect(new Set(before)).toEqual(new Set([first.id, second.id]));
    const lower = before[1];
    for (let i = 0; i < 3; i++) {
      const reader: TestPerson = { id: randomUUID(), email: `reader${i}@example.com`, name: `Reader ${i}`, roles: ['employee'] };
      const res = await as(t, reader).post(`/kb/articles/${lower}/feedback`, { helpful: true });
      expect([200, 201]).toContain(res.status);
    }
    const after = (await search(t.people.employee, { q: 'narwhal kiosk' })).items;
    expect(after[0].id).toBe(lower);
    expect(after[0].score).toBeGreaterThan(after[1].score);
  });

  it('pages with a cursor, without overlap', async () => {
    const first = await search(t.people.employee, { q: 'PC パソコン', limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await search(t.people.employee, { q: 'PC パソコン', limit: 3, cursor: first.nextCursor! });
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.filter((i) => first.items.some((f) => f.id === i.id))).toEqual([]);
    const all = await search(t.people.employee, { q: 'PC パソコン', limit: 6 });
    expect(all.items.map((i) => i.id)).toEqual([...first.items, ...second.items].map((i) => i.id).slice(0, 6));

    const forged = Buffer.from(JSON.stringify({ offset: -5, at: new Date().toISOString() })).toString('base64url');
    const bad = await as(t, t.people.employee).get(`/kb/search?q=pc&cursor=${forged}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('suggests at most five articles for a description, the last word possibly unfinished', async () => {
    const japanese = await suggest(t.people.employee, {
      text: '昨日からパスワードを忘れてしまってPCにサインインできません。どうすればいいですか？🙏',
    });
    expect(japanese.items.length).toBeLessThanOrEqual(5);
    expect(japanese.items[0].title).toBe('パスワードを忘れたとき・変更したいとき');

    const typing = await suggest(t.people.employee, { text: 'my mail is stuck in the outb' });
    expect(typing.items[0].title).toBe('Outlook not sending or receiving email');

    const english = await suggest(t.people.employee, { text: 'Outlook keeps everything in the outbox', lang: 'en' });
    expect(english.items.every((i) => i.language === 'en')).toBe(true);
    expect(english.items[0].title).toBe('Outlook not sending or receiving email');

    expect((await suggest(t.people.employee, { text: '🙏🙏🙏' })).items).toEqual([]);
  });
});
