import { findUnsafeLinks } from '../markdown/markdown-renderer';
import { SEED_ARTICLES, SEED_CATEGORIES } from './seed-articles';

describe('seed content', () => {
  const keys = SEED_ARTICLES.map((a) => a.key);
  const byKey = new Map(SEED_ARTICLES.map((a) => [a.key, a]));

  it('has at least 30 articles with unique keys, in Japanese and English', () => {
    expect(SEED_ARTICLES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(keys).size).toBe(keys.length);
    const ja = SEED_ARTICLES.filter((a) => a.language === 'ja').length;
    const en = SEED_ARTICLES.filter((a) => a.language === 'en').length;
    expect(Math.min(ja, en)).toBeGreaterThanOrEqual(15);
  });

  it('links each translation to an original in the other language (one level, one translation per language)', () => {
    for (const article of SEED_ARTICLES.filter((a) => a.translationOf)) {
      const original = byKey.get(article.translationOf!);
      expect({ key: article.key, original: original?.key }).toEqual({ key: article.key, original: article.translationOf });
      expect(original!.language).not.toBe(article.language);
      expect(original!.translationOf).toBeUndefined();
      expect(original!.audience).toBe(article.audience);
    }
    const translated = SEED_ARTICLES.filter((a) => a.translationOf).map((a) => `${a.translationOf}:${a.language}`);
    expect(new Set(translated).size).toBe(translated.length);
  });

  it('files every article under a seed category; parents come before children', () => {
    const codes = SEED_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    SEED_CATEGORIES.forEach((c, i) => {
      if (c.parentCode) expect(codes.slice(0, i)).toContain(c.parentCode);
    });
    for (const article of SEED_ARTICLES)
      expect({ key: article.key, category: codes.includes(article.categoryCode) }).toEqual({ key: article.key, category: true });
  });

  it('keeps a few procedures for IT staff only, the rest for employees', () => {
    const staff = SEED_ARTICLES.filter((a) => a.audience === 'it_staff');
    expect(staff.length).toBeGreaterThanOrEqual(2);
    expect(staff.length).toBeLessThan(SEED_ARTICLES.length / 4);
  });

  it('is real content: titles within limits, bodies with steps, no unsafe links', () => {
    for (const article of SEED_ARTICLES) {
      expect(article.title.length).toBeGreaterThan(5);
      expect(article.title.length).toBeLessThanOrEqual(200);
      expect(article.body.length).toBeGreaterThan(400);
      expect(article.body).toMatch(/^\s*(\d+\.|-) /m);
      expect(article.tags.length).toBeGreaterThan(0);
      expect(findUnsafeLinks(article.body)).toEqual([]);
    }
  });
});
