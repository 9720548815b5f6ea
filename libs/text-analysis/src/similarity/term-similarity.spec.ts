import { cosineSimilarity, jaccardSimilarity, termVector } from './term-similarity';

describe('term similarity', () => {
  it('counts terms, optionally weighted', () => {
    expect([...termVector(['vpn', 'connect', 'vpn'])]).toEqual([
      ['vpn', 2],
      ['connect', 1],
    ]);
    expect(termVector(['vpn', 'vpn'], () => 0.5).get('vpn')).toBe(1);
  });

  it('cosine: 1 for proportional vectors, 0 for disjoint, symmetric in between', () => {
    const a = termVector(['vpn', 'connect']);
    const b = termVector(['vpn', 'vpn', 'connect', 'connect']);
    const c = termVector(['printer']);
    const d = termVector(['vpn', 'printer']);
    expect(cosineSimilarity(a, b)).toBeCloseTo(1);
    expect(cosineSimilarity(a, c)).toBe(0);
    expect(cosineSimilarity(a, d)).toBeCloseTo(0.5);
    expect(cosineSimilarity(d, a)).toBeCloseTo(cosineSimilarity(a, d));
    expect(cosineSimilarity(termVector([]), a)).toBe(0);
  });

  it('jaccard over distinct terms', () => {
    expect(jaccardSimilarity(['a', 'b', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(jaccardSimilarity([], [])).toBe(0);
    expect(jaccardSimilarity(['a'], ['a'])).toBe(1);
  });
});
