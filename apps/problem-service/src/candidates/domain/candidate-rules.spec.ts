import { assertCandidateRules, CandidateRules, DEFAULT_CANDIDATE_RULES } from './candidate-rules';

describe('candidate rules', () => {
  it('defaults to itil.md: 5 incidents within 24 h, similarity 0.35', () => {
    expect(DEFAULT_CANDIDATE_RULES).toEqual({ minIncidents: 5, windowMs: 86_400_000, minSimilarity: 0.35 });
    expect(Object.isFrozen(DEFAULT_CANDIDATE_RULES)).toBe(true);
    expect(() => assertCandidateRules(DEFAULT_CANDIDATE_RULES)).not.toThrow();
  });

  it.each<[Partial<CandidateRules>, RegExp]>([
    [{ minIncidents: 1 }, /minIncidents/],
    [{ minIncidents: 2.5 }, /minIncidents/],
    [{ minIncidents: NaN }, /minIncidents/],
    [{ windowMs: 0 }, /windowMs/],
    [{ windowMs: -1 }, /windowMs/],
    [{ windowMs: Infinity }, /windowMs/],
    [{ minSimilarity: -0.1 }, /minSimilarity/],
    [{ minSimilarity: 1.01 }, /minSimilarity/],
    [{ minSimilarity: NaN }, /minSimilarity/],
  ])('refuses %j', (change, field) => {
    expect(() => assertCandidateRules({ ...DEFAULT_CANDIDATE_RULES, ...change })).toThrow(field);
    expect(() => assertCandidateRules({ ...DEFAULT_CANDIDATE_RULES, ...change })).toThrow(RangeError);
  });

  it('accepts the edges: 2 incidents, similarity 0 and 1', () => {
    for (const change of [{ minIncidents: 2 }, { minSimilarity: 0 }, { minSimilarity: 1 }, { windowMs: 1 }]) {
      expect(() => assertCandidateRules({ ...DEFAULT_CANDIDATE_RULES, ...change })).not.toThrow();
    }
  });
});
