import { chooseCorrections, editDistance, needsCorrection } from './spelling-correction';

describe('editDistance', () => {
  it.each([
    ['outlok', 'outlook', 1],
    ['reciev', 'receiv', 1],
    ['pasword', 'password', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early over the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('corrections', () => {
  it('only for rare Latin terms of four letters or more', () => {
    expect(needsCorrection('outlok', 0)).toBe(true);
    expect(needsCorrection('outlok', 2)).toBe(true);
    expect(needsCorrection('outlook', 50)).toBe(false);
    expect(needsCorrection('vnp', 0)).toBe(false);
    expect(needsCorrection('パスワド', 0)).toBe(false);
  });

  it('chooses the closest, then the most common candidates', () => {
    const candidates = [
      { term: 'sword', documentCount: 90 },
      { term: 'password', documentCount: 30 },
      { term: 'passport', documentCount: 500 },
    ];
    expect(chooseCorrections('pasword', 0, candidates)).toEqual(['password', 'sword']);
  });

  it('allows one edit in words up to six letters and two in longer ones', () => {
    expect(chooseCorrections('prnt', 0, [{ term: 'print', documentCount: 3 }])).toEqual(['print']);
    expect(chooseCorrections('prt', 0, [{ term: 'print', documentCount: 3 }])).toEqual([]);
    expect(chooseCorrections('quokka', 0, [{ term: 'quota', documentCount: 3 }])).toEqual([]);
    expect(chooseCorrections('conecton', 0, [{ term: 'connection', documentCount: 3 }])).toEqual(['connection']);
  });

  it('measures a synonym against its spelling', () => {
    expect(chooseCorrections('labtop', 0, [{ term: 'pc', spelling: 'laptop', documentCount: 12 }])).toEqual(['pc']);
  });

  it('corrects a term that occurs only towards a far more common one', () => {
    expect(chooseCorrections('outlok', 1, [{ term: 'outlook', documentCount: 10 }])).toEqual([]);
    expect(chooseCorrections('outlok', 1, [{ term: 'outlook', documentCount: 40 }])).toEqual(['outlook']);
  });
});
