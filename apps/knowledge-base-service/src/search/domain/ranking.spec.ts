import { QueryGroup } from './query-plan';
import { compareRanked, FIELD_BODY, FIELD_TAGS, FIELD_TITLE, freshness, helpfulness, rankScore, relevance } from './ranking';

const group = (term: string, idf: number, extra: Partial<QueryGroup> = {}): QueryGroup => ({
  term,
  lexemes: [term],
  prefixes: [],
  documentCount: 1,
  idf,
  corrected: false,
  ...extra,
});

describe('relevance', () => {
  const vpn = group('vpn', 3);
  const connect = group('connect', 1);
  const match = (fields: number[], density = 0) => ({ fields, density });

  it('counts a title match most, and each field where the term occurs', () => {
    const title = relevance([vpn], match([FIELD_TITLE]));
    const tag = relevance([vpn], match([FIELD_TAGS]));
    const body = relevance([vpn], match([FIELD_BODY]));
    const everywhere = relevance([vpn], match([FIELD_TITLE | FIELD_TAGS | FIELD_BODY]));
    expect(title).toBeGreaterThan(body);
    expect(title).toBeGreaterThan(tag);
    expect(everywhere).toBeGreaterThan(title);
    expect(tag).toBeGreaterThan(0);
  });

  it('lets density separate documents that hold the terms in the same fields, a little', () => {
    const sparse = relevance([vpn], match([FIELD_BODY], 0.1));
    const dense = relevance([vpn], match([FIELD_BODY], 0.9));
    expect(dense).toBeGreaterThan(sparse);
    expect(relevance([vpn], match([FIELD_TITLE], 0))).toBeGreaterThan(dense);
  });

  it('prefers the rare term: a document with it beats one with only the common term', () => {
    const rare = relevance([vpn, connect], match([FIELD_BODY, 0]));
    const common = relevance([vpn, connect], match([0, FIELD_TITLE | FIELD_BODY]));
    expect(rare).toBeGreaterThan(common);
  });

  it('prefers documents that cover the whole query', () => {
    const both = relevance([vpn, connect], match([FIELD_BODY, FIELD_BODY]));
    const one = relevance([vpn, connect], match([FIELD_BODY, 0]));
    expect(both).toBeGreaterThan(one);
  });

  it('weighs spelling corrections less than exact terms', () => {
    const exact = relevance([group('outlook', 2)], match([FIELD_TITLE]));
    const corrected = relevance([group('outlok', 2, { lexemes: ['outlook'], corrected: true })], match([FIELD_TITLE]));
    expect(corrected).toBeLessThan(exact);
    expect(corrected).toBeGreaterThan(0);
  });

  it('is 0 without matches or without a query', () => {
    expect(relevance([vpn], match([0], 0.5))).toBe(0);
    expect(relevance([], match([], 0.5))).toBe(0);
  });
});

describe('helpfulness and freshness', () => {
  it('smooths votes towards 1/2', () => {
    expect(helpfulness(0, 0)).toBe(0.5);
    expect(helpfulness(1, 0)).toBeCloseTo(0.6);
    expect(helpfulness(100, 0)).toBeGreaterThan(0.95);
    expect(helpfulness(0, 100)).toBeLessThan(0.05);
    expect(helpfulness(10, 10)).toBe(0.5);
  });

  it('halves every year and never exceeds 1', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(freshness(now, now)).toBe(1);
    expect(freshness(new Date('2025-06-01T00:00:00Z'), now)).toBeCloseTo(0.5, 2);
    expect(freshness(new Date('2027-01-01T00:00:00Z'), now)).toBe(1);
  });
});

describe('rankScore and compareRanked', () => {
  const base = { relevance: 2, helpfulness: 0.5, freshness: 0.5, preferredLanguage: false };

  it('lets relevance dominate: the most helpful, freshest article does not pass a clearly more relevant one', () => {
    const relevant = rankScore({ ...base, relevance: 2.6, helpfulness: 0.05, freshness: 0 });
    const helpful = rankScore({ ...base, relevance: 2, helpfulness: 1, freshness: 1 });
    expect(relevant).toBeGreaterThan(helpful);
  });

  it('orders equally relevant articles by helpfulness, then freshness', () => {
    expect(rankScore({ ...base, helpfulness: 0.9 })).toBeGreaterThan(rankScore({ ...base, helpfulness: 0.3 }));
    expect(rankScore({ ...base, freshness: 1 })).toBeGreaterThan(rankScore({ ...base, freshness: 0.2 }));
    expect(rankScore({ ...base, preferredLanguage: true })).toBeGreaterThan(rankScore(base));
  });

  it('breaks exact ties by helpfulness, then update time, then id', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-02-01T00:00:00Z');
    const items = [
      { id: 'b', score: 1, helpfulness: 0.5, updatedAt: at },
      { id: 'a', score: 1, helpfulness: 0.5, updatedAt: at },
      { id: 'c', score: 1, helpfulness: 0.5, updatedAt: later },
      { id: 'd', score: 1, helpfulness: 0.7, updatedAt: at },
      { id: 'e', score: 2, helpfulness: 0.1, updatedAt: at },
    ];
    expect([...items].sort(compareRanked).map((i) => i.id)).toEqual(['e', 'd', 'c', 'a', 'b']);
  });
});
