import { detectLanguage, normalizeIdentifiers, normalizeTags } from './article-content';

describe('article content normalisation', () => {
  it('tags: NFKC, lower case, collapsed spaces, no empties or repeats', () => {
    expect(normalizeTags(['ＶＰＮ', 'vpn', ' Remote  Work ', '', '  ', 'パスワード', 'ﾊﾟｽﾜｰﾄﾞ', '🔐'])).toEqual([
      'vpn',
      'remote work',
      'パスワード',
      '🔐',
    ]);
  });

  it('identifiers keep their case but lose blanks and repeats', () => {
    expect(normalizeIdentifiers(['CI-00042', ' CI-00042 ', '', 'network.vpn'])).toEqual(['CI-00042', 'network.vpn']);
  });

  it.each([
    ['VPN に接続できない', 'ja'],
    ['VPN 繋がらない', 'ja'],
    ['ﾌﾟﾘﾝﾀ', 'ja'],
    ['Outlook keeps asking for the password', 'en'],
    ['', 'en'],
  ] as const)('%j is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('any of several texts in Japanese makes it Japanese', () => {
    expect(detectLanguage('Printer offline', null, '再起動で復旧')).toBe('ja');
  });
});
