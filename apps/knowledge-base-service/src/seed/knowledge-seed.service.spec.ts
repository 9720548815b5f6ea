import { articlesInSeedOrder, categoriesInTreeOrder } from './knowledge-seed.service';
import { SEED_ARTICLES, SEED_CATEGORIES, SeedArticle } from './seed-articles';

describe('seed order', () => {
  it('puts parents before their children, whatever the list order', () => {
    const ordered = categoriesInTreeOrder([
      { code: 'a.b.c', parentCode: 'a.b', nameJa: 'c', nameEn: 'c' },
      { code: 'a.b', parentCode: 'a', nameJa: 'b', nameEn: 'b' },
      { code: 'a', nameJa: 'a', nameEn: 'a' },
    ]).map((c) => c.code);
    expect(ordered).toEqual(['a', 'a.b', 'a.b.c']);
  });

  it('puts a category whose parent is missing last (the seeder then names it)', () => {
    const ordered = categoriesInTreeOrder([
      { code: 'orphan', parentCode: 'nowhere', nameJa: 'x', nameEn: 'x' },
      { code: 'a', nameJa: 'a', nameEn: 'a' },
    ]).map((c) => c.code);
    expect(ordered).toEqual(['a', 'orphan']);
  });

  it('puts originals before their translations', () => {
    const article = (key: string, translationOf?: string): SeedArticle => ({
      key,
      translationOf,
      language: translationOf ? 'en' : 'ja',
      title: key,
      body: key,
      categoryCode: 'a',
      tags: [],
      audience: 'employees',
    });
    const ordered = articlesInSeedOrder([article('x-en', 'x-ja'), article('x-ja'), article('y-ja')]).map((a) => a.key);
    expect(ordered).toEqual(['x-ja', 'y-ja', 'x-en']);
  });

  it('the seed content is consistent: unique keys, known categories, translations of existing articles in the other language', () => {
    const keys = new Set(SEED_ARTICLES.map((a) => a.key));
    expect(keys.size).toBe(SEED_ARTICLES.length);
    const codes = new Set(SEED_CATEGORIES.map((c) => c.code));
    for (const a of SEED_ARTICLES) {
      expect(codes).toContain(a.categoryCode);
      if (a.translationOf) {
        const original = SEED_ARTICLES.find((o) => o.key === a.translationOf);
        expect(original?.language).not.toBe(a.language);
      }
    }
    for (const c of SEED_CATEGORIES) if (c.parentCode) expect(codes).toContain(c.parentCode);
  });
});
