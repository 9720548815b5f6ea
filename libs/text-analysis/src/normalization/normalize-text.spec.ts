import { katakanizeHiraganaLoanwords, normalizeKatakanaWord, normalizeText, toHiragana, toKatakana } from './normalize-text';
import { scriptRuns } from './script-runs';

describe('normalizeText', () => {
  it('folds full-width Latin and digits to half-width lower case (NFKC)', () => {
    expect(normalizeText('ＶＰＮ　ＰＣ１２３').text).toBe('vpn pc123');
  });

  it('composes half-width katakana with their sound marks and keeps the original offsets', () => {
    const original = 'ｱｶｳﾝﾄのﾊﾟｽﾜｰﾄﾞ';
    const n = normalizeText(original);
    expect(n.text).toBe('アカウントのパスワード');
    const start = n.text.indexOf('パスワード');
    const end = start + 'パスワード'.length;
    expect(original.slice(n.starts[start], n.ends[end - 1])).toBe('ﾊﾟｽﾜｰﾄﾞ');
  });

  it('keeps emoji (with ZWJ sequences) as single clusters', () => {
    const n = normalizeText('a👨‍👩‍👧b');
    expect(n.text.startsWith('a')).toBe(true);
    expect(n.text.endsWith('b')).toBe(true);
    expect(n.starts[n.text.length - 1]).toBe('a👨‍👩‍👧'.length);
  });
});

describe('kana helpers', () => {
  it('converts between hiragana and katakana', () => {
    expect(toKatakana('ぱすわーど')).toBe('パスワード');
    expect(toHiragana('ツナガル')).toBe('つながる');
  });

  it('reads hiragana loanwords with a long-vowel mark as katakana, native words not', () => {
    expect(katakanizeHiraganaLoanwords('ぱすわーどをわすれた')).toBe('パスワードをわすれた');
    expect(katakanizeHiraganaLoanwords('つながらない')).toBe('つながらない');
  });

  it('drops the final long vowel of longer katakana words only', () => {
    expect(normalizeKatakanaWord('プリンター')).toBe('プリンタ');
    expect(normalizeKatakanaWord('エラー')).toBe('エラー');
    expect(normalizeKatakanaWord('漢字ー')).toBe('漢字ー');
  });
});

describe('scriptRuns', () => {
  it('splits Japanese from words and drops separators', () => {
    expect(scriptRuns("vpnに繋がらない! can't 😀 2段階").map((r) => [r.kind, r.text])).toEqual([
      ['word', 'vpn'],
      ['ja', 'に繋がらない'],
      ['word', "can't"],
      ['word', '2'],
      ['ja', '段階'],
    ]);
  });
});
