import { candidateKeysOf, candidateKeyString, categoryKeyOf, ciKeyOf } from './candidate-key';

describe('candidate keys', () => {
  it('writes ci:<id> and category:<name>, keeping case and Unicode as given', () => {
    expect(candidateKeyString({ kind: 'ci', ciId: '7f0c-42' })).toBe('ci:7f0c-42');
    expect(candidateKeyString({ kind: 'category', category: 'Email' })).toBe('category:Email');
    expect(candidateKeyString({ kind: 'category', category: 'email' })).not.toBe('category:Email');
    expect(candidateKeyString({ kind: 'category', category: 'メール/Outlook 📧' })).toBe('category:メール/Outlook 📧');
  });

  it('cannot confuse a CI with a category whatever their names', () => {
    expect(candidateKeyString({ kind: 'ci', ciId: 'category:x' })).not.toBe(
      candidateKeyString({ kind: 'category', category: 'x' }),
    );
  });

  it('takes the keys an incident has, CI first; null or empty names none', () => {
    expect(candidateKeysOf({ ciId: 'ci-1', category: 'Email' })).toEqual([
      { kind: 'ci', ciId: 'ci-1' },
      { kind: 'category', category: 'Email' },
    ]);
    expect(candidateKeysOf({ ciId: null, category: 'Email' })).toEqual([{ kind: 'category', category: 'Email' }]);
    expect(candidateKeysOf({ ciId: '', category: '' })).toEqual([]);
    expect(ciKeyOf({ ciId: null })).toBeNull();
    expect(categoryKeyOf({ category: null })).toBeNull();
  });
});
