import { quoteText, replyWithQuote } from './quote-text';

describe('quoteText', () => {
  const at = new Date('2026-11-23T01:02:00Z');

  it('prefixes every line and keeps Japanese and emoji intact', () => {
    expect(quoteText('山田 花子 🌸', at, 'VPNに繋がりません\r\n助けて 🙏')).toBe(
      'On 2026-11-23 01:02 UTC, 山田 花子 🌸 wrote:\n> VPNに繋がりません\n> 助けて 🙏',
    );
  });

  it('nests quotes of quotes', () => {
    expect(quoteText('A', at, '> earlier\nnew', 'ja')).toBe('2026-11-23 01:02 UTC A さんは書きました:\n>> earlier\n> new');
  });

  it('puts the reply above the quote', () => {
    expect(replyWithQuote('Thanks!  \n', '> x')).toBe('Thanks!\n\n> x');
  });
});
