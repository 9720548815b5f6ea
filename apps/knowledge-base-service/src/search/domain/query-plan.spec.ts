import { fieldQueries, groupQuery, inverseDocumentFrequency, planQuery, selectiveLimit } from './query-plan';

const stats = (documentCount: number, counts: Record<string, number>) => ({
  documentCount,
  termCounts: new Map(Object.entries(counts)),
});

describe('planQuery', () => {
  it('weighs rare terms above common ones', () => {
    expect(inverseDocumentFrequency(1000, 5)).toBeGreaterThan(inverseDocumentFrequency(1000, 500));
    expect(inverseDocumentFrequency(1000, 1000)).toBeGreaterThan(0);
  });

  it('groups distinct terms, drops terms no document holds, and keeps order', () => {
    const plan = planQuery(['vpn', 'connect', 'vpn', 'zzzz'], stats(100, { vpn: 5, connect: 40 }));
    expect(plan.groups.map((g) => g.term)).toEqual(['vpn', 'connect']);
    expect(plan.anyQuery).toBe("'vpn' | 'connect'");
  });

  it('replaces an unknown term by its corrections and marks it corrected', () => {
    const plan = planQuery(['outlok'], stats(100, { outlook: 7 }), { corrections: new Map([['outlok', ['outlook']]]) });
    expect(plan.groups).toEqual([
      expect.objectContaining({ term: 'outlok', lexemes: ['outlook'], corrected: true, documentCount: 7 }),
    ]);
  });

  it('keeps a known term beside its corrections', () => {
    const plan = planQuery(['teh'], stats(100, { teh: 1, the: 90 }), { corrections: new Map([['teh', ['the']]]) });
    expect(plan.groups[0].lexemes).toEqual(['teh', 'the']);
    expect(plan.groups[0].corrected).toBe(false);
  });

  it('matches the word being typed as a prefix, even when no document holds it whole', () => {
    const plan = planQuery(['vpn', 'passw'], stats(100, { vpn: 5 }), { prefixTerm: 'passw' });
    expect(plan.groups[1]).toEqual(expect.objectContaining({ prefixes: ['passw'], lexemes: ['passw'] }));
    expect(groupQuery(plan.groups[1])).toBe("('passw' | 'passw':*)");
  });

  it('looks for candidates from strict to loose: all terms in the title, anywhere, then any term', () => {
    const plan = planQuery(['vpn', 'connect'], stats(100, { vpn: 5, connect: 40 }));
    expect(plan.tiers).toEqual([
      { field: 'head', query: "'vpn' & 'connect'" },
      { field: 'all', query: "'vpn' & 'connect'" },
      { field: 'head', query: "'vpn' | 'connect'" },
      { field: 'all', query: "'vpn' | 'connect'" },
    ]);
  });

  it('asks for two of the most informative terms before any one, from three terms on', () => {
    const plan = planQuery(['pc', 'vpn', 'bsod'], stats(100, { pc: 50, vpn: 10, bsod: 2 }));
    expect(plan.tiers.map((t) => t.query)).toEqual([
      "'pc' & 'vpn' & 'bsod'",
      "'pc' & 'vpn' & 'bsod'",
      "('bsod' & 'vpn') | ('bsod' & 'pc') | ('vpn' & 'pc')",
      "('bsod' & 'vpn') | ('bsod' & 'pc') | ('vpn' & 'pc')",
      "'pc' | 'vpn' | 'bsod'",
      "'pc' | 'vpn' | 'bsod'",
    ]);
  });

  it('asks for a selective term rather than any term when there is one', () => {
    const n = 100_000;
    const common = selectiveLimit(n) + 1;
    const plan = planQuery(['pc', 'bsod'], stats(n, { pc: common, bsod: 10 }));
    expect(plan.tiers.slice(2).map((t) => t.query)).toEqual(["'bsod'", "'bsod'"]);
    const allCommon = planQuery(['pc', 'slow'], stats(n, { pc: common, slow: common }));
    expect(allCommon.tiers.slice(2).map((t) => t.query)).toEqual(["'pc' | 'slow'", "'pc' | 'slow'"]);
  });

  it('starts a longer text at "two of its most informative terms"', () => {
    const counts = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`t${i}`, (i + 1) * 10]));
    const plan = planQuery(Object.keys(counts), stats(1000, counts));
    expect(plan.tiers).toHaveLength(4);
    expect(plan.tiers[0].query).toBe(
      "('t0' & 't1') | ('t0' & 't2') | ('t0' & 't3') | ('t0' & 't4') | ('t1' & 't2') | ('t1' & 't3') | ('t1' & 't4') | ('t2' & 't3') | ('t2' & 't4') | ('t3' & 't4')",
    );
  });

  it('has two tiers for one term', () => {
    expect(planQuery(['vpn'], stats(100, { vpn: 5 })).tiers).toEqual([
      { field: 'head', query: "'vpn'" },
      { field: 'all', query: "'vpn'" },
    ]);
  });

  it('keeps the most informative terms of a long text', () => {
    const counts = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`t${i}`, i + 1]));
    const plan = planQuery(Object.keys(counts), stats(1000, counts), { maxGroups: 5 });
    expect(plan.groups.map((g) => g.term)).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('asks per group whether a document holds it in the title, the tags and the body', () => {
    const plan = planQuery(['vpn', 'passw'], stats(100, { vpn: 5 }), { prefixTerm: 'passw' });
    expect(fieldQueries(plan.groups)).toEqual([
      "'vpn':A",
      "'vpn':B",
      "'vpn':C",
      "('passw':A | 'passw':*A)",
      "('passw':B | 'passw':*B)",
      "('passw':C | 'passw':*C)",
    ]);
  });

  it('quotes lexemes safely', () => {
    const plan = planQuery(["it's", 'a|b'], stats(10, { "it's": 1, 'a|b': 1 }));
    expect(plan.anyQuery).toBe("'it''s' | 'a|b'");
  });

  it('has no groups for an empty query', () => {
    expect(planQuery([], stats(10, {})).groups).toEqual([]);
  });
});
