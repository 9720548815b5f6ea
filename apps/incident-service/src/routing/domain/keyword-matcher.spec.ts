import fc from 'fast-check';
import { compileKeyword, containsKeyword, matchesKeyword, normalizeText } from './keyword-matcher';

/** ASCII letters and digits as their full-width forms (Ａ–Ｚ, ａ–ｚ, ０–９). */
const fullWidth = (s: string) => s.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const asciiWord = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);
const latinText = fc.stringMatching(/^[a-z]{1,8}$/);
const japanese = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x3041, max: 0x3093 }).map((c) => String.fromCharCode(c)), // hiragana
    fc.integer({ min: 0x30a1, max: 0x30f3 }).map((c) => String.fromCharCode(c)), // katakana
    fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), // kanji
  ),
  minLength: 1,
  maxLength: 8,
});
const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });
const anyUnicode = fc.string({ unit: 'binary', maxLength: 40 });

describe('normalizeText', () => {
  it('folds width, case and spacing the same way for both scripts', () => {
    expect(normalizeText('ＶＰＮに　繋がらない')).toBe('vpnに 繋がらない');
    expect(normalizeText('ﾊﾟｽﾜｰﾄﾞを忘れました')).toBe('パスワードを忘れました');
    expect(normalizeText('  Login\tFAILED\n\n(again)!  ')).toBe('login failed again');
    expect(normalizeText('PC won’t start')).toBe(normalizeText("PC won't start"));
    expect(normalizeText('Wi-Fi、無線LAN。')).toBe('wi fi 無線lan');
    expect(normalizeText('C# と Outlook 😀')).toBe('c# と outlook 😀');
  });

  it('is idempotent (any Unicode, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyUnicode), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves leading, trailing or doubled spaces', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyUnicode), (s) => {
        const n = normalizeText(s);
        expect(n).toBe(n.trim());
        expect(n).not.toMatch(/\s\s/);
      }),
    );
  });
});

describe('keyword matching', () => {
  it('matches English keywords on word boundaries only', () => {
    expect(matchesKeyword('Login failed', 'login')).toBe(true);
    expect(matchesKeyword("I can't LOGIN.", 'login')).toBe(true);
    expect(matchesKeyword('comfa settings', 'mfa')).toBe(false);
    expect(matchesKeyword('MFA code never arrives', 'mfa')).toBe(true);
    expect(matchesKeyword('my printers', 'printer')).toBe(false);
    expect(matchesKeyword('network-drive', 'network')).toBe(true);
    // Documented choice: punctuation is a space, so log-in = log in, and neither is "login".
    expect(matchesKeyword("can't log-in", 'log in')).toBe(true);
    expect(matchesKeyword("can't log-in", 'login')).toBe(false);
    expect(matchesKeyword('cannot logon', 'log')).toBe(false);
  });

  it('treats Japanese next to a Latin word as a boundary', () => {
    expect(matchesKeyword('VPNに繋がらない', 'VPN')).toBe(true);
    expect(matchesKeyword('社内WiFiが遅い', 'wifi')).toBe(true);
    expect(matchesKeyword('PCが起動しない', 'pc')).toBe(true);
  });

  it('matches Japanese keywords as substrings', () => {
    expect(matchesKeyword('パスワードを忘れました', 'パスワード')).toBe(true);
    expect(matchesKeyword('PCが起動しない', '起動しない')).toBe(true);
    expect(matchesKeyword('無線LANに繋がらない', '無線')).toBe(true);
    expect(matchesKeyword('プリンターが紙詰まり', 'プリンタ')).toBe(true);
    expect(matchesKeyword('ネットワークが遅い', 'ログイン')).toBe(false);
  });

  it('matches full-width and half-width variants of keyword and text', () => {
    expect(matchesKeyword('ＭＦＡのコードが届かない', 'mfa')).toBe(true);
    expect(matchesKeyword('mfa', 'ＭＦＡ')).toBe(true);
    expect(matchesKeyword('ﾌﾟﾘﾝﾀｰが動かない', 'プリンター')).toBe(true);
    expect(matchesKeyword('プリンターが動かない', 'ﾌﾟﾘﾝﾀｰ')).toBe(true);
  });

  it('refuses keywords that normalise to nothing', () => {
    expect(compileKeyword(' 、。- ')).toBeNull();
    expect(compileKeyword('')).toBeNull();
  });

  it('a keyword always matches text that contains it surrounded by spaces', () => {
    const keyword = fc.oneof(asciiWord, japanese, anyText).filter((k) => compileKeyword(k) !== null);
    fc.assert(
      fc.property(anyText, keyword, anyText, (before, k, after) => {
        expect(matchesKeyword(`${before} ${k} ${after}`, k)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('full-width and upper-case variants of an ASCII keyword match', () => {
    fc.assert(
      fc.property(anyText, asciiWord, anyText, fc.boolean(), (before, k, after, upper) => {
        const variant = fullWidth(upper ? k.toUpperCase() : k);
        expect(matchesKeyword(`${before} ${variant} ${after}`, k)).toBe(true);
        expect(matchesKeyword(`${before} ${k} ${after}`, variant)).toBe(true);
      }),
    );
  });

  it('an ASCII keyword never matches inside a longer Latin word', () => {
    fc.assert(
      fc.property(latinText, asciiWord, latinText, (prefix, k, suffix) => {
        expect(matchesKeyword(`${prefix}${k}${suffix}`, k)).toBe(false);
      }),
    );
  });

  it('an ASCII keyword matches when Japanese text touches it on both sides', () => {
    fc.assert(
      fc.property(japanese, asciiWord, japanese, (before, k, after) => {
        expect(matchesKeyword(`${before}${k.toUpperCase()}${after}`, k)).toBe(true);
      }),
    );
  });

  it('a Japanese keyword matches anywhere inside Japanese text', () => {
    fc.assert(
      fc.property(japanese, japanese, japanese, (before, k, after) => {
        expect(matchesKeyword(`${before}${k}${after}`, k)).toBe(true);
      }),
    );
  });

  it('finds a later occurrence when an earlier one sits inside a word', () => {
    const k = compileKeyword('vpn')!;
    expect(containsKeyword(normalizeText('myvpnapp then vpn'), k)).toBe(true);
  });
});
